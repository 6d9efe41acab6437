import {
  Checkbox,
  Grid,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../api/http.ts';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { orderFormErrorsFrom } from '../purchasing/line-errors.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { lineTitle } from './OrderLinesCard.tsx';
import { refundableUnitsOf, unfulfilledOf } from './order-amounts.ts';
import { orderName } from './order-labels.ts';
import { orderPath, ordersKey, useOrderAction } from './order-queries.ts';
import type { OrderDetail } from './order-types.ts';

/** POST /orders/:orderId/refunds/preview (the orders module's RefundPreview). */
interface RefundPreview {
  currency: string;
  lines: { orderLineId: string; quantity: number; amount: number }[];
  shipping: number;
  extra: number;
  amount: number;
  refundable: { amount: number; shipping: number; order: number };
}

type Field = 'shipping' | 'extraAmount' | 'reason' | 'note';
const fieldFor: Record<string, Field> = {
  shipping: 'shipping',
  extraAmount: 'extraAmount',
  reason: 'reason',
  note: 'note',
};

/**
 * The refund's refusals on the fields they are about. The limits come as minor units in the error's
 * details; they are said in money here ("At most €5.00 of shipping is left to refund").
 */
function refundErrorsFrom(error: unknown, currency: string) {
  const placed = orderFormErrorsFrom<Field>(error, fieldFor);
  if (!(error instanceof ApiError)) return placed;
  const refundable = (error.details as { refundable?: unknown } | undefined)?.refundable;
  if (typeof refundable !== 'number') return placed;
  const amount = formatMoney(refundable, currency);
  if (error.code === 'refund_exceeds_shipping') {
    placed.fields.shipping = `At most ${amount} of shipping is left to refund.`;
  } else if (error.code === 'refund_exceeds_captured') {
    placed.general = `At most ${amount} can be refunded: what was paid and not refunded yet.`;
  } else if (error.code === 'refund_exceeds_order') {
    placed.general = `At most ${amount} of this order is left to refund.`;
  }
  return placed;
}

interface LineChoice {
  quantity: number;
  restock: boolean;
  locationId: string | null;
}

/**
 * Gives money back: units of lines (put back into stock or not, and where), shipping, and an amount
 * on top, with the reason. The amount and what can still be refunded come live from the server's
 * preview, so the person sees exactly what the refund will be before sending it; the server's
 * refusals show beside the line or field they are about.
 */
export function RefundModal({
  order,
  prefix,
  onClose,
}: {
  order: OrderDetail;
  prefix: string;
  onClose: () => void;
}) {
  const { store, can } = useCurrentStore();
  const refund = useOrderAction(store.handle, order.id);
  const locations = useQuery({ ...locationsQuery(store.handle), enabled: can('inventory:read') });
  const money = (amount: number) => formatMoney(amount, order.currency);
  const refundable = order.lines.filter((l) => refundableUnitsOf(l) > 0);
  const [choices, setChoices] = useState<Record<string, LineChoice>>(() =>
    Object.fromEntries(
      refundable.map((l) => [l.id, { quantity: 0, restock: unfulfilledOf(l) > 0, locationId: null }]),
    ),
  );
  const [shipping, setShipping] = useState('');
  const [extra, setExtra] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(true);
  const [submitErrors, setSubmitErrors] = useState(orderFormErrorsFrom<Field>(null, fieldFor));

  const chosen = refundable.filter((l) => (choices[l.id]?.quantity ?? 0) > 0);
  const shippingAmount = parseMoneyText(shipping, order.currency, { optional: true });
  const extraAmount = parseMoneyText(extra, order.currency, { optional: true });
  const body = {
    lines: chosen.map((l) => {
      const c = choices[l.id]!;
      return {
        orderLineId: l.id,
        quantity: c.quantity,
        restock: c.restock,
        ...(c.restock && c.locationId ? { locationId: c.locationId } : {}),
      };
    }),
    ...(shippingAmount.ok && shippingAmount.amount ? { shipping: { amount: shippingAmount.amount } } : {}),
    ...(extraAmount.ok && extraAmount.amount ? { extraAmount: extraAmount.amount } : {}),
  };
  const [previewBody] = useDebouncedValue(body, 250);
  const preview = useQuery({
    queryKey: [...ordersKey(store.handle), 'one', order.id, 'refund-preview', previewBody],
    queryFn: async () => {
      const answer = await api.post<RefundPreview | { preview: RefundPreview }>(
        orderPath(store.handle, order.id, '/refunds/preview'),
        { ...previewBody, notifyCustomer: false },
      );
      return 'preview' in answer ? answer.preview : answer;
    },
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
  // The preview's refusal (too many units, more shipping than is left) shows where the refund's would.
  const errors =
    submitErrors.general || Object.keys(submitErrors.fields).length || Object.keys(submitErrors.lines).length
      ? submitErrors
      : refundErrorsFrom(preview.error, order.currency);
  const localErrors: Partial<Record<Field, string>> = {
    ...(shippingAmount.ok ? {} : { shipping: shippingAmount.message }),
    ...(extraAmount.ok ? {} : { extraAmount: extraAmount.message }),
  };
  const lineAmount = new Map(preview.data?.lines.map((l) => [l.orderLineId, l.amount]));
  const amount = preview.data?.amount ?? 0;
  const fresh =
    JSON.stringify(previewBody) === JSON.stringify(body) && !preview.isFetching && !preview.isError;
  const set = (lineId: string, change: Partial<LineChoice>) => {
    setSubmitErrors(orderFormErrorsFrom<Field>(null, fieldFor));
    setChoices((c) => ({ ...c, [lineId]: { ...c[lineId]!, ...change } }));
  };
  const locationOptions = (locations.data ?? [])
    .filter((l) => l.active)
    .map((l) => ({ value: l.id, label: l.name }));

  const submit = () => {
    if (!shippingAmount.ok || !extraAmount.ok) return;
    refund.mutate(
      {
        path: '/refunds',
        body: {
          ...body,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(notify && note.trim() ? { note: note.trim() } : {}),
          notifyCustomer: notify,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`${money(amount)} refunded on ${orderName(order, prefix)}.`);
          onClose();
        },
        onError: (error) => setSubmitErrors(refundErrorsFrom(error, order.currency)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Refund ${orderName(order, prefix)}`} size={1000} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              {refundable.length > 0 ? (
                <Table.ScrollContainer minWidth={560}>
                  <Table aria-label="Items to refund" verticalSpacing="xs" highlightOnHover={false}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Item</Table.Th>
                        <Table.Th w={120} ta="right">
                          Quantity
                        </Table.Th>
                        <Table.Th w={can('inventory:read') ? 190 : 90}>Restock</Table.Th>
                        <Table.Th w={90} ta="right">
                          Amount
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {refundable.map((line) => {
                        const choice = choices[line.id]!;
                        const index = chosen.findIndex((c) => c.id === line.id);
                        const name = lineTitle(line);
                        return (
                          <Table.Tr key={line.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {name}
                              </Text>
                              <Text size="xs" c="dimmed" style={numberCell}>
                                {money(line.unitAmount)} × {line.quantity}
                                {line.refundedQuantity > 0 ? ` · ${line.refundedQuantity} refunded` : ''}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <NumberInput
                                aria-label={`Quantity to refund of ${name}`}
                                value={choice.quantity}
                                onChange={(v) => set(line.id, { quantity: typeof v === 'number' ? v : 0 })}
                                min={0}
                                max={refundableUnitsOf(line)}
                                clampBehavior="strict"
                                allowDecimal={false}
                                allowNegative={false}
                                rightSection={
                                  <Text size="xs" c="dimmed" pr={6} style={numberCell}>
                                    of {refundableUnitsOf(line)}
                                  </Text>
                                }
                                rightSectionWidth={52}
                                styles={{ input: { textAlign: 'right' } }}
                                error={index >= 0 ? errors.lines[index]?.quantity : undefined}
                              />
                            </Table.Td>
                            <Table.Td>
                              <Stack gap={6}>
                                <Checkbox
                                  label="Restock"
                                  aria-label={`Restock ${name}`}
                                  checked={choice.restock}
                                  onChange={(e) => set(line.id, { restock: e.currentTarget.checked })}
                                  disabled={!line.variantId}
                                />
                                {choice.restock && can('inventory:read') && locationOptions.length > 1 ? (
                                  <Select
                                    aria-label={`Restock location of ${name}`}
                                    placeholder="Where it was sold from"
                                    data={locationOptions}
                                    value={choice.locationId}
                                    onChange={(v) => set(line.id, { locationId: v })}
                                    clearable
                                    size="xs"
                                    comboboxProps={{ withinPortal: true }}
                                  />
                                ) : null}
                              </Stack>
                            </Table.Td>
                            <Table.Td ta="right" style={numberCell}>
                              {choice.quantity > 0 && lineAmount.has(line.id)
                                ? money(lineAmount.get(line.id)!)
                                : '—'}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : (
                <Text size="sm" c="dimmed">
                  Every item is refunded already; shipping or an additional amount can still be given back.
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <MoneyInput
                  label="Shipping"
                  description={
                    preview.data
                      ? `${money(preview.data.refundable.shipping)} left to refund`
                      : 'Shipping to give back'
                  }
                  currency={order.currency}
                  value={shipping}
                  onChange={(v) => {
                    setSubmitErrors(orderFormErrorsFrom<Field>(null, fieldFor));
                    setShipping(v);
                  }}
                  error={localErrors.shipping ?? errors.fields.shipping}
                />
                <MoneyInput
                  label="Additional amount"
                  description="Goodwill or a price adjustment"
                  currency={order.currency}
                  value={extra}
                  onChange={(v) => {
                    setSubmitErrors(orderFormErrorsFrom<Field>(null, fieldFor));
                    setExtra(v);
                  }}
                  error={localErrors.extraAmount ?? errors.fields.extraAmount}
                />
              </SimpleGrid>
              <TextInput
                label="Reason"
                placeholder="Damaged in transit"
                description="For your records: kept with the refund"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={500}
                error={errors.fields.reason}
              />
              <Switch
                label="Send the customer a refund notice"
                description={`To ${order.email}`}
                checked={notify}
                onChange={(e) => setNotify(e.currentTarget.checked)}
              />
              {notify ? (
                <Textarea
                  label="Note to the customer"
                  placeholder="Optional: shown in the e-mail"
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  error={errors.fields.note}
                />
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="md" p="md" bg="gray.0" aria-label="Refund summary" role="group">
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  Summary
                </Text>
                <SummaryRow
                  label="Items"
                  amount={money(preview.data?.lines.reduce((s, l) => s + l.amount, 0) ?? 0)}
                />
                <SummaryRow label="Shipping" amount={money(preview.data?.shipping ?? 0)} />
                <SummaryRow label="Additional" amount={money(preview.data?.extra ?? 0)} />
                <Group justify="space-between" mt={4} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    Refund amount
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    {preview.isFetching ? <Loader size={12} /> : null}
                    <Text size="lg" fw={700} style={numberCell} data-testid="refund-amount">
                      {money(amount)}
                    </Text>
                  </Group>
                </Group>
                <Text size="xs" c="dimmed" data-testid="refundable">
                  {preview.data ? `Refundable: ${money(preview.data.refundable.amount)}` : 'Refundable: …'}
                </Text>
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
        <Stack gap="md" mt="md">
          <FormFooter
            general={errors.general}
            submitLabel={amount > 0 ? `Refund ${money(amount)}` : 'Refund'}
            pending={refund.isPending}
            onCancel={onClose}
            submitDisabled={amount <= 0 || !fresh || !shippingAmount.ok || !extraAmount.ok}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function SummaryRow({ label, amount }: { label: string; amount: string }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={numberCell}>
        {amount}
      </Text>
    </Group>
  );
}
