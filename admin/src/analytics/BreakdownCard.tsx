import { Card, Group, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { breakdownQuery } from './analytics-queries.ts';
import { dimensionLabels, dimensions } from './analytics-search.ts';
import type { Dimension } from './analytics-types.ts';
import { formatChange, formatKpi } from './kpi-format.ts';

/** Sessions, orders, conversion and net sales per channel (or campaign, device …) over the period. */
export function BreakdownCard({
  store,
  period,
  dimension,
  onDimension,
}: {
  store: string;
  period: { from: string; to: string; compare: string };
  dimension: Dimension;
  onDimension: (d: Dimension) => void;
}) {
  const report = useQuery(breakdownQuery(store, { ...period, dimension }));
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Where sales came from</Text>
        <Select
          aria-label="Breakdown"
          size="xs"
          w={180}
          allowDeselect={false}
          value={dimension}
          data={dimensions.map((d) => ({ value: d, label: dimensionLabels[d] }))}
          onChange={(v) => v && onDimension(v as Dimension)}
        />
      </Group>
      {report.isError ? (
        <LoadFailed what="The breakdown" error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={`Sales by ${dimensionLabels[dimension].toLowerCase()}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{dimensionLabels[dimension]}</Table.Th>
                <Table.Th ta="right">Sessions</Table.Th>
                <Table.Th ta="right">Orders</Table.Th>
                <Table.Th ta="right">Conversion</Table.Th>
                <Table.Th ta="right">Net sales</Table.Th>
                <Table.Th ta="right">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(report.data?.rows ?? []).slice(0, 15).map((row) => (
                <Table.Tr key={row.value}>
                  <Table.Td>{row.value}</Table.Td>
                  <Table.Td ta="right">{formatKpi('sessions', row.current.sessions, '')}</Table.Td>
                  <Table.Td ta="right">{formatKpi('orders', row.current.orders, '')}</Table.Td>
                  <Table.Td ta="right">
                    {formatKpi('conversionRate', row.current.conversionRate, '')}
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatMoney(row.current.netSales ?? 0, report.data?.currency ?? 'EUR')}
                  </Table.Td>
                  <Table.Td ta="right">{formatChange(row.change.netSales) ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
              {report.data && report.data.rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" size="sm">
                      Nothing in this period yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
