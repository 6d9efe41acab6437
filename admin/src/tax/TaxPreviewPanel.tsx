import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { countryName, countryOptions } from '../countries/country-names.ts';
import { ShipToFields } from '../countries/ShipToFields.tsx';
import { numberCell } from '../inventory/StockTable.tsx';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { TestCartLines } from '../test-cart/TestCartLines.tsx';
import { useTestCart } from '../test-cart/use-test-cart.ts';
import { IconFlask } from '../ui/icons.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { ppmToPercentText } from './rate-percent.ts';
import { rateLevelLabels, taxBasisLabels } from './tax-labels.ts';
import { taxClassesQuery, taxSettingsQuery, useTaxPreview } from './tax-queries.ts';
import type { RateAmount, TaxAddress, TaxQuote } from './tax-types.ts';

type Field = 'lines' | 'shipping' | 'country' | 'region' | 'billingCountry';
const fieldFor: Record<string, Field> = {
  lines: 'lines',
  productId: 'lines',
  amount: 'shipping',
  country: 'country',
  region: 'region',
};

/**
 * The checkout's tax calculation on a made-up cart: pick variants (priced as a market's shoppers
 * pay), a shipping amount and an address, and see the tax per line and rate, on shipping and in
 * total, exactly as checkout will charge it. Nothing is written.
 */
export function TaxPreviewPanel() {
  const { store } = useCurrentStore();
  const cart = useTestCart();
  const preview = useTaxPreview(store.handle);
  const classes = useQuery(taxClassesQuery(store.handle));
  const settings = useQuery(taxSettingsQuery(store.handle));
  const [shipping, setShipping] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [region, setRegion] = useState('');
  const [separateBilling, setSeparateBilling] = useState(false);
  const [billingCountry, setBillingCountry] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    const found: Partial<Record<Field, string>> = {};
    if (cart.lines.length === 0) found.lines = 'Add at least one variant to the cart.';
    const shippingAmount = parseMoneyText(shipping, cart.currency, { optional: true });
    if (!shippingAmount.ok) found.shipping = shippingAmount.message;
    if (!country) found.country = 'Choose where the order goes.';
    if (separateBilling && !billingCountry) found.billingCountry = 'Choose the billing country.';
    if (!showFound(found) || cart.invalid || !shippingAmount.ok) return;
    const address = (code: string, regionCode?: string): TaxAddress => ({
      country: code,
      region: regionCode?.trim() ? regionCode.trim().toUpperCase() : null,
    });
    preview.mutate(
      {
        currency: cart.currency,
        lines: cart.lines.map((line) => ({
          lineId: line.variantId,
          productId: line.productId,
          amount: line.unitAmount! * line.quantity,
          quantity: line.quantity,
        })),
        shipping: shippingAmount.amount === null ? null : { amount: shippingAmount.amount },
        shippingAddress: address(country!, region),
        billingAddress:
          separateBilling && billingCountry ? address(billingCountry) : address(country!, region),
      },
      { onError: showServerError },
    );
  };

  const names = new Map(
    cart.lines.map((l) => [l.variantId, [l.productTitle, l.variantTitle].filter(Boolean).join(' – ')]),
  );
  const className = (handle: string) => classes.data?.find((c) => c.handle === handle)?.name ?? handle;

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={submit} noValidate aria-label="Tax preview">
          <Stack gap="md">
            <div>
              <Title order={3} size="h5">
                A cart to tax
              </Title>
              <Text size="sm" c="dimmed">
                {settings.data?.pricesIncludeTax
                  ? 'Your prices include tax, so these amounts are what shoppers pay; the tax is worked out of them.'
                  : 'Your prices exclude tax, so tax is added to these amounts.'}
              </Text>
            </div>
            <TestCartLines cart={cart} showErrors={showErrors} linesError={errors.lines} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <MoneyInput
                label="Shipping"
                description="Empty: no shipping."
                currency={cart.currency}
                value={shipping}
                onChange={setShipping}
                error={errors.shipping}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <ShipToFields
                country={country}
                onCountry={setCountry}
                region={region}
                onRegion={setRegion}
                errors={errors}
                regionExample="US-CA"
              />
            </SimpleGrid>
            <Group gap="md" align="flex-end">
              <Checkbox
                label="Billed to another country"
                checked={separateBilling}
                onChange={(e) => setSeparateBilling(e.currentTarget.checked)}
                mb={separateBilling ? 8 : 0}
              />
              {separateBilling ? (
                <Select
                  aria-label="Billing country"
                  placeholder="Billing country"
                  data={countryOptions}
                  value={billingCountry}
                  onChange={setBillingCountry}
                  error={errors.billingCountry}
                  searchable
                  w={260}
                />
              ) : null}
            </Group>
            {general ? (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconFlask size={16} />} loading={preview.isPending}>
                Work out the tax
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {preview.data ? (
        <TaxQuoteCard quote={preview.data} lineName={(id) => names.get(id) ?? id} className={className} />
      ) : null}
    </Stack>
  );
}

function RateChips({ taxes, currency }: { taxes: RateAmount[]; currency: string }) {
  if (taxes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {taxes.map((t) => (
        <Badge key={t.rateId} size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t.name}: {formatMoney(t.amount, currency)}
        </Badge>
      ))}
    </Group>
  );
}

/** The answer: where it was taxed and why, per line and rate, shipping, and the totals. */
function TaxQuoteCard({
  quote,
  lineName,
  className,
}: {
  quote: TaxQuote;
  lineName: (lineId: string) => string;
  className: (handle: string) => string;
}) {
  const money = (amount: number) => formatMoney(amount, quote.currency);
  const place = `${countryName(quote.taxAddress.country)}${quote.taxAddress.region ? ` (${quote.taxAddress.region})` : ''}`;
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="tax-quote-title">
      <Stack gap={4} p="md">
        <Title order={3} size="h5" id="tax-quote-title">
          Tax: {money(quote.totals.tax)}
        </Title>
        <Text size="sm" c="dimmed">
          Taxed at {taxBasisLabels[quote.taxAddress.source].toLowerCase()}, {place}, with{' '}
          {rateLevelLabels[quote.rateLevel]}. Prices {quote.pricesIncludeTax ? 'include' : 'exclude'} tax;
          rounded {quote.rounding === 'per_line' ? 'per line' : 'per total'}.
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Tax per line" horizontalSpacing="md" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Class</Table.Th>
              <Table.Th ta="right">Net</Table.Th>
              <Table.Th ta="right">Tax</Table.Th>
              <Table.Th ta="right">Gross</Table.Th>
              <Table.Th>Rates</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.lines.map((line) => (
              <Table.Tr key={line.lineId}>
                <Table.Td>
                  <Text size="sm">
                    {line.quantity} × {lineName(line.lineId)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{className(line.taxClass)}</Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(line.net)}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(line.tax)}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(line.gross)}
                </Table.Td>
                <Table.Td>
                  <RateChips taxes={line.taxes} currency={quote.currency} />
                </Table.Td>
              </Table.Tr>
            ))}
            {quote.shipping ? (
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">Shipping</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {quote.shipping.parts.length === 0
                      ? 'Not taxed'
                      : quote.shipping.parts.map((p) => className(p.taxClass)).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(quote.shipping.net)}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(quote.shipping.tax)}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(quote.shipping.gross)}
                </Table.Td>
                <Table.Td>
                  <RateChips taxes={quote.shipping.taxes} currency={quote.currency} />
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Total</Table.Th>
              <Table.Th />
              <Table.Th ta="right" style={numberCell}>
                {money(quote.totals.net)}
              </Table.Th>
              <Table.Th ta="right" style={numberCell}>
                {money(quote.totals.tax)}
              </Table.Th>
              <Table.Th ta="right" style={numberCell}>
                {money(quote.totals.gross)}
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {quote.totals.byRate.length > 0 ? (
        <Stack gap={6} p="md">
          <Text size="sm" fw={600}>
            As the invoice lists it
          </Text>
          <Table aria-label="Tax by rate" verticalSpacing={4} horizontalSpacing={0} maw={520}>
            <Table.Tbody>
              {quote.totals.byRate.map((rate) => (
                <Table.Tr key={rate.rateId}>
                  <Table.Td>
                    <Text size="sm">{rate.name}</Text>
                  </Table.Td>
                  <Table.Td px="md">
                    <Text size="sm" c="dimmed">
                      {ppmToPercentText(rate.ratePpm)} on {money(rate.net)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {money(rate.amount)}
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
