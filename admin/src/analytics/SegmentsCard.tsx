import { Anchor, Card, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatMoney } from '../money/minor-units.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { segmentCsvPath, segmentsQuery } from './analytics-queries.ts';

const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

/** RFM segments: how many customers each holds, their revenue, what to do, and the list as a CSV audience. */
export function SegmentsCard({ store }: { store: string }) {
  const report = useQuery(segmentsQuery(store));
  return (
    <Card withBorder padding="md">
      <Text fw={600}>Customer segments</Text>
      <Text size="sm" c="dimmed" mb="sm">
        By how recently, how often and how much each customer bought (RFM
        {report.data?.frequencyScoring === 'fixed_breaks'
          ? '; most customers ordered once, so orders are scored 1, 2, 3–4, 5–7, 8+'
          : ''}
        ).
      </Text>
      {report.isError ? (
        <LoadFailed what="The segments" error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Customer segments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Segment</Table.Th>
                <Table.Th ta="right">Customers</Table.Th>
                <Table.Th ta="right">Revenue</Table.Th>
                <Table.Th>What to do</Table.Th>
                <Table.Th>Audience</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(report.data?.segments ?? []).map((s) => (
                <Table.Tr key={s.segment}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.meaning}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.customers}{' '}
                    <Text span size="xs" c="dimmed">
                      ({percent(s.customerShare)})
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(s.revenue.amount, s.revenue.currency)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{s.action}</Text>
                  </Table.Td>
                  <Table.Td>
                    {s.customers > 0 ? (
                      <Anchor size="sm" href={segmentCsvPath(store, s.segment)} download>
                        CSV
                      </Anchor>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
