import { Card, Checkbox, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { currencyFractionDigits, formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { type LineField, orderFormErrorsFrom } from './line-errors.ts';
import { type ReceiptInput, useReceive } from './purchasing-queries.ts';
import type { PurchaseOrderDetail } from './purchasing-types.ts';
import { variantLabel } from './VariantPicker.tsx';

function overReceiptOpen(error: ApiError): number | null {
  const open = (error.details as { open?: unknown } | undefined)?.open;
  return typeof open === 'number' ? open : null;
}

/**
 * Books goods that arrived: per line what was ordered, received and is still open, and how many
 * came now (the open quantity unless changed; 0 leaves the line out). Taking more than is open needs
 * "allow over-receipt"; the server's refusal shows on the line it names.
 */
export function ReceiveForm({ order }: { order: PurchaseOrderDetail }) {
  const { store } = useCurrentStore();
  const receive = useReceive(store.handle, order.id);
  const digits = currencyFractionDigits(order.currency);
  const [quantities, setQuantities] = useState<(number | string)[]>(() =>
    order.lines.map((l) => l.quantityOpen),
  );
  const [costs, setCosts] = useState<string[]>(() => order.lines.map(() => ''));
  const [allowOver, setAllowOver] = useState(false);
  const [lineErrors, setLineErrors] = useState<Record<number, Partial<Record<LineField, string>>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<number, Partial<Record<LineField, string>>> = {};
    const lines: ReceiptInput['lines'] = [];
    // Server paths count the lines sent, so remember which order line each sent line is.
    const sentIndex: number[] = [];
    order.lines.forEach((line, index) => {
      const quantity = quantities[index];
      if (quantity === '' || quantity === 0) return;
      if (typeof quantity !== 'number' || quantity < 0) {
        found[index] = { quantity: 'A whole number, 0 or more.' };
        return;
      }
      let unitCost: { amount: number } | undefined;
      const cost = costs[index]?.trim();
      if (cost) {
        const parsed = parseDecimalToMinor(cost, digits);
        if (parsed.ok) unitCost = { amount: parsed.amount };
        else found[index] = { unitCost: `Not a price in ${order.currency}.` };
      }
      sentIndex.push(index);
      lines.push({ lineId: line.id, quantity, unitCost });
    });
    setLineErrors(found);
    setGeneral(
      Object.keys(found).length === 0 && lines.length === 0
        ? 'Enter how many arrived of at least one line.'
        : null,
    );
    if (Object.keys(found).length > 0 || lines.length === 0) return;
    receive.mutate(
      { lines, allowOverReceipt: allowOver },
      {
        onSuccess: (updated) => {
          notifySuccess(
            `Received ${lines.reduce((n, l) => n + l.quantity, 0)} units into ${order.location.name}.`,
          );
          setQuantities(updated.lines.map((l) => l.quantityOpen));
          setCosts(updated.lines.map(() => ''));
          setAllowOver(false);
        },
        onError: (error) => {
          const placed = orderFormErrorsFrom(error);
          // The server's words name its flag; say it as this form does.
          const open =
            error instanceof ApiError && error.code === 'over_receipt' ? overReceiptOpen(error) : null;
          const byOrderLine: typeof found = {};
          for (const [sent, messages] of Object.entries(placed.lines)) {
            const index = sentIndex[Number(sent)];
            if (index === undefined) continue;
            byOrderLine[index] =
              open === null
                ? messages
                : { quantity: `This line expects ${open} more; tick "Allow over-receipt" to take more.` };
          }
          setLineErrors(byOrderLine);
          setGeneral(placed.general);
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding={0}>
      <form onSubmit={submit} noValidate aria-label="Receive goods">
        <Group p="md" justify="space-between">
          <div>
            <Title order={3} size="h4">
              Receive goods
            </Title>
            <Text size="sm" c="dimmed">
              Booked into stock at {order.location.name}. Leave the unit cost blank to use the order's.
            </Text>
          </div>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Lines to receive" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th ta="right">Ordered</Table.Th>
                <Table.Th ta="right">Received</Table.Th>
                <Table.Th ta="right">Remaining</Table.Th>
                <Table.Th w={150}>Receive now</Table.Th>
                <Table.Th w={160}>Unit cost ({order.currency})</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line, index) => {
                const label = variantLabel({
                  productTitle: line.productTitle,
                  title: line.variantTitle,
                  sku: line.sku,
                });
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Text size="sm">{label}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.quantityOrdered}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.quantityReceived}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.quantityOpen}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Receive now of ${label}`}
                        min={0}
                        allowDecimal={false}
                        allowNegative={false}
                        value={quantities[index] ?? ''}
                        onChange={(value) =>
                          setQuantities((current) => current.map((q, i) => (i === index ? value : q)))
                        }
                        error={lineErrors[index]?.quantity}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Unit cost of ${label}`}
                        placeholder={formatMinorAsDecimal(line.unitCost.amount, digits)}
                        inputMode="decimal"
                        value={costs[index] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setCosts((current) => current.map((c, i) => (i === index ? value : c)));
                        }}
                        error={lineErrors[index]?.unitCost}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Stack p="md" gap="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Checkbox
            label="Allow over-receipt"
            description="The supplier sent more than ordered: take the extra units too."
            checked={allowOver}
            onChange={(e) => setAllowOver(e.currentTarget.checked)}
          />
          <FormFooter general={general} submitLabel="Receive into stock" pending={receive.isPending} />
        </Stack>
      </form>
    </Card>
  );
}
