import { ActionIcon, Anchor, Card, Divider, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../ui/format-date.ts';
import { IconDots, IconExternalLink, IconTruck } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { EditTrackingModal } from './EditTrackingModal.tsx';
import { ParcelStatusBadge } from './OrderBadges.tsx';
import { lineTitle } from './OrderLinesCard.tsx';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail, Parcel } from './order-types.ts';

type Acting = { parcel: Parcel; action: 'tracking' | 'delivered' | 'cancel' } | null;

/** The order's parcels: what each carried, how it travels (tracking link) and where it is. */
export function OrderParcelsCard({
  order,
  locationName,
}: {
  order: OrderDetail;
  locationName: (id: string) => string | null;
}) {
  const { store, can } = useCurrentStore();
  const [acting, setActing] = useState<Acting>(null);
  const action = useOrderAction(store.handle, order.id);
  const writable = can('orders:write');
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const run = (parcel: Parcel, what: 'delivered' | 'cancel', done: string) =>
    action.mutate(
      { path: `/fulfilments/${encodeURIComponent(parcel.id)}/${what}` },
      {
        onSuccess: () => {
          notifySuccess(done);
          setActing(null);
        },
        onError: (error) => {
          setActing(null);
          notifyError(
            error,
            what === 'cancel' ? 'Could not cancel the parcel' : 'Could not mark as delivered',
          );
        },
      },
    );

  return (
    <Card withBorder radius="md">
      <Title order={3} size="h5" mb="sm">
        Parcels
      </Title>
      <Stack gap={0}>
        {order.fulfilments.map((parcel, index) => {
          const from = parcel.locationId ? locationName(parcel.locationId) : null;
          return (
            <Fragment key={parcel.id}>
              {index > 0 ? <Divider my="sm" /> : null}
              <Stack
                gap={6}
                aria-label={`Parcel ${index + 1}`}
                role="group"
                opacity={parcel.status === 'cancelled' ? 0.6 : 1}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                    <Text c="dimmed" mt={2}>
                      <IconTruck />
                    </Text>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          Parcel {index + 1}
                        </Text>
                        <ParcelStatusBadge status={parcel.status} />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {[
                          `Shipped ${formatDateTime(parcel.shippedAt)}`,
                          from ? `from ${from}` : null,
                          parcel.deliveredAt ? `delivered ${formatDate(parcel.deliveredAt)}` : null,
                          parcel.cancelledAt ? `cancelled ${formatDate(parcel.cancelledAt)}` : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Stack>
                  </Group>
                  {writable && parcel.status === 'shipped' ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for parcel ${index + 1}`}
                        >
                          <IconDots />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setActing({ parcel, action: 'tracking' })}>
                          Edit tracking
                        </Menu.Item>
                        <Menu.Item onClick={() => setActing({ parcel, action: 'delivered' })}>
                          Mark as delivered
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Item color="red" onClick={() => setActing({ parcel, action: 'cancel' })}>
                          Cancel parcel
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Group>
                <Group gap="xs" pl={30}>
                  {parcel.carrier || parcel.trackingNumber ? (
                    <Text size="sm">
                      {parcel.carrier ?? 'Tracking'}
                      {parcel.trackingNumber ? ': ' : ''}
                      {parcel.trackingNumber ? (
                        parcel.trackingUrl ? (
                          <Anchor
                            href={parcel.trackingUrl}
                            target="_blank"
                            rel="noopener noreferrer"
                            size="sm"
                          >
                            {parcel.trackingNumber} <IconExternalLink size={12} />
                          </Anchor>
                        ) : (
                          parcel.trackingNumber
                        )
                      ) : null}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      No tracking number
                    </Text>
                  )}
                </Group>
                <Stack gap={2} pl={30}>
                  {parcel.lines.map((pl) => {
                    const line = lines.get(pl.orderLineId);
                    return (
                      <Group key={pl.orderLineId} gap="sm" justify="space-between" wrap="nowrap">
                        <Text size="sm" c="dimmed" truncate="end">
                          {line ? lineTitle(line) : 'A line no longer on the order'}
                          {line?.sku ? ` · ${line.sku}` : ''}
                        </Text>
                        <Text size="sm" style={numberCell}>
                          × {pl.quantity}
                        </Text>
                      </Group>
                    );
                  })}
                </Stack>
              </Stack>
            </Fragment>
          );
        })}
      </Stack>
      {acting?.action === 'tracking' ? (
        <EditTrackingModal order={order} parcel={acting.parcel} onClose={() => setActing(null)} />
      ) : null}
      <ConfirmDialog
        opened={acting?.action === 'delivered'}
        title="Mark parcel as delivered?"
        confirmLabel="Mark as delivered"
        danger={false}
        loading={action.isPending}
        onConfirm={() => acting && run(acting.parcel, 'delivered', 'Parcel marked as delivered.')}
        onCancel={() => setActing(null)}
      >
        The return window of its items counts from today. When every parcel has arrived, the order shows as
        delivered and the customer gets the delivery e-mail.
      </ConfirmDialog>
      <ConfirmDialog
        opened={acting?.action === 'cancel'}
        title="Cancel this parcel?"
        confirmLabel="Cancel parcel"
        cancelLabel="Keep parcel"
        loading={action.isPending}
        onConfirm={() =>
          acting && run(acting.parcel, 'cancel', 'Parcel cancelled: its items are to ship again.')
        }
        onCancel={() => setActing(null)}
      >
        For a parcel that was lost or recalled: its items count as not shipped again, so you can ship them in
        a new parcel. No stock moves and no money goes back.
      </ConfirmDialog>
    </Card>
  );
}
