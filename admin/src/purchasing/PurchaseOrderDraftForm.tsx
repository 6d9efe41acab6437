import {
  ActionIcon,
  Card,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import type { StockRow } from '../inventory/inventory-types.ts';
import { currencyFractionDigits, formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { IconTrash } from '../ui/icons.tsx';
import { ExchangeRateField } from './ExchangeRateField.tsx';
import { exchangeRateInputValue, needsExchangeRate, parseExchangeRate } from './exchange-rate.ts';
import { type LineField, orderFormErrorsFrom } from './line-errors.ts';
import type { PrefillLine } from './purchase-order-prefill.ts';
import { type DraftInput, supplierCatalogQuery, suppliersQuery, useSaveDraft } from './purchasing-queries.ts';
import type { PurchaseOrderDetail } from './purchasing-types.ts';
import { VariantPicker, variantLabel } from './VariantPicker.tsx';

interface LineDraft {
  variantId: string;
  label: string;
  quantity: number | string;
  /** As typed, in the order's currency; blank takes the supplier catalog's cost. */
  unitCost: string;
}

type Field = 'supplier' | 'location' | 'expectedOn' | 'exchangeRate' | 'note' | 'lines';
const fieldFor: Record<string, Field> = {
  supplierId: 'supplier',
  locationId: 'location',
  expectedOn: 'expectedOn',
  exchangeRate: 'exchangeRate',
  note: 'note',
  lines: 'lines',
};

/**
 * A new order (`order` null) or a draft's changes: supplier (fixed once created), delivery location,
 * expected date, exchange rate (a supplier billing in another currency than the store), note and lines. Picking a variant prefills its quantity and unit cost from the
 * supplier's catalog; the server's objections show on the line they name. A new order can start
 * with a supplier and lines (`prefill`): the lines take the catalog's cost once it has loaded, and
 * variants the supplier does not list are left out.
 */
export function PurchaseOrderDraftForm({
  order,
  prefill,
  onSaved,
}: {
  order: PurchaseOrderDetail | null;
  prefill?: { supplierId?: string; lines: PrefillLine[] };
  onSaved: (order: PurchaseOrderDetail) => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveDraft(store.handle);
  const suppliers = useQuery(suppliersQuery(store.handle));
  const locations = useQuery(locationsQuery(store.handle));
  const [supplierId, setSupplierId] = useState(order?.supplier.id ?? prefill?.supplierId ?? '');
  const [prefillLines, setPrefillLines] = useState(prefill?.lines.length ? prefill.lines : null);
  const catalog = useQuery(supplierCatalogQuery(store.handle, supplierId));
  const supplier = suppliers.data?.find((s) => s.id === supplierId);
  const currency = order?.currency ?? supplier?.currency ?? store.baseCurrency;
  const digits = currencyFractionDigits(currency);
  const needsRate = needsExchangeRate(currency, store.baseCurrency);
  const [exchangeRate, setExchangeRate] = useState(
    order && needsExchangeRate(order.currency, store.baseCurrency)
      ? exchangeRateInputValue(order.exchangeRate)
      : '',
  );
  const [locationId, setLocationId] = useState(order?.location.id ?? '');
  const [expectedOn, setExpectedOn] = useState(order?.expectedOn ?? '');
  const [note, setNote] = useState(order?.note ?? '');
  const [lines, setLines] = useState<LineDraft[]>(
    () =>
      order?.lines.map((line) => ({
        variantId: line.variantId,
        label: variantLabel({ productTitle: line.productTitle, title: line.variantTitle, sku: line.sku }),
        quantity: line.quantityOrdered,
        unitCost: formatMinorAsDecimal(line.unitCost.amount, currencyFractionDigits(line.unitCost.currency)),
      })) ?? [],
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [lineErrors, setLineErrors] = useState<Record<number, Partial<Record<LineField, string>>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const activeLocations = (locations.data ?? []).filter((l) => l.active);
  if (!locationId && activeLocations[0]) setLocationId(activeLocations[0].id);
  if (
    !order &&
    supplierId &&
    suppliers.data &&
    !suppliers.data.some((s) => s.id === supplierId && s.active)
  ) {
    // A prefilled supplier that is unknown or inactive: choose again.
    setSupplierId('');
    setPrefillLines(null);
  }
  if (prefillLines && catalog.data) {
    setLines(
      prefillLines.flatMap((line) => {
        const terms = catalog.data.find((c) => c.variantId === line.variantId);
        return terms
          ? [
              {
                variantId: line.variantId,
                label: variantLabel({
                  productTitle: terms.productTitle,
                  title: terms.variantTitle,
                  sku: terms.sku,
                }),
                quantity: line.quantity,
                unitCost: formatMinorAsDecimal(
                  terms.cost.amount,
                  currencyFractionDigits(terms.cost.currency),
                ),
              },
            ]
          : [];
      }),
    );
    setPrefillLines(null);
  }

  const pick = (variant: StockRow) => {
    const terms = catalog.data?.find((c) => c.variantId === variant.variantId);
    setLines((current) => [
      ...current,
      {
        variantId: variant.variantId,
        label: variantLabel(variant),
        quantity: terms ? Math.max(terms.minimumOrderQuantity, terms.packSize) : 1,
        unitCost: terms ? formatMinorAsDecimal(terms.cost.amount, digits) : '',
      },
    ]);
  };
  const change = (index: number, patch: Partial<LineDraft>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const foundLines: Record<number, Partial<Record<LineField, string>>> = {};
    if (!supplierId) found.supplier = 'Choose the supplier to order from.';
    if (!locationId) found.location = 'Choose where the goods are delivered.';
    const rate = needsRate ? parseExchangeRate(exchangeRate, currency, store.baseCurrency) : null;
    if (rate && !rate.ok) found.exchangeRate = rate.message;
    const sentLines: DraftInput['lines'] = [];
    lines.forEach((line, index) => {
      if (typeof line.quantity !== 'number' || line.quantity < 1) {
        foundLines[index] = { quantity: 'At least 1.' };
      }
      let unitCost: { amount: number } | undefined;
      if (line.unitCost.trim()) {
        const parsed = parseDecimalToMinor(line.unitCost, digits);
        if (parsed.ok) unitCost = { amount: parsed.amount };
        else foundLines[index] = { ...foundLines[index], unitCost: `Not a price in ${currency}.` };
      }
      sentLines.push({ variantId: line.variantId, quantity: Number(line.quantity), unitCost });
    });
    setErrors(found);
    setLineErrors(foundLines);
    setGeneral(null);
    if (Object.keys(found).length > 0 || Object.keys(foundLines).length > 0) return;
    save.mutate(
      {
        id: order?.id ?? null,
        supplierId,
        input: {
          locationId,
          expectedOn: expectedOn || null,
          exchangeRate: rate?.ok ? rate.rate : undefined,
          note: note.trim() || null,
          lines: sentLines,
        },
      },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const placed = orderFormErrorsFrom(error, fieldFor);
          setErrors(placed.fields);
          setLineErrors(placed.lines);
          setGeneral(placed.general);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Purchase order">
      <Stack gap="lg">
        <Card withBorder radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Supplier"
              placeholder="Choose a supplier"
              data={(suppliers.data ?? [])
                .filter((s) => s.active || s.id === supplierId)
                .map((s) => ({ value: s.id, label: `${s.name} (${s.currency})` }))}
              value={supplierId || null}
              onChange={(value) => setSupplierId(value ?? '')}
              disabled={order !== null}
              error={errors.supplier}
              allowDeselect={false}
              searchable
              required
            />
            <Select
              label="Deliver to"
              placeholder={activeLocations.length ? 'Choose a location' : 'Add a location first'}
              data={activeLocations.map((l) => ({ value: l.id, label: l.name }))}
              value={locationId || null}
              onChange={(value) => setLocationId(value ?? '')}
              error={errors.location}
              required
            />
            <TextInput
              label="Expected on"
              type="date"
              value={expectedOn}
              onChange={(e) => setExpectedOn(e.currentTarget.value)}
              error={errors.expectedOn}
            />
            {needsRate ? (
              <ExchangeRateField
                orderCurrency={currency}
                baseCurrency={store.baseCurrency}
                value={exchangeRate}
                onChange={setExchangeRate}
                error={errors.exchangeRate}
              />
            ) : null}
          </SimpleGrid>
          <Textarea
            mt="sm"
            label="Note"
            placeholder="Printed on the order (optional)"
            autosize
            minRows={1}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
        </Card>
        <Card withBorder radius="md" padding={0}>
          <Table aria-label="Order lines" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th w={140}>Quantity</Table.Th>
                <Table.Th w={170}>Unit cost ({currency})</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" py="sm">
                      No lines yet.{' '}
                      {supplierId
                        ? 'Search for a variant below to add it.'
                        : 'Choose a supplier, then add the variants to order.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                lines.map((line, index) => (
                  <Table.Tr key={line.variantId}>
                    <Table.Td>
                      <Text size="sm">{line.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Quantity of ${line.label}`}
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        value={line.quantity}
                        onChange={(quantity) => change(index, { quantity })}
                        error={lineErrors[index]?.quantity}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Unit cost of ${line.label}`}
                        placeholder="From catalog"
                        inputMode="decimal"
                        value={line.unitCost}
                        onChange={(e) => change(index, { unitCost: e.currentTarget.value })}
                        error={lineErrors[index]?.unitCost}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove ${line.label}`}
                        onClick={() => {
                          setLines((current) => current.filter((_, i) => i !== index));
                          setLineErrors({});
                        }}
                      >
                        <IconTrash />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
          <Stack p="md" gap="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            {supplierId ? (
              <VariantPicker
                onPick={pick}
                exclude={new Set(lines.map((l) => l.variantId))}
                error={errors.lines}
              />
            ) : null}
          </Stack>
        </Card>
        <FormFooter
          general={general}
          submitLabel={order ? 'Save draft' : 'Create draft'}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
