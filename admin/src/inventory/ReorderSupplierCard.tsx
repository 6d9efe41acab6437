import { Alert, Badge, Card, Checkbox, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { formatMoney } from '../money/minor-units.ts';
import { ExchangeRateField } from '../purchasing/ExchangeRateField.tsx';
import type { PurchaseOrderDetail } from '../purchasing/purchasing-types.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import type { TypedQuantity } from './reorder-draft-lines.ts';
import type { ReorderGroup, ReorderSuggestion } from './reorder-queries.ts';
import { daysWords, reorderWhy, supplierChoiceWords } from './reorder-words.ts';
import { numberCell } from './StockTable.tsx';

/**
 * One supplier's part of the bulk reorder: whether to order from it, its lines with the suggested
 * quantities (editable) and why, the exchange rate when it bills in another currency, the units and
 * total as edited, and once made, a link to its draft.
 */
export function ReorderSupplierCard({
  group,
  suggestions,
  labelOf,
  quantities,
  onQuantity,
  included,
  onIncluded,
  rate,
  onRate,
  rateError,
  lineErrors,
  error,
  created,
}: {
  group: ReorderGroup;
  suggestions: ReorderSuggestion[];
  labelOf: (s: ReorderSuggestion) => string;
  quantities: Readonly<Record<string, TypedQuantity>>;
  onQuantity: (variantId: string, quantity: TypedQuantity) => void;
  included: boolean;
  onIncluded: (included: boolean) => void;
  rate: string;
  onRate: (rate: string) => void;
  rateError?: string;
  lineErrors: Readonly<Record<string, string>>;
  error?: string;
  created?: PurchaseOrderDetail;
}) {
  const { store } = useCurrentStore();
  const { supplier } = group;
  const quantityOf = (s: ReorderSuggestion) => quantities[s.variantId] ?? s.quantity;
  let units = 0;
  let total = 0;
  for (const s of suggestions) {
    const q = quantityOf(s);
    if (typeof q === 'number' && q > 0) {
      units += q;
      total += q * (s.unitCost?.amount ?? 0);
    }
  }
  const belowMinimum =
    supplier.minimumOrderQuantity !== null && units > 0 && units < supplier.minimumOrderQuantity;
  const editable = included && !created;

  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-label={`Order from ${supplier.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          {created ? (
            <Group gap="xs">
              <Text fw={600}>{supplier.name}</Text>
              <Badge color="teal" variant="light">
                Draft created
              </Badge>
              <AnchorLink
                to="/stores/$store/purchasing/$purchaseOrderId"
                params={{ store: store.handle, purchaseOrderId: created.id }}
                size="sm"
              >
                Open {created.label}
              </AnchorLink>
            </Group>
          ) : (
            <Checkbox
              label={<Text fw={600}>{supplier.name}</Text>}
              aria-label={`Order from ${supplier.name}`}
              checked={included}
              onChange={(e) => onIncluded(e.currentTarget.checked)}
            />
          )}
          <Text size="sm" c="dimmed">
            {supplier.currency} · lead time {daysWords(supplier.leadTimeDays)} · {units} units ·{' '}
            {formatMoney(total, supplier.currency)}
          </Text>
        </Group>
        {belowMinimum && !created ? (
          <Text size="xs" c="orange.8">
            {supplier.name} takes orders of at least {supplier.minimumOrderQuantity} units: add more before
            sending this draft.
          </Text>
        ) : null}
        {editable && supplier.currency !== store.baseCurrency ? (
          <ExchangeRateField
            orderCurrency={supplier.currency}
            baseCurrency={store.baseCurrency}
            value={rate}
            onChange={onRate}
            error={rateError}
          />
        ) : null}
        <Table aria-label={`Lines for ${supplier.name}`} verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variant</Table.Th>
              <Table.Th w={150} style={numberCell}>
                Quantity
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {suggestions.map((s) => {
              const label = labelOf(s);
              const choice = supplierChoiceWords(s);
              return (
                <Table.Tr key={s.variantId}>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {reorderWhy(s)}
                      {choice ? ` ${choice[0]!.toUpperCase()}${choice.slice(1)}.` : ''}
                      {s.drafts.length > 0 && !created
                        ? ` Already on draft ${s.drafts.map((d) => `${d.label} (${d.quantity})`).join(', ')}.`
                        : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {created ? (
                      <Text size="sm" style={numberCell}>
                        {created.lines.find((l) => l.variantId === s.variantId)?.quantityOrdered ?? 0}
                      </Text>
                    ) : (
                      <NumberInput
                        aria-label={`Quantity of ${label}`}
                        min={0}
                        step={s.calculation.packSize ?? 1}
                        allowDecimal={false}
                        allowNegative={false}
                        value={quantityOf(s)}
                        onChange={(value) => onQuantity(s.variantId, value)}
                        disabled={!included}
                        error={lineErrors[s.variantId]}
                        description={
                          lineErrors[s.variantId]
                            ? undefined
                            : packsWords(quantityOf(s), s.calculation.packSize)
                        }
                        inputWrapperOrder={['label', 'input', 'description', 'error']}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {error ? (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Under a quantity: "11 packs of 6" when it is whole packs, "Packs of 6" while it is not. */
function packsWords(quantity: TypedQuantity, packSize: number | null): string | undefined {
  if (!packSize || packSize <= 1) return undefined;
  if (typeof quantity === 'number' && quantity > 0 && quantity % packSize === 0) {
    const packs = quantity / packSize;
    return `${packs} ${packs === 1 ? 'pack' : 'packs'} of ${packSize}`;
  }
  return `Packs of ${packSize}`;
}
