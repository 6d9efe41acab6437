import { Alert, Badge, Card, Group, Loader, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/http.ts';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { rateText } from './exchange-rate-text.ts';
import { priceSourceColors, priceSourceLabels } from './market-labels.ts';
import { marketPricesQuery } from './market-queries.ts';
import type { Market } from './market-types.ts';

/** Variants the preview prices: enough to judge a rounding rule, few enough to read. */
const previewSize = 12;

const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * What the market's shoppers would pay for the catalog's first variants, on a day of choice (its
 * exchange rate), by the same calculation as the storefront and checkout: base price → price here.
 */
export function PricePreviewCard({ market }: { market: Market }) {
  const { store } = useCurrentStore();
  const [day, setDay] = useState('');
  const prices = useQuery(
    marketPricesQuery(store.handle, market.id, { limit: previewSize, ...(day ? { on: day } : {}) }),
  );
  const missingRate = prices.error instanceof ApiError && prices.error.code === 'exchange_rate_missing';
  const rate = prices.data?.exchangeRate;

  return (
    <Card withBorder padding={0} radius="md" component="section" aria-labelledby="price-preview-title">
      <Group p="md" gap="sm" justify="space-between" wrap="wrap">
        <div>
          <Title order={3} size="h5" id="price-preview-title">
            Price preview
          </Title>
          <Text size="sm" c="dimmed">
            {rate
              ? `At ${rateText(rate.baseCurrency, rate.quoteCurrency, rate.rate)}, the rate from ${rate.effectiveOn}.`
              : `What shoppers in ${market.name} pay for your first products.`}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {prices.isFetching && !prices.isPending ? <Loader size={14} /> : null}
          <TextInput
            type="date"
            aria-label="Prices on"
            description="Prices on"
            inputWrapperOrder={['description', 'input']}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            w={170}
          />
        </Group>
      </Group>
      <div style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {missingRate ? (
          <Alert color="orange" variant="light" m="md" title="No exchange rate for this day">
            Prices in {market.currency} are converted from {store.baseCurrency}, and no {store.baseCurrency} →{' '}
            {market.currency} rate applies {day ? `on ${day}` : 'today'}.{' '}
            <AnchorLink to="/stores/$store/markets/exchange-rates" params={{ store: store.handle }} size="sm">
              Record a rate
            </AnchorLink>{' '}
            to price this market.
          </Alert>
        ) : prices.isError ? (
          <Text c="red" p="md" role="alert">
            {prices.error.message}
          </Text>
        ) : prices.isPending ? (
          <ListSkeleton label="Loading prices" rows={4} />
        ) : prices.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            The catalog has no products yet; add some and their prices here show up.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table
              aria-label="Price preview"
              verticalSpacing="xs"
              style={{ opacity: prices.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Variant</Table.Th>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th ta="right">Base price</Table.Th>
                  <Table.Th ta="right">Price here</Table.Th>
                  <Table.Th ta="right">Compare-at</Table.Th>
                  <Table.Th>From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {prices.data.items.map((price) => (
                  <Table.Tr key={price.variantId}>
                    <Table.Td>
                      <Text size="sm" fw={500} lineClamp={1}>
                        {price.productTitle}
                      </Text>
                      {price.variantTitle ? (
                        <Text size="xs" c="dimmed">
                          {price.variantTitle}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={price.sku ? undefined : 'dimmed'}>
                        {price.sku ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      <Text size="sm" c="dimmed">
                        {formatMoney(price.base.amount, price.base.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      <Text size="sm" fw={600}>
                        {formatMoney(price.amount, price.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      {price.compareAtAmount === null ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Text size="sm" td="line-through" c="dimmed">
                          {formatMoney(price.compareAtAmount, price.currency)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={priceSourceColors[price.source]}>
                        {priceSourceLabels[price.source]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </div>
    </Card>
  );
}
