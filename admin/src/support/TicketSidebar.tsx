import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { financialStatusLooks, fulfilmentStatusLooks, returnReasonLabels } from '../orders/order-labels.ts';
import { type FinancialStatus, type FulfilmentStatus, returnReasons } from '../orders/order-types.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { AnchorLink } from '../ui/router-links.tsx';
import { ticketContextQuery, useOrderAction } from './support-queries.ts';
import type { SidebarOrder, SidebarOrderLine } from './support-types.ts';

type Action =
  | { kind: 'refund-line'; order: SidebarOrder; line: SidebarOrderLine }
  | { kind: 'refund-amount'; order: SidebarOrder }
  | { kind: 'return'; order: SidebarOrder }
  | { kind: 'discount' };

const orderPath = (order: SidebarOrder, rest = '') => `/orders/${encodeURIComponent(order.id)}${rest}`;

/**
 * Beside the thread: who the customer is and their recent orders, with what an agent does for them
 * from here — refund a line or an amount, start a return, send the confirmation again, give a
 * discount code. Each goes through the orders and promotions API and is shown only to members
 * allowed to do it there.
 */
export function TicketSidebar({
  ticketId,
  onInsert,
}: {
  ticketId: string;
  onInsert: (text: string) => void;
}): ReactNode {
  const { store, can } = useCurrentStore();
  const context = useQuery(ticketContextQuery(store.handle, ticketId));
  const [action, setAction] = useState<Action | null>(null);
  const run = useOrderAction(store.handle, ticketId);
  const act = (path: string, body: unknown, done: string, after?: (result: unknown) => void) =>
    run.mutate(
      { path, body },
      {
        onSuccess: (result) => {
          notifySuccess(done);
          setAction(null);
          after?.(result);
        },
        onError: (error) => notifyError(error, 'That did not work'),
      },
    );

  if (context.isPending)
    return (
      <Text c="dimmed" size="sm">
        Loading the customer…
      </Text>
    );
  if (context.isError)
    return (
      <Text c="red" size="sm">
        The customer’s orders could not be loaded.
      </Text>
    );
  const { customer, orders } = context.data;
  const summary = customer?.summary;

  return (
    <Stack gap="sm" data-testid="ticket-sidebar">
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Customer
        </Text>
        {summary ? (
          <>
            <Text fw={600}>
              {[summary.firstName, summary.lastName].filter(Boolean).join(' ') || summary.email}
            </Text>
            <Text size="sm" c="dimmed">
              {summary.email}
            </Text>
            <Text size="sm">
              {summary.orderCount} order{summary.orderCount === 1 ? '' : 's'} ·{' '}
              {formatMoney(summary.totalSpent, store.baseCurrency)} spent
            </Text>
            <Group gap={4} mt={4}>
              <Badge size="xs" variant="light">
                {summary.state}
              </Badge>
              {summary.locale && (
                <Badge size="xs" variant="outline">
                  {summary.locale}
                </Badge>
              )}
              {summary.tags.map((t) => (
                <Badge key={t} size="xs" color="gray" variant="outline">
                  {t}
                </Badge>
              ))}
            </Group>
            <Group gap="xs" mt="xs">
              {can('customers:read') && (
                <AnchorLink
                  size="sm"
                  to="/stores/$store/customers/$customerId"
                  params={{ store: store.handle, customerId: summary.id }}
                >
                  Profile
                </AnchorLink>
              )}
              {can('promotions:write') && (
                <Button size="compact-xs" variant="light" onClick={() => setAction({ kind: 'discount' })}>
                  Create discount code
                </Button>
              )}
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Not a known customer.
          </Text>
        )}
      </Card>

      {orders.length === 0 && (
        <Text size="sm" c="dimmed">
          No orders.
        </Text>
      )}
      {orders.map((order) => {
        const financial = financialStatusLooks[order.financialStatus as FinancialStatus];
        const fulfilment = fulfilmentStatusLooks[order.fulfilmentStatus as FulfilmentStatus];
        return (
          <Card key={order.id} withBorder padding="sm" data-testid="sidebar-order">
            <Group justify="space-between" wrap="nowrap">
              <AnchorLink
                fw={600}
                to="/stores/$store/orders/$orderId"
                params={{ store: store.handle, orderId: order.id }}
              >
                {order.number === null ? 'Draft' : `#${order.number}`}
              </AnchorLink>
              <Text size="sm">{formatMoney(order.total, order.currency)}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {formatDate(order.placedAt ?? order.createdAt)}
              {order.refundedAmount > 0 && ` · ${formatMoney(order.refundedAmount, order.currency)} refunded`}
            </Text>
            <Group gap={4} mt={4}>
              <Badge size="xs" color={financial?.color} variant="light">
                {financial?.label ?? order.financialStatus}
              </Badge>
              <Badge size="xs" color={fulfilment?.color} variant="light">
                {fulfilment?.label ?? order.fulfilmentStatus}
              </Badge>
            </Group>
            {order.fulfilments
              .filter((p) => !p.cancelledAt)
              .map((parcel) => (
                <Stack key={parcel.id} gap={0} mt={4}>
                  <Group gap={4} justify="space-between" wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      Parcel{parcel.carrier ? ` (${parcel.carrier})` : ''}
                    </Text>
                    {parcel.trackingNumber && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onInsert(parcel.trackingUrl ?? parcel.trackingNumber!)}
                      >
                        Insert link
                      </Button>
                    )}
                  </Group>
                  {parcel.trackingUrl ? (
                    <Anchor size="xs" href={parcel.trackingUrl} target="_blank" rel="noreferrer">
                      {parcel.trackingNumber}
                    </Anchor>
                  ) : (
                    <Text size="xs">{parcel.trackingNumber ?? 'no tracking'}</Text>
                  )}
                </Stack>
              ))}
            <Stack gap={2} mt={6}>
              {order.lines.map((line) => {
                const refundable = line.quantity - (line.refundedQuantity ?? 0);
                return (
                  <Group
                    key={line.id}
                    justify="space-between"
                    wrap="nowrap"
                    gap={4}
                    data-testid="sidebar-line"
                  >
                    <Text size="xs" truncate>
                      {line.quantity} × {line.title}
                      {line.variantTitle ? ` (${line.variantTitle})` : ''}
                    </Text>
                    {can('orders:refund') && refundable > 0 && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setAction({ kind: 'refund-line', order, line })}
                      >
                        Refund
                      </Button>
                    )}
                  </Group>
                );
              })}
            </Stack>
            {(can('orders:refund') || can('orders:write')) && order.number !== null && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="compact-xs" variant="default" mt="xs">
                    Order actions
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {can('orders:refund') && (
                    <Menu.Item onClick={() => setAction({ kind: 'refund-amount', order })}>
                      Refund an amount
                    </Menu.Item>
                  )}
                  {can('orders:write') && (
                    <Menu.Item onClick={() => setAction({ kind: 'return', order })}>Start a return</Menu.Item>
                  )}
                  {can('orders:write') && (
                    <Menu.Item
                      onClick={() =>
                        act(
                          orderPath(order, '/resend-confirmation'),
                          {},
                          'The order confirmation is on its way.',
                        )
                      }
                    >
                      Resend confirmation
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Card>
        );
      })}

      {action?.kind === 'refund-line' && (
        <RefundLineModal
          action={action}
          busy={run.isPending}
          onClose={() => setAction(null)}
          onRefund={(quantity, restock) =>
            act(
              orderPath(action.order, '/refunds'),
              { lines: [{ orderLineId: action.line.id, quantity, restock }] },
              `${quantity} × ${action.line.title} refunded.`,
            )
          }
        />
      )}
      {action?.kind === 'refund-amount' && (
        <RefundAmountModal
          order={action.order}
          busy={run.isPending}
          onClose={() => setAction(null)}
          onRefund={(amount) =>
            act(orderPath(action.order, '/refunds'), { extraAmount: amount }, 'The amount was refunded.')
          }
        />
      )}
      {action?.kind === 'return' && (
        <ReturnModal
          order={action.order}
          busy={run.isPending}
          onClose={() => setAction(null)}
          onStart={(lines) => act(orderPath(action.order, '/returns'), { lines }, 'The return was opened.')}
        />
      )}
      {action?.kind === 'discount' && summary && (
        <DiscountModal
          email={summary.email}
          busy={run.isPending}
          onClose={() => setAction(null)}
          onCreate={(code, percent) =>
            act(
              '/discounts',
              {
                title: `Goodwill for ${summary.email}`,
                kind: 'code',
                codes: [code],
                type: 'percentage',
                percentBp: Math.round(percent * 100),
                usageLimit: 1,
              },
              `Discount code ${code} created.`,
              () => onInsert(`Your discount code: ${code} (${percent} % off your next order)`),
            )
          }
        />
      )}
    </Stack>
  );
}

function RefundLineModal({
  action,
  busy,
  onClose,
  onRefund,
}: {
  action: { order: SidebarOrder; line: SidebarOrderLine };
  busy: boolean;
  onClose: () => void;
  onRefund: (quantity: number, restock: boolean) => void;
}): ReactNode {
  const max = action.line.quantity - (action.line.refundedQuantity ?? 0);
  const [quantity, setQuantity] = useState(1);
  const [restock, setRestock] = useState(false);
  return (
    <Modal opened onClose={onClose} title={`Refund ${action.line.title}`}>
      <Stack>
        <NumberInput
          label="Units"
          min={1}
          max={max}
          value={quantity}
          onChange={(v) => setQuantity(Number(v) || 1)}
        />
        <Checkbox
          label="Put the units back into stock"
          checked={restock}
          onChange={(e) => setRestock(e.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          The money goes back to the customer’s payment; the order’s refund e-mail tells them.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => onRefund(quantity, restock)}>
            Refund
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RefundAmountModal({
  order,
  busy,
  onClose,
  onRefund,
}: {
  order: SidebarOrder;
  busy: boolean;
  onClose: () => void;
  onRefund: (amount: number) => void;
}): ReactNode {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: order.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const [amount, setAmount] = useState<number | string>('');
  const minor = Math.round(Number(amount) * 10 ** digits);
  return (
    <Modal opened onClose={onClose} title={`Refund an amount of #${order.number}`}>
      <Stack>
        <NumberInput
          label={`Amount (${order.currency})`}
          decimalScale={digits}
          min={0}
          value={amount}
          onChange={setAmount}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} disabled={!(minor > 0)} onClick={() => onRefund(minor)}>
            Refund
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReturnModal({
  order,
  busy,
  onClose,
  onStart,
}: {
  order: SidebarOrder;
  busy: boolean;
  onClose: () => void;
  onStart: (lines: { orderLineId: string; quantity: number; reason: string }[]) => void;
}): ReactNode {
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [reason, setReason] = useState<string>('other');
  const lines = order.lines.filter((l) => chosen[l.id]);
  return (
    <Modal opened onClose={onClose} title={`Start a return for #${order.number}`}>
      <Stack>
        {order.lines.map((line) => (
          <Checkbox
            key={line.id}
            label={`${line.quantity} × ${line.title}`}
            checked={!!chosen[line.id]}
            onChange={(e) => setChosen({ ...chosen, [line.id]: e.currentTarget.checked })}
          />
        ))}
        <Select
          label="Reason"
          data={returnReasons.map((r) => ({ value: r, label: returnReasonLabels[r] }))}
          value={reason}
          onChange={(v) => setReason(v ?? 'other')}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            disabled={lines.length === 0}
            onClick={() => onStart(lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity, reason })))}
          >
            Start return
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DiscountModal({
  email,
  busy,
  onClose,
  onCreate,
}: {
  email: string;
  busy: boolean;
  onClose: () => void;
  onCreate: (code: string, percent: number) => void;
}): ReactNode {
  const suggested = `SORRY-${
    email
      .split('@')[0]!
      .replace(/[^a-z0-9]/gi, '')
      .slice(0, 8)
      .toUpperCase() || 'YOU'
  }-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const [code, setCode] = useState(suggested);
  const [percent, setPercent] = useState<number | string>(10);
  return (
    <Modal opened onClose={onClose} title="A discount code for this customer">
      <Stack>
        <TextInput label="Code" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <NumberInput label="Percent off" min={1} max={100} value={percent} onChange={setPercent} />
        <Text size="sm" c="dimmed">
          One use; the code is added to your answer.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={busy} onClick={() => onCreate(code.trim(), Number(percent) || 10)}>
            Create code
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
