import { Card, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { searchTermsQuery } from './analytics-queries.ts';

/** What shoppers searched for and did not find: products to add, or words to add to listings. */
export function SearchTermsCard({ store, period }: { store: string; period: { from: string; to: string } }) {
  const report = useQuery(searchTermsQuery(store, period));
  return (
    <Card withBorder padding="md" aria-label="Searches without results">
      <Text fw={600} mb="xs">
        Searches that found nothing
      </Text>
      {report.isError ? (
        <LoadFailed what="The searches" error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data && report.data.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          Every search in this period found something.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {(report.data?.rows ?? []).map((row) => (
            <List.Item key={row.term}>
              “{row.term}” — {row.searches} {row.searches === 1 ? 'search' : 'searches'}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
