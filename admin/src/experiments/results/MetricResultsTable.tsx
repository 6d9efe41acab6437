import { Badge, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import type { MetricResult } from './experiment-results-queries.ts';
import {
  formatChance,
  formatCount,
  formatLift,
  formatMetricValue,
  intervalSide,
  metricTitle,
  outcomeText,
  valueHeading,
} from './result-format.ts';
import { intervalReach, UpliftIntervalBar } from './UpliftIntervalBar.tsx';

const roleWords: Record<MetricResult['role'], { label: string; colour: string }> = {
  primary: { label: 'Primary metric', colour: 'blue' },
  secondary: { label: 'Secondary', colour: 'gray' },
  guardrail: { label: 'Guardrail', colour: 'orange' },
};

const sideColour = { good: 'green.7', bad: 'red.7', unclear: undefined } as const;

/**
 * One metric per variant: visitors, what they did, the rate (or amount), the lift over control with
 * its 95% interval drawn around no change, and the chance the variant beats control.
 */
export function MetricResultsTable({ metric, currency }: { metric: MetricResult; currency: string }) {
  const reach = intervalReach(metric.variants.flatMap((v) => (v.interval ? [v.interval] : [])));
  const role = roleWords[metric.role];
  return (
    <Card withBorder padding={0} data-testid={`metric-${metric.metric}`}>
      <Group justify="space-between" px="md" pt="sm" pb="xs" gap="xs">
        <Group gap="xs">
          <Text fw={600}>{metricTitle(metric)}</Text>
          <Badge variant="light" color={role.colour} size="sm">
            {role.label}
          </Badge>
          {metric.inverse && (
            <Text size="xs" c="dimmed">
              lower is better
            </Text>
          )}
        </Group>
        {metric.cuped && (
          <Tooltip
            multiline
            w={300}
            label="Adjusted for what the same visitors bought in the 30 days before the test (CUPED): the figures are the same, the interval is narrower, so a winner shows sooner."
          >
            <Badge variant="outline" color="teal" size="sm" data-testid="cuped-note">
              CUPED adjusted
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" layout="fixed" aria-label={`${metricTitle(metric)} per variant`}>
          <Table.Thead>
            <Table.Tr>
              {/* Fixed widths: every metric's table lines up with the one above it. */}
              <Table.Th w="14%">Variant</Table.Th>
              <Table.Th w="9%" ta="right">
                Visitors
              </Table.Th>
              <Table.Th w="19%" ta="right">
                Outcome
              </Table.Th>
              <Table.Th w="9%" ta="right">
                {valueHeading(metric)}
              </Table.Th>
              <Table.Th w="15%" ta="right">
                Uplift (95% interval)
              </Table.Th>
              <Table.Th w={176} />
              <Table.Th ta="right">Chance to beat control</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {metric.variants.map((v, i) => {
              const side = v.interval ? intervalSide(v.interval, metric.inverse) : 'unclear';
              return (
                <Table.Tr key={v.variantKey}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {v.variantName}
                    </Text>
                    {i === 0 && (
                      <Text size="xs" c="dimmed">
                        control
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(v.visitors)}</Table.Td>
                  <Table.Td ta="right">{outcomeText(metric, v, currency)}</Table.Td>
                  <Table.Td ta="right" fw={500}>
                    {formatMetricValue(metric, v.value, currency)}
                  </Table.Td>
                  {i === 0 ? (
                    <Table.Td colSpan={3} ta="center">
                      <Text size="xs" c="dimmed">
                        the baseline the others are compared with
                      </Text>
                    </Table.Td>
                  ) : v.lift === undefined || !v.interval ? (
                    <Table.Td colSpan={3} ta="center">
                      <Text size="xs" c="dimmed">
                        not enough data to compare yet
                      </Text>
                    </Table.Td>
                  ) : (
                    <>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600} c={sideColour[side]}>
                          {formatLift(v.lift)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatLift(v.interval[0])} to {formatLift(v.interval[1])}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <UpliftIntervalBar
                          lift={v.lift}
                          interval={v.interval}
                          inverse={metric.inverse}
                          reach={reach}
                        />
                      </Table.Td>
                      <Table.Td ta="right" fw={500}>
                        {v.chanceToBeatControl === undefined ? '—' : formatChance(v.chanceToBeatControl)}
                      </Table.Td>
                    </>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
