import { Alert, Checkbox, Modal, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/http.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { orderFormErrorsFrom } from '../purchasing/line-errors.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { formatDate } from '../ui/format-date.ts';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { lineTitle } from './OrderLinesCard.tsx';
import { orderName, returnReasonLabels } from './order-labels.ts';
import { orderPath, ordersKey, useOrderAction } from './order-queries.ts';
import { type OrderDetail, type ReturnReason, returnReasons } from './order-types.ts';

/** GET /orders/:orderId/returns/returnable, per line (the orders module's returnable-lines.ts). */
interface ReturnableLine {
  orderLineId: string;
  returnableQuantity: number;
  window: { open: boolean; lastDay: string | null };
}

const reasonOptions = returnReasons.map((value) => ({ value, label: returnReasonLabels[value] }));

/**
 * Staff open a return for a customer (on the phone, by e-mail): which shipped units come back and
 * why. A line outside the return window can be taken anyway, said so explicitly.
 */
export function CreateReturnModal({
  order,
  prefix,
  onClose,
}: {
  order: OrderDetail;
  prefix: string;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const create = useOrderAction(store.handle, order.id);
  const returnable = useQuery({
    queryKey: [...ordersKey(store.handle), 'one', order.id, 'returnable'],
    queryFn: async () => {
      const answer = await api.get<{ lines: ReturnableLine[] } | { returnable: { lines: ReturnableLine[] } }>(
        orderPath(store.handle, order.id, '/returns/returnable'),
      );
      return 'returnable' in answer ? answer.returnable.lines : answer.lines;
    },
    staleTime: 0,
  });
  const [chosen, setChosen] = useState<Record<string, { quantity: number; reason: ReturnReason | null }>>({});
  const [comment, setComment] = useState('');
  const [ignoreWindow, setIgnoreWindow] = useState(false);
  const [errors, setErrors] = useState(orderFormErrorsFrom<'comment'>(null));
  const [reasonErrors, setReasonErrors] = useState<Record<string, string>>({});

  const rows = (returnable.data ?? [])
    .filter((r) => r.returnableQuantity > 0)
    .map((r) => ({ ...r, line: order.lines.find((l) => l.id === r.orderLineId)! }))
    .filter((r) => r.line);
  const requested = rows.filter((r) => (chosen[r.orderLineId]?.quantity ?? 0) > 0);
  const outsideWindow = requested.filter((r) => !r.window.open);
  const units = requested.reduce((n, r) => n + chosen[r.orderLineId]!.quantity, 0);
  const set = (lineId: string, change: Partial<{ quantity: number; reason: ReturnReason | null }>) =>
    setChosen((c) => ({ ...c, [lineId]: { quantity: 0, reason: null, ...c[lineId], ...change } }));

  const submit = () => {
    const missing = Object.fromEntries(
      requested.filter((r) => !chosen[r.orderLineId]?.reason).map((r) => [r.orderLineId, 'Choose a reason.']),
    );
    setReasonErrors(missing);
    if (requested.length === 0) {
      setErrors({ lines: {}, fields: {}, general: 'Choose at least one item that comes back.' });
      return;
    }
    if (Object.keys(missing).length > 0) return;
    create.mutate(
      {
        path: '/returns',
        body: {
          lines: requested.map((r) => ({
            orderLineId: r.orderLineId,
            quantity: chosen[r.orderLineId]!.quantity,
            reason: chosen[r.orderLineId]!.reason,
          })),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(outsideWindow.length > 0 ? { ignoreWindow } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(
            `Return of ${units} ${units === 1 ? 'item' : 'items'} opened for ${orderName(order, prefix)}.`,
          );
          onClose();
        },
        onError: (error) => setErrors(orderFormErrorsFrom(error, { comment: 'comment' })),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Return items of ${orderName(order, prefix)}`} size="xl" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {returnable.isPending ? (
            <ListSkeleton label="Loading what can be returned" rows={2} />
          ) : returnable.isError ? (
            <Alert color="red" role="alert">
              {returnable.error.message}
            </Alert>
          ) : rows.length === 0 ? (
            <Alert color="gray">
              Nothing of this order can be returned: no shipped item is left outside a return.
            </Alert>
          ) : (
            <Table aria-label="Items to return" verticalSpacing="xs" highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th w={130} ta="right">
                    Quantity
                  </Table.Th>
                  <Table.Th w={210}>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const index = requested.findIndex((q) => q.orderLineId === r.orderLineId);
                  return (
                    <Table.Tr key={r.orderLineId}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {lineTitle(r.line)}
                        </Text>
                        <Text size="xs" c={r.window.open ? 'dimmed' : 'orange'}>
                          {r.window.open
                            ? r.window.lastDay
                              ? `Returnable until ${formatDate(r.window.lastDay)}`
                              : null
                            : r.window.lastDay
                              ? `Return window closed ${formatDate(r.window.lastDay)}`
                              : 'The store takes no returns'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`Quantity to return of ${lineTitle(r.line)}`}
                          value={chosen[r.orderLineId]?.quantity ?? 0}
                          onChange={(v) => set(r.orderLineId, { quantity: typeof v === 'number' ? v : 0 })}
                          min={0}
                          max={r.returnableQuantity}
                          clampBehavior="strict"
                          allowDecimal={false}
                          allowNegative={false}
                          rightSection={
                            <Text size="xs" c="dimmed" pr={6} style={numberCell}>
                              of {r.returnableQuantity}
                            </Text>
                          }
                          rightSectionWidth={52}
                          styles={{ input: { textAlign: 'right' } }}
                          error={index >= 0 ? errors.lines[index]?.quantity : undefined}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Reason for returning ${lineTitle(r.line)}`}
                          placeholder="Reason"
                          data={reasonOptions}
                          value={chosen[r.orderLineId]?.reason ?? null}
                          onChange={(v) => {
                            set(r.orderLineId, { reason: (v as ReturnReason | null) ?? null });
                            setReasonErrors(({ [r.orderLineId]: _, ...rest }) => rest);
                          }}
                          error={reasonErrors[r.orderLineId]}
                          comboboxProps={{ withinPortal: true }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          <Textarea
            label="What the customer said"
            placeholder="Optional: the customer's words, kept with the return"
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.fields.comment}
          />
          {outsideWindow.length > 0 ? (
            <Checkbox
              label="Accept outside the return window"
              description="Some of these items are past the store's return window."
              checked={ignoreWindow}
              onChange={(e) => setIgnoreWindow(e.currentTarget.checked)}
            />
          ) : null}
          <FormFooter
            general={errors.general}
            submitLabel={
              units > 0 ? `Open return of ${units} ${units === 1 ? 'item' : 'items'}` : 'Open return'
            }
            pending={create.isPending}
            onCancel={onClose}
            submitDisabled={units === 0}
          />
        </Stack>
      </form>
    </Modal>
  );
}
