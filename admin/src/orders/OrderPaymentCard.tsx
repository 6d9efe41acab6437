import { Button, Card, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { MoneyInput, moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconCreditCard, IconReceipt } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { AmountRow } from './AmountRow.tsx';
import { PaymentStateBadge, PaymentStatusBadge } from './OrderBadges.tsx';
import { orderMoney, taxLineText } from './order-amounts.ts';
import { paymentProviderLabels, wordsOf } from './order-labels.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail, Payment } from './order-types.ts';

/**
 * The money of the order, as Shopify's payment card has it: how the total was made (subtotal,
 * discounts with their codes, shipping, tax per rate), what was paid and refunded and what the store
 * keeps; then each payment with its state and the action it waits for.
 */
export function OrderPaymentCard({ order }: { order: OrderDetail }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const items = order.lines.reduce((sum, l) => sum + l.quantity, 0);
  const totals = orderMoney(order, order.payments);
  return (
    <Card withBorder radius="md">
      <Group gap="sm" mb="sm">
        <Title order={3} size="h5">
          Payment
        </Title>
        <PaymentStatusBadge status={order.financialStatus} />
      </Group>
      <Stack gap={6} aria-label="Order totals" role="group">
        <AmountRow
          label="Subtotal"
          detail={`${items} ${items === 1 ? 'item' : 'items'}`}
          amount={money(order.subtotal)}
        />
        {order.discounts.map((d) => (
          <AmountRow
            key={d.discountId}
            label="Discount"
            detail={d.code ? `${d.code} · ${d.title}` : d.title}
            amount={`−${money(d.amount)}`}
          />
        ))}
        {order.shipping ? (
          <AmountRow
            label={order.shipping.kind === 'pickup' ? 'Pick-up' : 'Shipping'}
            detail={order.shipping.title}
            amount={money(order.shippingTotal)}
          />
        ) : null}
        {order.taxLines.map((t) => (
          <AmountRow
            key={t.rateId}
            label={order.taxesIncluded ? 'Including tax' : 'Tax'}
            detail={taxLineText(t.name, t.ratePpm)}
            amount={money(t.amount)}
          />
        ))}
        {order.taxLines.length === 0 && order.taxTotal > 0 ? (
          <AmountRow label="Tax" amount={money(order.taxTotal)} />
        ) : null}
        <AmountRow label="Total" amount={money(order.total)} strong />
      </Stack>
      <Divider my="sm" />
      <Stack gap={6} aria-label="Paid and refunded" role="group">
        <AmountRow label="Paid" amount={money(totals.paid)} />
        {totals.authorised > 0 ? (
          <AmountRow label="Authorised" detail="not captured yet" amount={money(totals.authorised)} />
        ) : null}
        {totals.pending > 0 ? <AmountRow label="Awaiting payment" amount={money(totals.pending)} /> : null}
        {totals.refunded > 0 ? <AmountRow label="Refunded" amount={`−${money(totals.refunded)}`} /> : null}
        <AmountRow label="Net" detail="paid minus refunds" amount={money(totals.net)} strong />
      </Stack>
      {order.payments.length > 0 ? (
        <>
          <Divider my="sm" />
          <Stack gap="sm">
            {order.payments.map((payment) => (
              <PaymentRow key={payment.id} order={order} payment={payment} />
            ))}
          </Stack>
        </>
      ) : null}
    </Card>
  );
}

/** "Visa •••• 4242", or the provider's name. */
function paymentTitle(payment: Payment): string {
  if (payment.card) return `${wordsOf(payment.card.brand)} •••• ${payment.card.last4}`;
  return paymentProviderLabels[payment.provider] ?? wordsOf(payment.provider);
}

/** One payment: how, its state, its amounts, and "Mark as paid" or "Capture" when it waits for one. */
function PaymentRow({ order, payment }: { order: OrderDetail; payment: Payment }) {
  const { store, can } = useCurrentStore();
  const [acting, setActing] = useState<'mark-paid' | 'capture' | null>(null);
  const money = (amount: number) => formatMoney(amount, payment.currency);
  const writable = can('orders:write') && order.status !== 'cancelled';
  const facts = [
    payment.capturedAmount > 0 ? `captured ${money(payment.capturedAmount)}` : null,
    payment.refundedAmount > 0 ? `refunded ${money(payment.refundedAmount)}` : null,
    payment.state === 'authorised' ? `${money(payment.amount - payment.capturedAmount)} to capture` : null,
    payment.captureMode === 'on_fulfilment' && payment.state === 'authorised'
      ? 'captured as parcels ship'
      : null,
    payment.declineCode ? `declined: ${wordsOf(payment.declineCode)}` : null,
  ].filter(Boolean);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" data-testid="payment">
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
        <Text c="dimmed" mt={2}>
          {payment.card ? <IconCreditCard /> : <IconReceipt />}
        </Text>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {paymentTitle(payment)}
            </Text>
            <PaymentStateBadge state={payment.state} />
          </Group>
          <Text size="xs" c="dimmed">
            {[`${money(payment.amount)} on ${formatDateTime(payment.createdAt)}`, ...facts].join(' · ')}
          </Text>
          {payment.providerReference && payment.provider === 'manual' ? (
            <Text size="xs" c="dimmed">
              Reference {payment.providerReference}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {writable && payment.provider === 'manual' && payment.state === 'pending' ? (
        <Button size="xs" variant="default" onClick={() => setActing('mark-paid')}>
          Mark as paid
        </Button>
      ) : null}
      {writable && payment.state === 'authorised' ? (
        <Button size="xs" variant="default" onClick={() => setActing('capture')}>
          Capture
        </Button>
      ) : null}
      {acting ? (
        <PaymentActionDialog
          store={store.handle}
          orderId={order.id}
          payment={payment}
          action={acting}
          onClose={() => setActing(null)}
        />
      ) : null}
    </Group>
  );
}

/** Confirms a manual payment received (with the bank's reference) or a capture (all that is left, or less). */
function PaymentActionDialog({
  store,
  orderId,
  payment,
  action,
  onClose,
}: {
  store: string;
  orderId: string;
  payment: Payment;
  action: 'mark-paid' | 'capture';
  onClose: () => void;
}) {
  const mutation = useOrderAction(store, orderId);
  const left = payment.amount - payment.capturedAmount;
  const [amount, setAmount] = useState(moneyText(left, payment.currency));
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const money = (value: number) => formatMoney(value, payment.currency);
  const submit = () => {
    const parsed = parseMoneyText(amount, payment.currency);
    if (!parsed.ok) return setError(parsed.message);
    if (parsed.amount! <= 0 || parsed.amount! > left)
      return setError(`Enter an amount up to ${money(left)}.`);
    setError(null);
    mutation.mutate(
      {
        path: `/payments/${encodeURIComponent(payment.id)}/${action}`,
        body: {
          ...(parsed.amount !== left ? { amount: parsed.amount } : {}),
          ...(action === 'mark-paid' && reference.trim() ? { reference: reference.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(
            action === 'capture' ? `${money(parsed.amount!)} captured.` : 'Payment recorded as received.',
          );
          onClose();
        },
        onError: (e) => notifyError(e, action === 'capture' ? 'Could not capture' : 'Could not mark as paid'),
      },
    );
  };
  return (
    <ConfirmDialog
      opened
      title={action === 'capture' ? 'Capture payment' : 'Mark as paid'}
      confirmLabel={action === 'capture' ? 'Capture' : 'Mark as paid'}
      danger={false}
      loading={mutation.isPending}
      onConfirm={submit}
      onCancel={onClose}
    >
      <Stack gap="sm">
        <Text size="sm">
          {action === 'capture'
            ? `Takes the money the card authorised. ${money(left)} can be captured; what is not captured can be voided later.`
            : 'Records the bank transfer or cash as received. The customer gets the payment-received e-mail.'}
        </Text>
        <MoneyInput
          label="Amount"
          currency={payment.currency}
          value={amount}
          onChange={setAmount}
          error={error}
        />
        {action === 'mark-paid' ? (
          <TextInput
            label="Reference"
            description="The bank's reference or receipt number, for your records"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            maxLength={200}
          />
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
