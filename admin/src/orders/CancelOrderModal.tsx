import { Alert, Checkbox, List, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { orderMoney } from './order-amounts.ts';
import { orderName } from './order-labels.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail } from './order-types.ts';

/** The orders module's cancel reasons (cancel-order.ts), as a person picks them. */
const cancelReasons = [
  { value: 'customer', label: 'Customer changed their mind' },
  { value: 'inventory', label: 'Items unavailable' },
  { value: 'fraud', label: 'Suspected fraud' },
  { value: 'declined', label: 'Payment declined' },
  { value: 'other', label: 'Other' },
];

type Field = 'reason' | 'staffNote';

/**
 * Cancels an order nothing of which has shipped: why, whether its items go back into stock, whether
 * the customer is told; and, before anything happens, what it does to the money.
 */
export function CancelOrderModal({
  order,
  prefix,
  onClose,
}: {
  order: OrderDetail;
  prefix: string;
  onClose: () => void;
}) {
  const { store, can } = useCurrentStore();
  const cancel = useOrderAction(store.handle, order.id);
  const [reason, setReason] = useState<string | null>(null);
  const [restock, setRestock] = useState(true);
  const [notify, setNotify] = useState(true);
  const [staffNote, setStaffNote] = useState('');
  const form = useFormErrors<Field>({ reason: 'reason', staffNote: 'staffNote' });
  const money = orderMoney(order, order.payments);
  const amount = (value: number) => formatMoney(value, order.currency);
  const refundNeedsPermission = money.refundable > 0 && !can('orders:refund');
  const name = orderName(order, prefix);

  const effects = [
    money.refundable > 0 ? `${amount(money.refundable)} that was paid is refunded to the customer.` : null,
    money.authorised > 0
      ? `The card authorisation of ${amount(money.authorised)} is voided: nothing more is charged.`
      : null,
    money.pending > 0
      ? `The payment still awaited (${amount(money.pending)}) is voided: the customer should not pay it.`
      : null,
    money.refundable === 0 && money.authorised === 0 && money.pending === 0
      ? 'No money moves: nothing was taken.'
      : null,
    restock
      ? 'The items go back into stock where they were sold from.'
      : 'The items are not put back into stock.',
  ].filter((e): e is string => e !== null);

  const submit = () => {
    if (!form.showFound(reason ? {} : { reason: 'Choose a reason.' })) return;
    cancel.mutate(
      {
        path: '/cancel',
        body: {
          reason,
          restock,
          notifyCustomer: notify,
          ...(staffNote.trim() ? { staffNote: staffNote.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`${name} cancelled.`);
          onClose();
        },
        onError: form.showServerError,
      },
    );
  };

  return (
    <ConfirmDialog
      opened
      title={`Cancel ${name}?`}
      confirmLabel="Cancel order"
      cancelLabel="Keep order"
      loading={cancel.isPending}
      onConfirm={submit}
      onCancel={onClose}
    >
      <Stack gap="md">
        <Select
          label="Reason"
          placeholder="Why is it cancelled?"
          data={cancelReasons}
          value={reason}
          onChange={(value) => {
            setReason(value);
            form.setErrors({});
          }}
          error={form.errors.reason}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label="Restock the items"
          checked={restock}
          onChange={(e) => setRestock(e.currentTarget.checked)}
        />
        <Switch
          label="Send the customer a cancellation notice"
          description={`To ${order.email}`}
          checked={notify}
          onChange={(e) => setNotify(e.currentTarget.checked)}
        />
        <Textarea
          label="Staff note"
          placeholder="Optional: kept on the timeline, not sent"
          autosize
          minRows={2}
          maxLength={2000}
          value={staffNote}
          onChange={(e) => setStaffNote(e.currentTarget.value)}
          error={form.errors.staffNote}
        />
        <Alert color={refundNeedsPermission ? 'red' : 'gray'} variant="light" title="What happens">
          <List size="sm" spacing={2}>
            {effects.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
          {refundNeedsPermission ? (
            <Text size="sm" mt="xs">
              Cancelling refunds money, which your role may not do: ask someone with the refund permission.
            </Text>
          ) : null}
        </Alert>
        {form.general ? (
          <Alert color="red" role="alert">
            {form.general}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
