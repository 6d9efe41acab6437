import { LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Text } from '@mantine/core';
import { currencyFractionDigits, formatMinorAsDecimal } from '../money/minor-units.ts';
import type { KpiKey, KpiReport } from './analytics-types.ts';
import { kpiLooks } from './kpi-format.ts';

/** One KPI per day, the period against the comparison period laid over it day by day. */
function TrendChart({ report, kpi }: { report: KpiReport; kpi: KpiKey }) {
  const looks = kpiLooks[kpi];
  const digits = currencyFractionDigits(report.currency);
  const scale = (v: number | null | undefined) =>
    v === null || v === undefined
      ? null
      : looks.kind === 'money'
        ? Number(formatMinorAsDecimal(v, digits))
        : looks.kind === 'rate'
          ? Math.round(v * 10_000) / 100
          : v;
  const data = report.series.map((d) => ({
    day: d.day.slice(5),
    current: scale(d.current[kpi]),
    previous: scale(d.previous?.[kpi]),
  }));
  const series = [{ name: 'current', label: 'This period', color: 'blue.6' }];
  if (report.comparison) series.push({ name: 'previous', label: 'Comparison', color: 'gray.5' });
  return (
    <Card withBorder padding="md">
      <Text fw={600} mb="xs">
        {looks.label}
        {looks.kind === 'money' ? ` (${report.currency})` : looks.kind === 'rate' ? ' (%)' : ''}
      </Text>
      <LineChart
        h={180}
        data={data}
        dataKey="day"
        series={series}
        curveType="monotone"
        withDots={false}
        withLegend
        connectNulls
        aria-label={`${looks.label} per day`}
      />
    </Card>
  );
}

export function TrendCharts({ report }: { report: KpiReport }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" mb="lg">
      <TrendChart report={report} kpi="netSales" />
      <TrendChart report={report} kpi="sessions" />
      <TrendChart report={report} kpi="conversionRate" />
    </SimpleGrid>
  );
}
