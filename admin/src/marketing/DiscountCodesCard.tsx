import { Card, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { discountCodesQuery } from './marketing-queries.ts';

/** Per discount code: orders, net sales, discount given, AOV against orders without a code, new customers. */
export function DiscountCodesCard({
  store,
  period,
}: {
  store: string;
  period: { from: string; to: string };
}) {
  const report = useQuery(discountCodesQuery(store, period));
  const currency = report.data?.currency ?? 'EUR';
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, currency));
  if (report.isError) {
    return <LoadFailed what="Discount codes" error={report.error} onRetry={() => void report.refetch()} />;
  }
  const data = report.data;
  return (
    <Card withBorder padding="md">
      <Text fw={600}>Discount codes</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {data
          ? `Orders without a code: ${data.withoutCode.orders}, average ${money(data.withoutCode.aov)}.`
          : ' '}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Discount codes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th ta="right">Orders</Table.Th>
              <Table.Th ta="right">Net sales</Table.Th>
              <Table.Th ta="right">Discount given</Table.Th>
              <Table.Th ta="right">AOV</Table.Th>
              <Table.Th ta="right">vs no code</Table.Th>
              <Table.Th ta="right">New customers</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.codes ?? []).map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td ta="right">{c.orders}</Table.Td>
                <Table.Td ta="right">{money(c.revenue)}</Table.Td>
                <Table.Td ta="right">{money(c.discount)}</Table.Td>
                <Table.Td ta="right">{money(c.aov)}</Table.Td>
                <Table.Td ta="right">
                  {c.aovIndex === null
                    ? '—'
                    : `${c.aovIndex >= 1 ? '+' : ''}${((c.aovIndex - 1) * 100).toFixed(0)}%`}
                </Table.Td>
                <Table.Td ta="right">{c.newCustomers}</Table.Td>
              </Table.Tr>
            ))}
            {data && data.codes.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed">
                    No order used a code in this period.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
