import { Badge, Button, Card, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { countryListText } from '../countries/country-names.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconPlus, IconTransfer } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { rateText } from './exchange-rate-text.ts';
import { MarketFormModal } from './MarketFormModal.tsx';
import { pricingModeLabels, roundingLabels } from './market-labels.ts';
import { marketsQuery } from './market-queries.ts';
import type { Market } from './market-types.ts';

/** How a market's prices are made, in a few words: "Converted · Up to .99", "Explicit prices (12)". */
export function pricingSummary(market: Market, baseCurrency: string): string {
  if (market.isPrimary) return 'Catalog prices';
  const { mode, rounding } = market.priceList;
  if (mode === 'explicit') {
    return `${pricingModeLabels.explicit} (${market.explicitPriceCount.toLocaleString()})`;
  }
  if (market.currency === baseCurrency) return 'Catalog prices';
  return `${pricingModeLabels.converted} · ${roundingLabels[rounding]}`;
}

/** Whether the market converts prices but has no rate to convert with today (its prices fail). */
export function lacksRate(market: Market, baseCurrency: string): boolean {
  return market.currency !== baseCurrency && market.exchangeRate === null;
}

/**
 * Where the store sells: each market's countries, currency, how its prices are made and today's
 * rate, with the editor. (Return type written out: see LocationsScreen.)
 */
export function MarketsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  // The first read makes the store's primary market, so the list is never empty.
  const markets = useQuery(marketsQuery(store.handle));
  const [editing, setEditing] = useState<Market | null>(null);
  const [creating, setCreating] = useState(false);
  const writable = can('pricing:write');

  return (
    <>
      <PageHeader
        title="Markets"
        description={`Where you sell, in which currency and at which prices. Shoppers of countries no market lists buy in the primary market, in ${store.baseCurrency}.`}
        actions={
          <>
            <ButtonLink
              to="/stores/$store/markets/exchange-rates"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconTransfer />}
            >
              Exchange rates
            </ButtonLink>
            {writable ? (
              <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                Add market
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder padding={0} radius="md">
        {markets.isError ? (
          <Text c="red" p="md" role="alert">
            {markets.error.message}
          </Text>
        ) : markets.isPending ? (
          <ListSkeleton label="Loading markets" />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label="Markets" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Market</Table.Th>
                  <Table.Th>Countries</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th>Prices</Table.Th>
                  <Table.Th>Rate today</Table.Th>
                  <Table.Th w={100}>Status</Table.Th>
                  {writable ? (
                    <Table.Th w={80}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {markets.data.map((market) => (
                  <Table.Tr key={market.id}>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <AnchorLink
                          to="/stores/$store/markets/$marketId"
                          params={{ store: store.handle, marketId: market.id }}
                          size="sm"
                          fw={600}
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          {market.name}
                        </AnchorLink>
                        {market.isPrimary ? (
                          <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                            Primary
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" c={market.countries.length === 0 ? 'dimmed' : undefined}>
                        {market.countries.length > 0
                          ? countryListText(market.countries)
                          : market.isPrimary
                            ? 'Every country no other market lists'
                            : 'No countries yet'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {market.currency}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{pricingSummary(market, store.baseCurrency)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {market.currency === store.baseCurrency ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : market.exchangeRate ? (
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {rateText(store.baseCurrency, market.currency, market.exchangeRate.rate)}
                        </Text>
                      ) : (
                        <Tooltip
                          label={`Record a ${store.baseCurrency} → ${market.currency} rate: until then its converted prices cannot be shown.`}
                          multiline
                          w={260}
                        >
                          <Badge color="red" variant="light">
                            No rate
                          </Badge>
                        </Tooltip>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={market.active} size="sm" />
                    </Table.Td>
                    {writable ? (
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => setEditing(market)}
                            aria-label={`Edit ${market.name}`}
                          >
                            Edit
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {markets.data && markets.data.length === 1 ? (
        <Text size="sm" c="dimmed" mt="md">
          Selling abroad? Add a market for the countries, choose its currency and record an exchange rate: its
          prices are converted from yours.
        </Text>
      ) : null}
      {writable && (creating || editing) ? (
        <MarketFormModal
          key={editing?.id ?? 'new'}
          market={editing}
          onClose={() => {
            setEditing(null);
            setCreating(false);
          }}
        />
      ) : null}
    </>
  );
}
