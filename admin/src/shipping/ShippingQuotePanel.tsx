import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { countryName } from '../countries/country-names.ts';
import { ShipToFields } from '../countries/ShipToFields.tsx';
import { numberCell } from '../inventory/StockTable.tsx';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { TestCartLines } from '../test-cart/TestCartLines.tsx';
import { useTestCart } from '../test-cart/use-test-cart.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { IconFlask } from '../ui/icons.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { unavailableReasonLabels } from './shipping-labels.ts';
import { useShippingQuote } from './shipping-queries.ts';
import type { ShippingQuoteAnswer } from './shipping-types.ts';
import { formatWeight, parseKgText } from './weight-text.ts';

type Field = 'country' | 'region' | 'lines' | 'subtotal' | 'weight' | 'now';
const fieldFor: Record<string, Field> = {
  country: 'country',
  region: 'region',
  lines: 'lines',
  variantId: 'lines',
  subtotal: 'subtotal',
  totalWeightGrams: 'weight',
  now: 'now',
};

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
/** A day of the store's calendar (YYYY-MM-DD) as people read it: "Mon, 8 Jul". */
const day = (isoDay: string) => dayFormat.format(new Date(`${isoDay}T00:00:00Z`));

/**
 * The options checkout would show for an address and a cart, by the checkout's own calculation:
 * the cart as variants of the catalog (weighed with their weights) or as a weight and an order value.
 */
export function ShippingQuotePanel() {
  const { store } = useCurrentStore();
  const cart = useTestCart();
  const quote = useShippingQuote(store.handle);
  const [country, setCountry] = useState<string | null>(null);
  const [region, setRegion] = useState('');
  const [mode, setMode] = useState<'lines' | 'weight'>('lines');
  const [subtotal, setSubtotal] = useState('');
  const [weight, setWeight] = useState('');
  const [placedAt, setPlacedAt] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    const found: Partial<Record<Field, string>> = {};
    if (!country) found.country = 'Choose where the order goes.';
    const value = parseMoneyText(subtotal, cart.currency);
    const grams = parseKgText(weight);
    if (mode === 'lines' && cart.lines.length === 0) found.lines = 'Add at least one variant to the cart.';
    if (mode === 'weight' && !value.ok) found.subtotal = value.message;
    if (mode === 'weight' && !grams.ok) found.weight = grams.message;
    if (!showFound(found) || (mode === 'lines' && cart.invalid)) return;
    quote.mutate(
      {
        destination: { country: country!, region: region.trim() ? region.trim().toUpperCase() : null },
        currency: cart.currency,
        ...(mode === 'lines'
          ? {
              subtotal: cart.subtotal ?? 0,
              lines: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
            }
          : {
              subtotal: value.ok ? (value.amount ?? 0) : 0,
              totalWeightGrams: grams.ok ? (grams.grams ?? 0) : 0,
            }),
        ...(placedAt ? { now: new Date(placedAt).toISOString() } : {}),
      },
      { onError: showServerError },
    );
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={submit} noValidate aria-label="Shipping quote">
          <Stack gap="md">
            <div>
              <Title order={3} size="h5">
                An address and a cart
              </Title>
              <Text size="sm" c="dimmed">
                The same calculation as checkout: which zone the address is in, which of its rates and pick-up
                options the cart gets, at what price and by when.
              </Text>
            </div>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <ShipToFields
                country={country}
                onCountry={setCountry}
                region={region}
                onRegion={setRegion}
                errors={errors}
                regionExample="US-AK"
              />
              <TextInput
                type="datetime-local"
                label="Ordered at"
                description="Empty: now. Delivery days count from it."
                value={placedAt}
                onChange={(e) => setPlacedAt(e.currentTarget.value)}
                error={errors.now}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
            <SegmentedControl
              aria-label="The cart as"
              value={mode}
              onChange={(value) => setMode(value as 'lines' | 'weight')}
              data={[
                { value: 'lines', label: 'Products from the catalog' },
                { value: 'weight', label: 'A weight and an order value' },
              ]}
              w="fit-content"
            />
            {mode === 'lines' ? (
              <TestCartLines cart={cart} showErrors={showErrors} linesError={errors.lines} />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label="Market"
                  description="The cart’s currency."
                  data={cart.markets.map((m) => ({ value: m.id, label: `${m.name} (${m.currency})` }))}
                  value={cart.market?.id ?? null}
                  onChange={(value) => value && cart.chooseMarket(value)}
                  allowDeselect={false}
                  inputWrapperOrder={['label', 'input', 'description']}
                />
                <MoneyInput
                  label="Order value"
                  description="After discounts."
                  currency={cart.currency}
                  value={subtotal}
                  onChange={setSubtotal}
                  error={errors.subtotal}
                  required
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <TextInput
                  label="Weight"
                  description="Of everything shipped."
                  inputMode="decimal"
                  placeholder="1.2"
                  rightSection={
                    <Text size="xs" c="dimmed">
                      kg
                    </Text>
                  }
                  value={weight}
                  onChange={(e) => setWeight(e.currentTarget.value)}
                  error={errors.weight}
                  required
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              </SimpleGrid>
            )}
            {general ? (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconFlask size={16} />} loading={quote.isPending}>
                Quote shipping
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {quote.data ? <QuoteResult answer={quote.data} /> : null}
    </Stack>
  );
}

const matchedByText = {
  region: 'by its region',
  country: 'by its country',
  rest_of_world: 'as the rest of the world',
} as const;

function QuoteResult({ answer }: { answer: ShippingQuoteAnswer }) {
  const { quote, weight } = answer;
  const money = (amount: number) => formatMoney(amount, quote.currency);
  const place = `${countryName(quote.destination.country)}${quote.destination.region ? ` (${quote.destination.region})` : ''}`;
  const count = quote.options.length;
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="quote-result-title">
      <Stack gap={4} p="md">
        <Title order={3} size="h5" id="quote-result-title">
          {count === 0 ? 'Nothing can be offered' : `${count} option${count === 1 ? '' : 's'} at checkout`}
        </Title>
        <Text size="sm" c="dimmed">
          {quote.zone
            ? `${place} is in the zone ${quote.zone.name}, ${matchedByText[quote.zone.matchedBy]}.`
            : `No zone ships to ${place}.`}{' '}
          The cart weighs {formatWeight(weight.totalGrams)}
          {weight.variantsWithoutWeight.length > 0
            ? ` (${weight.variantsWithoutWeight.length} variant${weight.variantsWithoutWeight.length === 1 ? ' has' : 's have'} no weight and count as 0 g)`
            : ''}
          {weight.shippingRequired ? '.' : '; none of it is shipped.'}
        </Text>
      </Stack>
      {count > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Shipping options" horizontalSpacing="md" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Option</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Price</Table.Th>
                <Table.Th>When</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.options.map((option) => (
                <Table.Tr key={option.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {option.name}
                    </Text>
                    {option.type === 'pickup' ? (
                      <Text size="xs" c="dimmed">
                        {option.location.name}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={option.type === 'pickup' ? 'grape' : 'indigo'}>
                      {option.type === 'pickup' ? 'Pick-up' : 'Delivery'}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {option.amount === 0 ? (
                      <Text size="sm" fw={600} c="teal">
                        Free{option.type === 'delivery' && option.freeAboveApplied ? ' (order value)' : ''}
                      </Text>
                    ) : (
                      <Text size="sm" fw={600}>
                        {money(option.amount)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {option.type === 'delivery'
                        ? option.estimate
                          ? option.estimate.earliest === option.estimate.latest
                            ? day(option.estimate.earliest)
                            : `${day(option.estimate.earliest)} – ${day(option.estimate.latest)}`
                          : 'No estimate'
                        : option.estimate
                          ? 'readyAt' in option.estimate
                            ? `Ready ${formatDateTime(option.estimate.readyAt)}`
                            : `Ready ${day(option.estimate.readyOn)}`
                          : 'When ready'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {quote.unavailable.length > 0 ? (
        <Stack gap={6} p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" fw={600}>
            Not offered
          </Text>
          <Table aria-label="Options not offered" verticalSpacing={4} horizontalSpacing={0}>
            <Table.Tbody>
              {quote.unavailable.map((option) => (
                <Table.Tr key={option.id}>
                  <Table.Td w="40%">
                    <Text size="sm">{option.name}</Text>
                  </Table.Td>
                  <Table.Td pl="md">
                    <Text size="sm" c="dimmed">
                      {unavailableReasonLabels[option.reason] ?? option.reason}
                      {limitText(option.details, quote.currency)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Card>
  );
}

/** The limit behind a reason, when the calculation names one: " (limit 10 kg)", " (only EUR)". */
function limitText(details: Record<string, unknown> | undefined, currency: string): string {
  if (!details) return '';
  const grams = details.maxWeightGrams ?? details.minWeightGrams;
  if (typeof grams === 'number') return ` (limit ${formatWeight(grams)})`;
  const amount = details.minSubtotal ?? details.maxSubtotal;
  if (typeof amount === 'number') return ` (limit ${formatMoney(amount, currency)})`;
  if (Array.isArray(details.currencies)) return ` (priced in ${details.currencies.join(', ')} only)`;
  return '';
}
