import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import { FulfilmentStatusBadge, OrderStatusBadge, PaymentStatusBadge } from './OrderBadges.tsx';
import { orderName } from './order-labels.ts';
import type { OrderSummary } from './order-types.ts';

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const formatTime = (iso: string) => time.format(new Date(iso));

/** Orders as rows: number (a link), date, customer, payment, fulfilment, items, total, tags. */
export function OrderTable({
  orders,
  prefix,
  dimmed,
}: {
  orders: OrderSummary[];
  /** The store's number prefix ("#"). */
  prefix: string;
  /** The rows are the previous page's while the next loads. */
  dimmed: boolean;
}) {
  const { store } = useCurrentStore();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Orders" style={{ opacity: dimmed ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Order</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Payment</Table.Th>
            <Table.Th>Fulfilment</Table.Th>
            <Table.Th ta="right">Items</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>Tags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <AnchorLink
                    to="/stores/$store/orders/$orderId"
                    params={{ store: store.handle, orderId: order.id }}
                    fw={600}
                    size="sm"
                    td={order.status === 'cancelled' ? 'line-through' : undefined}
                  >
                    {orderName(order, prefix)}
                  </AnchorLink>
                  {order.status === 'cancelled' || order.status === 'draft' ? (
                    <OrderStatusBadge status={order.status} size="xs" />
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(order.placedAt ?? order.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {formatTime(order.placedAt ?? order.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Stack gap={0}>
                  <Text size="sm" truncate="end">
                    {order.customerName || 'No name'}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {order.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <PaymentStatusBadge status={order.financialStatus} />
              </Table.Td>
              <Table.Td>
                <FulfilmentStatusBadge status={order.fulfilmentStatus} />
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
              </Table.Td>
              <Table.Td ta="right" style={numberCell}>
                <Text size="sm" fw={500} span>
                  {formatMoney(order.total, order.currency)}
                </Text>
                {order.currency !== store.baseCurrency ? (
                  <Text size="xs" c="dimmed">
                    {order.currency}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td maw={200}>
                <Group gap={4}>
                  {order.tags.slice(0, 3).map((tag) => (
                    <Badge key={tag} color="gray" variant="outline" size="sm" tt="none" fw={500}>
                      {tag}
                    </Badge>
                  ))}
                  {order.tags.length > 3 ? (
                    <Text size="xs" c="dimmed">
                      +{order.tags.length - 3}
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
