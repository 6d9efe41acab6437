import { type MantineSpacing, Table } from '@mantine/core';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge.tsx';
import type { PurchaseOrderRow } from './purchasing-types.ts';

/**
 * Purchase orders as rows: each order's label (a link to it), supplier, where it is delivered, units
 * received of those ordered, total, state and expected date. `withSupplier` false leaves the supplier
 * out where the page is already about one.
 */
export function PurchaseOrderTable({
  orders,
  label,
  withSupplier = true,
  verticalSpacing = 'sm',
}: {
  orders: PurchaseOrderRow[];
  /** The table's accessible name. */
  label: string;
  withSupplier?: boolean;
  verticalSpacing?: MantineSpacing;
}) {
  const { store } = useCurrentStore();
  return (
    <Table.ScrollContainer minWidth={withSupplier ? 860 : 640}>
      <Table aria-label={label} verticalSpacing={verticalSpacing} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Order</Table.Th>
            {withSupplier ? <Table.Th>Supplier</Table.Th> : null}
            <Table.Th>Deliver to</Table.Th>
            <Table.Th ta="right">Received</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Expected</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
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
              {withSupplier ? <Table.Td>{order.supplier.name}</Table.Td> : null}
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
  );
}
