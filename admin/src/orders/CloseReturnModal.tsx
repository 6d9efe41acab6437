import {
  Alert,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/http.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { orderFormErrorsFrom } from '../purchasing/line-errors.ts';
import { VariantPicker, variantLabel } from '../purchasing/VariantPicker.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { lineTitle } from './OrderLinesCard.tsx';
import { orderPath, ordersKey, useOrderAction } from './order-queries.ts';
import type { OrderDetail, OrderReturn } from './order-types.ts';

type Resolution = 'refund' | 'exchange' | 'none';
type Field = 'shipping' | 'extraAmount' | 'note';
const fieldFor: Record<string, Field> = { shipping: 'shipping', extraAmount: 'extraAmount', note: 'note' };

interface Replacement {
  variantId: string;
  label: string;
  quantity: number;
}

/**
 * Settles a received return: give the money back (with shipping or an amount on top), exchange the
 * items for other variants (a new order; like for like costs nothing), or close it with nothing back.
 */
export function CloseReturnModal({
  order,
  ret,
  title,
  onClose,
}: {
  order: OrderDetail;
  ret: OrderReturn;
  title: string;
  onClose: () => void;
}) {
  const { store, can } = useCurrentStore();
  const close = useOrderAction(store.handle, order.id);
  const mayRefund = can('orders:refund');
  const [resolution, setResolution] = useState<Resolution>(mayRefund ? 'refund' : 'exchange');
  const [shipping, setShipping] = useState('');
  const [extra, setExtra] = useState('');
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(true);
  const [replacements, setReplacements] = useState<Record<string, Replacement>>({});
  const [errors, setErrors] = useState(orderFormErrorsFrom<Field>(null, fieldFor));
  const money = (amount: number) => formatMoney(amount, order.currency);
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const received = ret.lines.filter((l) => l.receivedQuantity > 0);
  const shippingAmount = parseMoneyText(shipping, order.currency, { optional: true });
  const extraAmount = parseMoneyText(extra, order.currency, { optional: true });

  // What refunding the received units gives back, as the refund will compute it.
  const itemsRefund = useQuery({
    queryKey: [...ordersKey(store.handle), 'one', order.id, 'return-refund-preview', ret.id],
    queryFn: async () => {
      const answer = await api.post<
        | { amount: number; refundable: { amount: number } }
        | { preview: { amount: number; refundable: { amount: number } } }
      >(orderPath(store.handle, order.id, '/refunds/preview'), {
        lines: received.map((l) => ({
          orderLineId: l.orderLineId,
          quantity: l.receivedQuantity,
          restock: false,
        })),
        notifyCustomer: false,
      });
      return 'preview' in answer ? answer.preview : answer;
    },
    enabled: mayRefund && received.length > 0,
    retry: false,
  });
  const total =
    (itemsRefund.data?.amount ?? 0) +
    (shippingAmount.ok ? (shippingAmount.amount ?? 0) : 0) +
    (extraAmount.ok ? (extraAmount.amount ?? 0) : 0);
  const chosenReplacements = received.filter((l) => replacements[l.orderLineId]);

  const submit = () => {
    setErrors(orderFormErrorsFrom<Field>(null, fieldFor));
    const trimmed = note.trim() ? { note: note.trim() } : {};
    let path = `/returns/${encodeURIComponent(ret.id)}/`;
    let body: unknown;
    if (resolution === 'refund') {
      if (!shippingAmount.ok || !extraAmount.ok) return;
      path += 'refund';
      body = {
        ...(shippingAmount.amount ? { shipping: shippingAmount.amount } : {}),
        ...(extraAmount.amount ? { extraAmount: extraAmount.amount } : {}),
        ...trimmed,
        notifyCustomer: notify,
      };
    } else if (resolution === 'exchange') {
      if (chosenReplacements.length === 0) {
        setErrors({ lines: {}, fields: {}, general: 'Choose a replacement for at least one item.' });
        return;
      }
      path += 'exchange';
      body = {
        lines: chosenReplacements.map((l) => ({
          orderLineId: l.orderLineId,
          variantId: replacements[l.orderLineId]!.variantId,
          quantity: replacements[l.orderLineId]!.quantity,
        })),
        ...trimmed,
      };
    } else {
      path += 'close';
      body = trimmed;
    }
    close.mutate(
      { path, body },
      {
        onSuccess: () => {
          notifySuccess(
            resolution === 'refund'
              ? `${money(total)} refunded; the return is closed.`
              : resolution === 'exchange'
                ? 'Exchange order created; the return is closed.'
                : 'Return closed without a refund.',
          );
          onClose();
        },
        onError: (error) => setErrors(orderFormErrorsFrom(error, fieldFor)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <SegmentedControl
            aria-label="How the return is settled"
            fullWidth
            data={[
              { value: 'refund', label: 'Refund', disabled: !mayRefund },
              { value: 'exchange', label: 'Exchange' },
              { value: 'none', label: 'Close without refund' },
            ]}
            value={resolution}
            onChange={(v) => {
              setErrors(orderFormErrorsFrom<Field>(null, fieldFor));
              setResolution(v as Resolution);
            }}
          />
          {resolution === 'refund' ? (
            <>
              <Paper withBorder radius="md" p="sm" bg="gray.0">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    The {received.reduce((n, l) => n + l.receivedQuantity, 0)} items received back
                  </Text>
                  <Text size="sm" fw={500} style={numberCell}>
                    {itemsRefund.data ? money(itemsRefund.data.amount) : '…'}
                  </Text>
                </Group>
              </Paper>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <MoneyInput
                  label="Shipping"
                  description="Shipping to give back too"
                  currency={order.currency}
                  value={shipping}
                  onChange={setShipping}
                  error={shippingAmount.ok ? errors.fields.shipping : shippingAmount.message}
                />
                <MoneyInput
                  label="Additional amount"
                  description="Goodwill on top"
                  currency={order.currency}
                  value={extra}
                  onChange={setExtra}
                  error={extraAmount.ok ? errors.fields.extraAmount : extraAmount.message}
                />
              </SimpleGrid>
              <Switch
                label="Send the customer a refund notice"
                checked={notify}
                onChange={(e) => setNotify(e.currentTarget.checked)}
              />
            </>
          ) : null}
          {resolution === 'exchange' ? (
            <>
              <Text size="sm" c="dimmed">
                A new order sends the replacements. Up to the units received back, they cost nothing; more
                units are charged what the customer paid for one, as a payment to mark received.
              </Text>
              <Table aria-label="Replacements" verticalSpacing="xs" highlightOnHover={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Returned</Table.Th>
                    <Table.Th>Replacement</Table.Th>
                    <Table.Th w={110} ta="right">
                      Quantity
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {received.map((rl) => {
                    const line = lines.get(rl.orderLineId);
                    const replacement = replacements[rl.orderLineId];
                    const index = chosenReplacements.findIndex((c) => c.orderLineId === rl.orderLineId);
                    return (
                      <Table.Tr key={rl.orderLineId}>
                        <Table.Td>
                          <Text size="sm">{line ? lineTitle(line) : 'Item'}</Text>
                          <Text size="xs" c="dimmed">
                            {rl.receivedQuantity} received
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {replacement ? (
                            <Group gap="xs" wrap="nowrap">
                              <Text size="sm" truncate="end">
                                {replacement.label}
                              </Text>
                              <Text
                                size="xs"
                                c="indigo"
                                style={{ cursor: 'pointer' }}
                                onClick={() => setReplacements(({ [rl.orderLineId]: _, ...rest }) => rest)}
                              >
                                Change
                              </Text>
                            </Group>
                          ) : (
                            <VariantPicker
                              label={`Replacement for ${line ? lineTitle(line) : 'the item'}`}
                              labelHidden
                              trackedOnly
                              exclude={new Set()}
                              onPick={(variant) =>
                                setReplacements((r) => ({
                                  ...r,
                                  [rl.orderLineId]: {
                                    variantId: variant.variantId,
                                    label: variantLabel(variant),
                                    quantity: rl.receivedQuantity,
                                  },
                                }))
                              }
                            />
                          )}
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={`Replacement quantity for ${line ? lineTitle(line) : 'item'}`}
                            value={replacement?.quantity ?? rl.receivedQuantity}
                            disabled={!replacement}
                            onChange={(v) =>
                              replacement &&
                              setReplacements((r) => ({
                                ...r,
                                [rl.orderLineId]: { ...replacement, quantity: typeof v === 'number' ? v : 1 },
                              }))
                            }
                            min={1}
                            hideControls
                            allowDecimal={false}
                            allowNegative={false}
                            styles={{ input: { textAlign: 'right' } }}
                            error={index >= 0 ? errors.lines[index]?.quantity : undefined}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </>
          ) : null}
          {resolution === 'none' ? (
            <Alert color="gray" variant="light">
              The items stay with the store and no money goes back: for a return not as agreed, or one settled
              another way.
            </Alert>
          ) : null}
          <Textarea
            label="Note"
            placeholder={resolution === 'refund' ? 'Optional: shown in the refund e-mail' : 'Optional'}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
          />
          <FormFooter
            general={errors.general}
            submitLabel={
              resolution === 'refund'
                ? `Refund ${money(total)}`
                : resolution === 'exchange'
                  ? 'Create exchange order'
                  : 'Close return'
            }
            pending={close.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
