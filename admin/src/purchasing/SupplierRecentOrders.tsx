import { Box, Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { PurchaseOrderTable } from './PurchaseOrderTable.tsx';
import { purchaseOrdersQuery } from './purchasing-queries.ts';
import type { Supplier } from './purchasing-types.ts';

const shown = 5;

/** The supplier's latest purchase orders, with a link to all of them in the filtered list. */
export function SupplierRecentOrders({ supplier }: { supplier: Supplier }) {
  const { store } = useCurrentStore();
  const orders = useQuery(
    purchaseOrdersQuery(store.handle, { supplierId: supplier.id, limit: shown, offset: 0 }),
  );
  const rows = orders.data?.items ?? [];
  const total = orders.data?.total ?? 0;

  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md" pb="sm">
        <Title order={3} size="h4">
          Recent purchase orders
        </Title>
        {total > 0 ? (
          <AnchorLink
            to="/stores/$store/purchasing"
            params={{ store: store.handle }}
            search={{ supplierId: supplier.id }}
            size="sm"
          >
            {total === 1 ? 'See the order in the list' : `See all ${total} orders`}
          </AnchorLink>
        ) : null}
      </Group>
      {orders.isError ? (
        <Text c="red" px="md" pb="md" role="alert">
          {orders.error.message}
        </Text>
      ) : orders.isPending ? (
        <ListSkeleton label="Loading purchase orders" rows={2} />
      ) : rows.length === 0 ? (
        <Box px="md" pb="md">
          <Text size="sm" c="dimmed">
            No purchase orders to {supplier.name} yet.
          </Text>
        </Box>
      ) : (
        <PurchaseOrderTable
          orders={rows}
          label="Recent purchase orders"
          withSupplier={false}
          verticalSpacing="xs"
        />
      )}
    </Card>
  );
}
