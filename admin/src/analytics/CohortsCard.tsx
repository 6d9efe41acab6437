import { Card, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { cohortsQuery } from './analytics-queries.ts';

/** A cell's shade: darker blue for a larger share of the cohort still buying. */
function shade(share: number): string {
  const alpha = share === 0 ? 0 : 0.12 + Math.min(1, share) * 0.78;
  return `rgba(34, 139, 230, ${alpha.toFixed(2)})`;
}

/** Retention by first-order month: of each month's new customers, the share who ordered each month after. */
export function CohortsCard({ store }: { store: string }) {
  const report = useQuery(cohortsQuery(store, 12));
  const width = report.data?.monthsFollowed ?? 12;
  // Months before the store's first customer say nothing.
  const all = report.data?.cohorts ?? [];
  const first = all.findIndex((c) => c.customers > 0);
  const cohorts = first < 0 ? [] : all.slice(first);
  const offsets = Array.from({ length: width }, (_, month) => ({ month, key: `month-${month}` }));
  return (
    <Card withBorder padding="md">
      <Text fw={600}>Cohorts</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Customers by the month of their first order, and the share who ordered again in each month after it.
      </Text>
      {report.isError ? (
        <LoadFailed what="The cohorts" error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Cohort retention" withTableBorder withColumnBorders fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>First order</Table.Th>
                <Table.Th ta="right">Customers</Table.Th>
                {offsets.map(({ month, key }) => (
                  <Table.Th key={key} ta="center">
                    {month === 0 ? 'Month 0' : `+${month}`}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cohorts.map((c) => (
                <Table.Tr key={c.cohort}>
                  <Table.Td>{c.cohort}</Table.Td>
                  <Table.Td ta="right">{c.customers}</Table.Td>
                  {offsets.map(({ month: i, key }) => {
                    const reached = i < c.retention.length;
                    const share = c.retention[i] ?? 0;
                    return (
                      <Table.Td
                        key={key}
                        ta="center"
                        style={{ background: reached && c.customers > 0 ? shade(share) : undefined }}
                        title={reached ? `${c.active[i]} of ${c.customers}` : 'not reached yet'}
                      >
                        {reached && c.customers > 0 ? `${Math.round(share * 100)}%` : ''}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
