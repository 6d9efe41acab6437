import { Blockquote, Button, Card, Divider, Group, Menu, Stack, Text, Textarea, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconDots, IconReturn } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import { CloseReturnModal } from './CloseReturnModal.tsx';
import { ReturnStatusBadge } from './OrderBadges.tsx';
import { lineTitle } from './OrderLinesCard.tsx';
import { orderName, returnReasonLabels } from './order-labels.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail, OrderReturn } from './order-types.ts';
import { ReceiveReturnModal } from './ReceiveReturnModal.tsx';

/** "#1001-R2": the order's name and the return's place among its returns (as the server names it). */
export function returnName(orderLabel: string, returns: readonly { id: string }[], returnId: string): string {
  const index = returns.findIndex((r) => r.id === returnId);
  return `${orderLabel}-R${index < 0 ? returns.length + 1 : index + 1}`;
}

type Decision = 'approve' | 'reject' | 'cancel';
type Acting = { ret: OrderReturn; action: Decision | 'receive' | 'close' } | null;

/** The order's returns: what comes back and why, where each stands, and the step it waits for. */
export function OrderReturnsCard({ order, prefix }: { order: OrderDetail; prefix: string }) {
  const { store, can } = useCurrentStore();
  const [acting, setActing] = useState<Acting>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const decide = useOrderAction(store.handle, order.id);
  const writable = can('orders:write');
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const label = (ret: OrderReturn) => `Return ${returnName(orderName(order, prefix), order.returns, ret.id)}`;
  const open = (ret: OrderReturn, action: NonNullable<Acting>['action']) => {
    setText('');
    setTextError(null);
    setActing({ ret, action });
  };
  const run = (ret: OrderReturn, action: Decision) => {
    if (action === 'reject' && !text.trim()) return setTextError('Tell the customer why.');
    const body = action === 'reject' ? { reason: text.trim() } : text.trim() ? { note: text.trim() } : {};
    decide.mutate(
      { path: `/returns/${encodeURIComponent(ret.id)}/${action}`, body },
      {
        onSuccess: () => {
          notifySuccess(
            `${label(ret)} ${{ approve: 'approved', reject: 'rejected', cancel: 'cancelled' }[action]}.`,
          );
          setActing(null);
        },
        onError: (error) => {
          setActing(null);
          notifyError(error, `Could not ${action} the return`);
        },
      },
    );
  };
  const decision =
    acting && ['approve', 'reject', 'cancel'].includes(acting.action)
      ? (acting as { ret: OrderReturn; action: Decision })
      : null;

  return (
    <Card withBorder radius="md">
      <Title order={3} size="h5" mb="sm">
        Returns
      </Title>
      <Stack gap={0}>
        {order.returns.map((ret, index) => {
          const refund = ret.refundId ? order.refunds.find((r) => r.id === ret.refundId) : undefined;
          return (
            <Fragment key={ret.id}>
              {index > 0 ? <Divider my="sm" /> : null}
              <Stack gap={6} role="group" aria-label={label(ret)}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                    <Text c="dimmed" mt={2}>
                      <IconReturn />
                    </Text>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {label(ret)}
                        </Text>
                        <ReturnStatusBadge status={ret.status} />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {[
                          `Requested by ${ret.requestedBy === 'customer' ? 'the customer' : 'staff'} ${formatDate(ret.requestedAt)}`,
                          ret.approvedAt ? `approved ${formatDate(ret.approvedAt)}` : null,
                          ret.receivedAt ? `received ${formatDate(ret.receivedAt)}` : null,
                          ret.closedAt ? `closed ${formatDate(ret.closedAt)}` : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Stack>
                  </Group>
                  {writable ? <ReturnActions ret={ret} onAct={(action) => open(ret, action)} /> : null}
                </Group>
                <Stack gap={2} pl={30}>
                  {ret.lines.map((rl) => {
                    const line = lines.get(rl.orderLineId);
                    return (
                      <Group key={rl.orderLineId} gap="sm" justify="space-between" wrap="nowrap">
                        <Text size="sm" truncate="end">
                          {line ? lineTitle(line) : 'A line no longer on the order'}
                          <Text span size="sm" c="dimmed">
                            {` · ${returnReasonLabels[rl.reason] ?? rl.reason}`}
                            {rl.disposition
                              ? ` · ${rl.receivedQuantity} received, ${rl.disposition === 'restock' ? 'restocked' : 'written off'}`
                              : ''}
                          </Text>
                        </Text>
                        <Text size="sm" style={numberCell}>
                          × {rl.quantity}
                        </Text>
                      </Group>
                    );
                  })}
                </Stack>
                {ret.customerComment ? (
                  <Blockquote ml={30} p="xs" color="gray" fz="sm" iconSize={0}>
                    “{ret.customerComment}”
                  </Blockquote>
                ) : null}
                {ret.rejectReason ? (
                  <Text size="sm" c="red" pl={30}>
                    Rejected: {ret.rejectReason}
                  </Text>
                ) : null}
                {ret.staffNote ? (
                  <Text size="xs" c="dimmed" pl={30}>
                    Note: {ret.staffNote}
                  </Text>
                ) : null}
                {ret.resolution === 'refund' && refund ? (
                  <Text size="sm" pl={30}>
                    Refunded {formatMoney(refund.amount, refund.currency)}
                  </Text>
                ) : null}
                {ret.resolution === 'exchange' && ret.exchangeOrderId ? (
                  <Text size="sm" pl={30}>
                    Exchanged:{' '}
                    <AnchorLink
                      to="/stores/$store/orders/$orderId"
                      params={{ store: store.handle, orderId: ret.exchangeOrderId }}
                      size="sm"
                    >
                      the replacement order
                    </AnchorLink>
                  </Text>
                ) : null}
                {ret.resolution === 'none' ? (
                  <Text size="sm" c="dimmed" pl={30}>
                    Closed without a refund
                  </Text>
                ) : null}
              </Stack>
            </Fragment>
          );
        })}
      </Stack>
      {acting?.action === 'receive' ? (
        <ReceiveReturnModal
          order={order}
          ret={acting.ret}
          title={`Receive ${label(acting.ret)}`}
          onClose={() => setActing(null)}
        />
      ) : null}
      {acting?.action === 'close' ? (
        <CloseReturnModal
          order={order}
          ret={acting.ret}
          title={`Close ${label(acting.ret)}`}
          onClose={() => setActing(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={decision !== null}
        title={
          decision
            ? `${{ approve: 'Approve', reject: 'Reject', cancel: 'Cancel' }[decision.action]} ${label(decision.ret)}?`
            : ''
        }
        confirmLabel={
          decision
            ? { approve: 'Approve return', reject: 'Reject return', cancel: 'Cancel return' }[decision.action]
            : ''
        }
        cancelLabel={decision?.action === 'cancel' ? 'Keep return' : 'Back'}
        danger={decision?.action !== 'approve'}
        loading={decide.isPending}
        onConfirm={() => decision && run(decision.ret, decision.action)}
        onCancel={() => setActing(null)}
      >
        <Stack gap="sm">
          <Text size="sm">
            {decision?.action === 'approve'
              ? `${order.email} gets the approval with your return instructions, and the items are expected back.`
              : decision?.action === 'reject'
                ? 'The customer is told the return was refused, with your reason.'
                : 'The return is dropped; its items can be asked for again.'}
          </Text>
          <Textarea
            label={decision?.action === 'reject' ? 'Reason' : 'Note (optional)'}
            description={decision?.action === 'reject' ? 'Sent to the customer' : undefined}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={textError}
            maxLength={2000}
          />
        </Stack>
      </ConfirmDialog>
    </Card>
  );
}

/** The step each state waits for, as a button, and the other ways out in a menu. */
function ReturnActions({
  ret,
  onAct,
}: {
  ret: OrderReturn;
  onAct: (action: Decision | 'receive' | 'close') => void;
}) {
  const { can } = useCurrentStore();
  const main =
    ret.status === 'requested'
      ? { action: 'approve' as const, label: 'Approve' }
      : ret.status === 'approved'
        ? { action: 'receive' as const, label: 'Receive items' }
        : ret.status === 'received'
          ? { action: 'close' as const, label: can('orders:refund') ? 'Refund or exchange' : 'Close return' }
          : null;
  const others: { action: Decision; label: string }[] = [
    ...(ret.status === 'requested' ? [{ action: 'reject' as const, label: 'Reject return' }] : []),
    ...(ret.status === 'requested' || ret.status === 'approved'
      ? [{ action: 'cancel' as const, label: 'Cancel return' }]
      : []),
  ];
  if (!main && others.length === 0) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {main ? (
        <Button size="xs" variant="default" onClick={() => onAct(main.action)}>
          {main.label}
        </Button>
      ) : null}
      {others.length > 0 ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="subtle" color="gray" px={6} aria-label="More return actions">
              <IconDots size={16} />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {others.map((o) => (
              <Menu.Item key={o.action} color="red" onClick={() => onAct(o.action)}>
                {o.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  );
}
