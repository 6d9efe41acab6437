import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { keyMetricFigure as figure, keyMetricLabels as labels } from '../analytics/key-metric-figures.ts';
import type { MetricAgainstExpected } from './briefing-types.ts';

/** Each key number of the day beside what the weeks before led one to expect, the unusual ones marked and explained. */
export function YesterdayCard({
  day,
  currency,
  metrics,
}: {
  day: string;
  currency: string;
  metrics: MetricAgainstExpected[];
}) {
  const judged = metrics.some((m) => m.expected !== null);
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-label="Yesterday against expected">
      <Text fw={600} mb="sm">
        Yesterday ({day}) against what was expected
      </Text>
      {!judged ? (
        <Text size="sm" c="dimmed" mb="sm">
          Not enough history yet to know what to expect: expectations start after about three weeks of visits
          and orders.
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {metrics.map((m) => (
          <Stack key={m.metric} gap={2} aria-label={labels[m.metric]}>
            <Group gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {labels[m.metric]}
              </Text>
              {m.flagged ? (
                <Badge size="xs" color={m.direction === 'down' ? 'red' : 'teal'} variant="light">
                  {m.direction === 'down' ? 'Low' : 'High'}
                </Badge>
              ) : null}
            </Group>
            <Text fw={700} size="lg">
              {figure(m.metric, m.actual, currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {m.expected === null
                ? (m.note ?? 'No expectation yet')
                : `Expected ${figure(m.metric, m.expected, currency)}${
                    m.lower !== null && m.upper !== null
                      ? ` (${figure(m.metric, m.lower, currency)}–${figure(m.metric, m.upper, currency)})`
                      : ''
                  }`}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {metrics
        .filter((m) => m.flagged && m.explanation)
        .map((m) => (
          <Text key={m.metric} size="sm" mt="sm">
            <b>{labels[m.metric]}:</b> {m.explanation!.sentence}
          </Text>
        ))}
    </Card>
  );
}
