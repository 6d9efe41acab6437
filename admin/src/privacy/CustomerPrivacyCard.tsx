import { Card, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PrivacyRequestsTable } from './PrivacyRequestsTable.tsx';
import { privacyRequestsQuery } from './privacy-queries.ts';

/** The customer profile's privacy requests: their exports (to download again) and erasure. */
export function CustomerPrivacyCard({ store, customerId }: { store: string; customerId: string }) {
  const requests = useQuery(privacyRequestsQuery(store, customerId));
  if (!requests.data || requests.data.items.length === 0) return null;
  return (
    <Card withBorder mt="md" padding={0}>
      <Title order={3} size="h4" p="md" pb={0}>
        Privacy requests
      </Title>
      <Text size="sm" c="dimmed" px="md">
        Exports of this customer’s data and its erasure, newest first.
      </Text>
      <PrivacyRequestsTable store={store} items={requests.data.items} showCustomer={false} />
    </Card>
  );
}
