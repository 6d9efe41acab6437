import { Alert, Button, Grid, Group, Menu, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconDots, IconTruck } from '../ui/icons.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { CancelOrderModal } from './CancelOrderModal.tsx';
import { CreateReturnModal } from './CreateReturnModal.tsx';
import { FulfilModal } from './FulfilModal.tsx';
import { FulfilmentStatusBadge, OrderStatusBadge, PaymentStatusBadge } from './OrderBadges.tsx';
import { OrderCustomerCard } from './OrderCustomerCard.tsx';
import { OrderLinesCard } from './OrderLinesCard.tsx';
import { OrderParcelsCard } from './OrderParcelsCard.tsx';
import { OrderPaymentCard } from './OrderPaymentCard.tsx';
import { OrderReturnsCard } from './OrderReturnsCard.tsx';
import { OrderTagsCard } from './OrderTagsCard.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';
import { orderMoney, returnableOf, unfulfilledOf, unitsInReturns } from './order-amounts.ts';
import { orderName } from './order-labels.ts';
import { orderQuery, orderSettingsQuery } from './order-queries.ts';
import type { OrderDetail } from './order-types.ts';
import { RefundModal } from './RefundModal.tsx';

const orderRoute = getRouteApi('/signed-in/stores/$store/orders/$orderId');

const sourceWords: Record<OrderDetail['source'], string> = {
  storefront: 'the online store',
  admin: 'the admin',
  api: 'the API',
};

/** One order, as Shopify's order page has it: what was bought and what happened to it since. */
export function OrderScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { orderId } = orderRoute.useParams();
  const order = useQuery(orderQuery(store.handle, orderId));
  const settings = useQuery(orderSettingsQuery(store.handle));
  const back = (
    <ButtonLink
      to="/stores/$store/orders"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Orders
    </ButtonLink>
  );
  if (order.isError) {
    return (
      <>
        <PageHeader title="Order" actions={back} />
        <Alert color="red" role="alert">
          {order.error.message}
        </Alert>
      </>
    );
  }
  if (order.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading order">
        <Skeleton height={40} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton height={280} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton height={280} />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  return <OrderPage order={order.data} prefix={settings.data?.numberPrefix ?? '#'} back={back} />;
}

type Dialog = 'fulfil' | 'refund' | 'cancel' | 'return' | null;

function OrderPage({ order, prefix, back }: { order: OrderDetail; prefix: string; back: ReactNode }) {
  const { store, can } = useCurrentStore();
  const [dialog, setDialog] = useState<Dialog>(null);
  const locations = useQuery({ ...locationsQuery(store.handle), enabled: can('inventory:read') });
  const locationName = (id: string) => locations.data?.find((l) => l.id === id)?.name ?? null;
  const name = orderName(order, prefix);
  const money = orderMoney(order, order.payments);
  const inReturns = unitsInReturns(order.returns);
  const live = order.status === 'open' || order.status === 'completed';
  const placed = order.placedAt !== null;

  const canFulfil =
    can('orders:write') &&
    order.status === 'open' &&
    placed &&
    !['requires_action', 'failed', 'voided'].includes(order.financialStatus) &&
    order.lines.some((l) => unfulfilledOf(l) > 0);
  const canRefund = can('orders:refund') && money.refundable > 0;
  const canReturn = can('orders:write') && live && order.lines.some((l) => returnableOf(l, inReturns) > 0);
  const canCancel =
    can('orders:write') &&
    (order.status === 'open' || order.status === 'draft') &&
    order.lines.every((l) => l.fulfilledQuantity === 0);

  return (
    <>
      <PageHeader
        title={name}
        badge={
          <Group gap={6} wrap="nowrap">
            {order.status !== 'open' ? <OrderStatusBadge status={order.status} /> : null}
            <PaymentStatusBadge status={order.financialStatus} />
            <FulfilmentStatusBadge status={order.fulfilmentStatus} />
          </Group>
        }
        description={
          placed
            ? `Placed ${formatDateTime(order.placedAt)} from ${sourceWords[order.source] ?? order.source}`
            : `Created ${formatDateTime(order.createdAt)}, not placed yet`
        }
        actions={
          <>
            {back}
            {canRefund ? (
              <Button variant="default" onClick={() => setDialog('refund')}>
                Refund
              </Button>
            ) : null}
            {canReturn ? (
              <Button variant="default" onClick={() => setDialog('return')}>
                Return
              </Button>
            ) : null}
            {canCancel ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconDots size={16} />}>
                    More actions
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item color="red" onClick={() => setDialog('cancel')}>
                    Cancel order
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
            {canFulfil ? (
              <Button leftSection={<IconTruck size={16} />} onClick={() => setDialog('fulfil')}>
                Fulfil items
              </Button>
            ) : null}
          </>
        }
      />
      {order.status === 'cancelled' ? (
        <Alert color="red" variant="light" mb="lg" title={`Cancelled ${formatDateTime(order.cancelledAt)}`}>
          {order.cancelReason ? `Reason: ${order.cancelReason}` : 'This order was cancelled.'}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <OrderLinesCard order={order} />
            {order.fulfilments.length > 0 ? (
              <OrderParcelsCard order={order} locationName={locationName} />
            ) : null}
            {order.returns.length > 0 ? <OrderReturnsCard order={order} prefix={prefix} /> : null}
            <OrderPaymentCard order={order} />
            <OrderTimeline order={order} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <OrderCustomerCard order={order} />
            <OrderTagsCard order={order} />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog === 'fulfil' ? (
        <FulfilModal order={order} prefix={prefix} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'refund' ? (
        <RefundModal order={order} prefix={prefix} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'cancel' ? (
        <CancelOrderModal order={order} prefix={prefix} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'return' ? (
        <CreateReturnModal order={order} prefix={prefix} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
