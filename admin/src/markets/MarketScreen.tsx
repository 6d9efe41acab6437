import { Alert, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { countryName } from '../countries/country-names.ts';
import { currencyName } from '../money/currency-options.ts';
import { localeLabel } from '../products/translations/locale-labels.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconArrowLeft, IconTrash } from '../ui/icons.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { DeleteMarketDialog } from './DeleteMarketDialog.tsx';
import { ExplicitPricesCard } from './ExplicitPricesCard.tsx';
import { rateText } from './exchange-rate-text.ts';
import { MarketFormModal } from './MarketFormModal.tsx';
import { pricingSummary } from './MarketsScreen.tsx';
import { marketQuery } from './market-queries.ts';
import type { Market } from './market-types.ts';
import { PricePreviewCard } from './PricePreviewCard.tsx';

const marketRoute = getRouteApi('/signed-in/stores/$store/markets/$marketId');

/** One market: its settings at a glance, the prices its shoppers see, and its explicit prices. */
export function MarketScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { marketId } = marketRoute.useParams();
  const market = useQuery(marketQuery(store.handle, marketId));
  const back = (
    <ButtonLink
      to="/stores/$store/markets"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Markets
    </ButtonLink>
  );
  if (market.isError) {
    return (
      <>
        <PageHeader title="Market" actions={back} />
        <Alert color="red" role="alert">
          {market.error.message}
        </Alert>
      </>
    );
  }
  if (market.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading market">
        <Skeleton height={40} />
        <Skeleton height={110} />
        <Skeleton height={240} />
      </Stack>
    );
  }
  return <MarketPage market={market.data} back={back} />;
}

function MarketPage({ market, back }: { market: Market; back: ReactNode }) {
  const { store, can } = useCurrentStore();
  const navigate = marketRoute.useNavigate();
  const writable = can('pricing:write');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { priceList } = market;
  const converts = !market.isPrimary && market.currency !== store.baseCurrency;

  return (
    <>
      <PageHeader
        title={market.name}
        badge={
          <Group gap={6} wrap="nowrap">
            {market.isPrimary ? (
              <Badge variant="outline" color="gray">
                Primary
              </Badge>
            ) : null}
            <ActiveBadge active={market.active} />
          </Group>
        }
        description={
          market.isPrimary
            ? `Shoppers of every country no other active market lists buy here, in ${store.baseCurrency}, at the catalog’s prices.`
            : `Shoppers in its countries see prices in ${market.currency}.`
        }
        actions={
          <>
            {back}
            {writable ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit market
              </Button>
            ) : null}
            {writable && !market.isPrimary ? (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDeleting(true)}
              >
                Delete
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-label="Market settings">
          <SimpleGrid cols={{ base: 1, xs: 2, md: converts ? 5 : 4 }} spacing="lg" verticalSpacing="md">
            <Fact label="Countries">
              {market.countries.length > 0
                ? market.countries.map(countryName).join(', ')
                : market.isPrimary
                  ? 'Every country no other market lists'
                  : 'None yet: no shopper is in it'}
            </Fact>
            <Fact label="Currency">
              {market.currency} · {currencyName(market.currency)}
            </Fact>
            <Fact label="Default language">{localeLabel(market.defaultLocale)}</Fact>
            <Fact label="Prices">
              {pricingSummary(market, store.baseCurrency)}
              {converts ? (
                <Text size="xs" c="dimmed">
                  {priceList.convertCompareAt ? 'Compare-at prices converted too' : 'No compare-at prices'}
                </Text>
              ) : null}
            </Fact>
            {converts ? (
              <Fact label="Exchange rate today">
                {market.exchangeRate ? (
                  <>
                    {rateText(store.baseCurrency, market.currency, market.exchangeRate.rate)}
                    <Text size="xs" c="dimmed">
                      since {market.exchangeRate.effectiveOn} ·{' '}
                      <AnchorLink
                        to="/stores/$store/markets/exchange-rates"
                        params={{ store: store.handle }}
                        size="xs"
                      >
                        history
                      </AnchorLink>
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="red">
                    None recorded ·{' '}
                    <AnchorLink
                      to="/stores/$store/markets/exchange-rates"
                      params={{ store: store.handle }}
                      size="sm"
                    >
                      record one
                    </AnchorLink>
                  </Text>
                )}
              </Fact>
            ) : null}
          </SimpleGrid>
        </Card>
        <PricePreviewCard market={market} />
        {market.isPrimary ? null : <ExplicitPricesCard market={market} />}
      </Stack>
      {writable && editing ? <MarketFormModal market={market} onClose={() => setEditing(false)} /> : null}
      {writable ? (
        <DeleteMarketDialog
          market={deleting ? market : null}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate({ to: '/stores/$store/markets', params: { store: store.handle } })}
        />
      ) : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" mt={2} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
