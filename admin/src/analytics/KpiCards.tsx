import { Card, SimpleGrid, Text } from '@mantine/core';
import type { KpiReport } from './analytics-types.ts';
import { formatChange, formatKpi, headlineKpis, kpiLooks } from './kpi-format.ts';

/** The headline KPIs: value, and change against the comparison period coloured good or bad. */
export function KpiCards({ report }: { report: KpiReport }) {
  const byKey = new Map(report.kpis.map((k) => [k.key, k]));
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="lg">
      {headlineKpis.map((key) => {
        const kpi = byKey.get(key);
        const looks = kpiLooks[key];
        const change = formatChange(kpi?.change ?? null);
        const good = kpi?.change !== null && kpi?.change !== undefined && kpi.change > 0 === looks.upIsGood;
        return (
          <Card key={key} withBorder padding="md" aria-label={looks.label}>
            <Text size="sm" c="dimmed">
              {looks.label}
            </Text>
            <Text fw={700} fz="xl" data-kpi={key}>
              {formatKpi(key, kpi?.value ?? null, report.currency)}
            </Text>
            <Text size="xs" c={change === null || kpi?.change === 0 ? 'dimmed' : good ? 'teal' : 'red'}>
              {comparisonNote(change, report.comparison !== null, kpi?.previous ?? null, (v) =>
                formatKpi(key, v, report.currency),
              )}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/** "+12.3 % (was €1,200.00)", "was €0.00" when there is no base to compare with, or "no comparison". */
function comparisonNote(
  change: string | null,
  compared: boolean,
  previous: number | null,
  format: (value: number | null) => string,
): string {
  if (!compared) return 'no comparison';
  if (previous === null) return 'nothing to compare with';
  return change === null ? `was ${format(previous)}` : `${change} (was ${format(previous)})`;
}
