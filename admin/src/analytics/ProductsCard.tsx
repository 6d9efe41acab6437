import { Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { productReportQuery } from './analytics-queries.ts';
import { formatKpi } from './kpi-format.ts';

/** The period's best (or worst) sellers: units, net sales, margin, and how often a view became an order. */
export function ProductsCard({ store, period }: { store: string; period: { from: string; to: string } }) {
  const [order, setOrder] = useState<'top' | 'bottom'>('top');
  const report = useQuery(productReportQuery(store, { ...period, order }));
  const currency = report.data?.currency ?? 'EUR';
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Products</Text>
        <SegmentedControl
          size="xs"
          value={order}
          onChange={(v) => setOrder(v as 'top' | 'bottom')}
          data={[
            { value: 'top', label: 'Top sellers' },
            { value: 'bottom', label: 'Slowest' },
          ]}
        />
      </Group>
      {report.isError ? (
        <LoadFailed what="The products" error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-label={order === 'top' ? 'Top sellers' : 'Slowest sellers'}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th ta="right">Units</Table.Th>
                <Table.Th ta="right">Net sales</Table.Th>
                <Table.Th ta="right">Margin</Table.Th>
                <Table.Th ta="right">Views → orders</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(report.data?.rows ?? []).map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td ta="right">{new Intl.NumberFormat().format(row.units)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(row.netSales, currency)}</Table.Td>
                  <Table.Td ta="right">{formatKpi('grossMargin', row.grossMargin, currency)}</Table.Td>
                  <Table.Td ta="right">{formatKpi('conversionRate', row.viewToOrderRate, currency)}</Table.Td>
                </Table.Tr>
              ))}
              {report.data && report.data.rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" size="sm">
                      No product was viewed or sold in this period.
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
