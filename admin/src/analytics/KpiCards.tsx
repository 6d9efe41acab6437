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
            <Text
              size="xs"
              c={change === null ? 'dimmed' : kpi?.change === 0 ? 'dimmed' : good ? 'teal' : 'red'}
            >
              {change ?? 'no comparison'}
              {report.comparison && kpi?.previous !== null && kpi?.previous !== undefined
                ? ` (was ${formatKpi(key, kpi.previous, report.currency)})`
                : ''}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
