import { Box, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge.tsx';
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
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Recent purchase orders" verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Order</Table.Th>
                <Table.Th>Deliver to</Table.Th>
                <Table.Th ta="right">Received</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Expected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/stores/$store/purchasing/$purchaseOrderId"
                      params={{ store: store.handle, purchaseOrderId: order.id }}
                      fw={600}
                      size="sm"
                    >
                      {order.label}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{order.location.name}</Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {order.unitsReceived} / {order.unitsOrdered}
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {formatMoney(order.total.amount, order.total.currency)}
                  </Table.Td>
                  <Table.Td>
                    <PurchaseOrderStateBadge state={order.state} />
                  </Table.Td>
                  <Table.Td>{formatDate(order.expectedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
