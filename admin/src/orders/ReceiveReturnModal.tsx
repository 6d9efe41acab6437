import { Modal, NumberInput, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { orderFormErrorsFrom } from '../purchasing/line-errors.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { lineTitle } from './OrderLinesCard.tsx';
import { returnReasonLabels } from './order-labels.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail, OrderReturn, ReturnDisposition } from './order-types.ts';

interface LineChoice {
  quantity: number;
  disposition: ReturnDisposition;
  locationId: string | null;
}

/**
 * The items of an approved return arrived: how many of each, and whether each goes back into stock
 * (at which location; where it was sold from by default) or is written off (damaged, not resellable).
 */
export function ReceiveReturnModal({
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
  const receive = useOrderAction(store.handle, order.id);
  const locations = useQuery({ ...locationsQuery(store.handle), enabled: can('inventory:read') });
  const expected = ret.lines.filter((l) => l.quantity - l.receivedQuantity > 0);
  const [choices, setChoices] = useState<Record<string, LineChoice>>(() =>
    Object.fromEntries(
      expected.map((l) => [
        l.orderLineId,
        {
          quantity: l.quantity - l.receivedQuantity,
          // A damaged or defective item is rarely sold again; everything else is, by default.
          disposition: l.reason === 'damaged' || l.reason === 'defective' ? 'write_off' : 'restock',
          locationId: null,
        },
      ]),
    ),
  );
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState(orderFormErrorsFrom<'note'>(null));
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const received = expected.filter((l) => (choices[l.orderLineId]?.quantity ?? 0) > 0);
  const units = received.reduce((n, l) => n + choices[l.orderLineId]!.quantity, 0);
  const set = (lineId: string, change: Partial<LineChoice>) =>
    setChoices((c) => ({ ...c, [lineId]: { ...c[lineId]!, ...change } }));
  const locationOptions = (locations.data ?? [])
    .filter((l) => l.active)
    .map((l) => ({ value: l.id, label: l.name }));
  // With one location there is nothing to choose: units go back where they were sold from.
  const choosesLocation = locationOptions.length > 1;

  const submit = () => {
    if (received.length === 0) {
      setErrors({ lines: {}, fields: {}, general: 'Enter how many items arrived.' });
      return;
    }
    receive.mutate(
      {
        path: `/returns/${encodeURIComponent(ret.id)}/receive`,
        body: {
          lines: received.map((l) => {
            const choice = choices[l.orderLineId]!;
            return {
              orderLineId: l.orderLineId,
              quantity: choice.quantity,
              disposition: choice.disposition,
              ...(choice.disposition === 'restock' && choice.locationId
                ? { locationId: choice.locationId }
                : {}),
            };
          }),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`${units} ${units === 1 ? 'item' : 'items'} received.`);
          onClose();
        },
        onError: (error) => setErrors(orderFormErrorsFrom(error, { note: 'note' })),
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
          <Table aria-label="Items received" verticalSpacing="xs" highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th w={120} ta="right">
                  Received
                </Table.Th>
                <Table.Th w={190}>Then</Table.Th>
                {choosesLocation ? <Table.Th w={200}>Back to</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {expected.map((rl) => {
                const line = lines.get(rl.orderLineId);
                const choice = choices[rl.orderLineId]!;
                const index = received.findIndex((r) => r.orderLineId === rl.orderLineId);
                const name = line ? lineTitle(line) : 'Item';
                return (
                  <Table.Tr key={rl.orderLineId}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {returnReasonLabels[rl.reason] ?? rl.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Received of ${name}`}
                        value={choice.quantity}
                        onChange={(v) => set(rl.orderLineId, { quantity: typeof v === 'number' ? v : 0 })}
                        min={0}
                        max={rl.quantity - rl.receivedQuantity}
                        clampBehavior="strict"
                        allowDecimal={false}
                        allowNegative={false}
                        rightSection={
                          <Text size="xs" c="dimmed" pr={6} style={numberCell}>
                            of {rl.quantity - rl.receivedQuantity}
                          </Text>
                        }
                        rightSectionWidth={52}
                        styles={{ input: { textAlign: 'right' } }}
                        error={index >= 0 ? errors.lines[index]?.quantity : undefined}
                      />
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        aria-label={`What happens to ${name}`}
                        size="xs"
                        fullWidth
                        data={[
                          { value: 'restock', label: 'Restock' },
                          { value: 'write_off', label: 'Write off' },
                        ]}
                        value={choice.disposition}
                        onChange={(v) => set(rl.orderLineId, { disposition: v as ReturnDisposition })}
                      />
                    </Table.Td>
                    {choosesLocation ? (
                      <Table.Td>
                        {choice.disposition === 'restock' ? (
                          <Select
                            aria-label={`Restock location of ${name}`}
                            placeholder="Where it was sold"
                            data={locationOptions}
                            value={choice.locationId}
                            onChange={(v) => set(rl.orderLineId, { locationId: v })}
                            clearable
                            size="xs"
                            comboboxProps={{ withinPortal: true }}
                          />
                        ) : (
                          <Text size="xs" c="dimmed">
                            Not put back into stock
                          </Text>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Textarea
            label="Note"
            placeholder="Optional: the condition they came back in"
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
          />
          <FormFooter
            general={errors.general}
            submitLabel={units > 0 ? `Receive ${units} ${units === 1 ? 'item' : 'items'}` : 'Receive'}
            pending={receive.isPending}
            onCancel={onClose}
            submitDisabled={units === 0}
          />
        </Stack>
      </form>
    </Modal>
  );
}
