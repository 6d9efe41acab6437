import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { anomaliesQuery } from './analytics-queries.ts';
import { keyMetricFigure as formatValue, keyMetricLabels as metricLabels } from './key-metric-figures.ts';

/**
 * Yesterday against what the weeks before led one to expect: what is off, by how much, and what
 * moved it (docs/anomalies.md); "nothing unusual" when every metric stayed in its band.
 */
export function AnomaliesCard({ store }: { store: string }) {
  const report = useQuery(anomaliesQuery(store));
  const flagged = report.data?.metrics.filter((m) => m.judgement.flagged) ?? [];
  const judged = report.data?.metrics.filter((m) => m.judgement.status === 'judged') ?? [];
  return (
    <Card withBorder padding="md" mb="lg" aria-label="Yesterday against expected">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Yesterday{report.data ? ` (${report.data.day})` : ''} against what was expected</Text>
        {report.data && flagged.length > 0 ? (
          <Badge color="orange" variant="light">
            {flagged.length} unusual
          </Badge>
        ) : null}
      </Group>
      {report.isError ? (
        <LoadFailed what="The day's check" error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? null : judged.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not enough history yet to know what to expect: the check starts after about three weeks of visits
          and orders.
        </Text>
      ) : flagged.length === 0 ? (
        <Text size="sm">Nothing unusual: every key number was within its expected range.</Text>
      ) : (
        <Stack gap="xs">
          {flagged.map((m) => (
            <div key={m.metric}>
              <Group gap="xs">
                <Badge color={m.judgement.direction === 'down' ? 'red' : 'teal'} variant="light">
                  {m.judgement.direction === 'down' ? 'Down' : 'Up'}{' '}
                  {m.judgement.relativeChange === null
                    ? ''
                    : `${Math.round(Math.abs(m.judgement.relativeChange) * 100)} %`}
                </Badge>
                <Text size="sm" fw={500}>
                  {metricLabels[m.metric]}: {formatValue(m.metric, m.judgement.actual, report.data.currency)}{' '}
                  (expected {formatValue(m.metric, m.judgement.expected, report.data.currency)})
                </Text>
              </Group>
              {m.explanation ? (
                <Text size="sm" c="dimmed" ml="xs">
                  {m.explanation.sentence}
                </Text>
              ) : null}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
