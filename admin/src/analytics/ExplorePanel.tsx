import { LineChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { currencyFractionDigits, formatMinorAsDecimal } from '../money/minor-units.ts';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { exploreQuery } from './analytics-queries.ts';
import { type AnalyticsSearch, dimensionLabels, dimensions } from './analytics-search.ts';
import type { Dimension, ExploreReport, Granularity, KpiKey } from './analytics-types.ts';
import { formatChange, formatKpi, kpiLooks } from './kpi-format.ts';

const lineColors = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6'];

/** A bucket's label on the chart: the day, the week's first day, or the month. */
function bucketLabel(start: string, granularity: Granularity): string {
  return granularity === 'month'
    ? start.slice(0, 7)
    : granularity === 'week'
      ? `wk ${start.slice(5)}`
      : start.slice(5);
}

/** The chart's numbers: money in whole units of the currency, rates in per cent. */
function chartValue(report: ExploreReport, v: number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (report.kind === 'money')
    return Number(formatMinorAsDecimal(v, currencyFractionDigits(report.currency)));
  if (report.kind === 'rate') return Math.round(v * 10_000) / 100;
  return v;
}

/**
 * The KPI explorer: any KPI over the period by day, week or month, split by a breakdown's top
 * values (the rest summed as "(other)"), with the comparison period dashed; the table gives each
 * value, its comparison and the change. Everything it shows is in the address.
 */
export function ExplorePanel({
  store,
  period,
  search,
  onChange,
}: {
  store: string;
  period: { from: string; to: string; compare: string };
  search: AnalyticsSearch;
  onChange: (next: Partial<AnalyticsSearch>) => void;
}) {
  const metric = search.metric ?? 'netSales';
  const breakdown = search.breakdown ?? 'none';
  const granularity = search.granularity ?? 'day';
  const report = useQuery(exploreQuery(store, { ...period, metric, breakdown, granularity }));
  const looks = kpiLooks[metric];

  return (
    <Card withBorder padding="md" aria-label="KPI explorer">
      <Group mb="md" gap="sm" wrap="wrap" align="flex-end">
        <Select
          label="Metric"
          size="sm"
          w={240}
          allowDeselect={false}
          searchable
          value={metric}
          data={Object.entries(kpiLooks).map(([key, l]) => ({ value: key, label: l.label }))}
          onChange={(v) => v && onChange({ metric: v as KpiKey })}
        />
        <Select
          label="Breakdown"
          size="sm"
          w={200}
          allowDeselect={false}
          value={breakdown}
          data={[
            { value: 'none', label: 'None (whole store)' },
            ...dimensions.map((d) => ({ value: d, label: dimensionLabels[d] })),
          ]}
          onChange={(v) => v && onChange({ breakdown: v as Dimension | 'none' })}
        />
        <SegmentedControl
          aria-label="Granularity"
          size="sm"
          value={granularity}
          onChange={(v) => onChange({ granularity: v as Granularity })}
          data={[
            { value: 'day', label: 'Days' },
            { value: 'week', label: 'Weeks' },
            { value: 'month', label: 'Months' },
          ]}
        />
      </Group>
      {report.isError ? (
        <LoadFailed what="The explorer" error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <ListSkeleton label="Loading the explorer" rows={6} />
      ) : (
        <>
          <Text fw={600} mb="xs">
            {looks.label}
            {report.data.kind === 'money'
              ? ` (${report.data.currency})`
              : report.data.kind === 'rate'
                ? ' (%)'
                : ''}
            {breakdown === 'none' ? '' : ` by ${dimensionLabels[breakdown].toLowerCase()}`}
          </Text>
          <ExploreChart report={report.data} />
          <ExploreTable report={report.data} />
        </>
      )}
    </Card>
  );
}

function ExploreChart({ report }: { report: ExploreReport }) {
  const lines =
    report.rows.length > 0
      ? report.rows.map((r) => ({ name: r.key, line: r }))
      : [{ name: 'Store', line: report.total }];
  const data = report.buckets.map((b, i) => {
    const point: Record<string, string | number | null> = {
      bucket: bucketLabel(b.start, report.granularity),
    };
    for (const { name, line } of lines) {
      point[name] = chartValue(report, line.series[i]);
      if (line.previousSeries) point[`${name} (comparison)`] = chartValue(report, line.previousSeries[i]);
    }
    return point;
  });
  const series = lines.flatMap(({ name, line }, i) => {
    const color = lineColors[i % lineColors.length]!;
    return [
      { name, label: name, color },
      ...(line.previousSeries ? [{ name: `${name} (comparison)`, color, strokeDasharray: '5 5' }] : []),
    ];
  });
  return (
    <LineChart
      h={280}
      mb="md"
      data={data}
      dataKey="bucket"
      series={series}
      curveType="linear"
      withDots={report.buckets.length <= 31}
      withLegend
      connectNulls
      aria-label="The metric over the period"
    />
  );
}

function ExploreTable({ report }: { report: ExploreReport }) {
  const format = (v: number | null) => formatKpi(report.metric, v, report.currency);
  const rows = [
    ...report.rows.map((r) => ({ ...r, label: r.key, total: false })),
    { ...report.total, label: 'Total', total: true },
  ];
  const compared = report.comparison !== null;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label="Explorer values">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {report.breakdown === 'none' ? 'Store' : dimensionLabels[report.breakdown as Dimension]}
            </Table.Th>
            <Table.Th ta="right">{kpiLooks[report.metric].label}</Table.Th>
            {compared ? <Table.Th ta="right">Comparison</Table.Th> : null}
            {compared ? <Table.Th ta="right">Change</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.total ? '' : r.label} fw={r.total ? 600 : undefined}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">{format(r.value)}</Table.Td>
              {compared ? <Table.Td ta="right">{format(r.previous)}</Table.Td> : null}
              {compared ? <Table.Td ta="right">{formatChange(r.change) ?? '—'}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
