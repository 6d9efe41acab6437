import {
  Alert,
  Badge,
  Divider,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { AdjustStockForm } from './AdjustStockForm.tsx';
import { locationsQuery, variantStockQuery } from './inventory-queries.ts';
import { LedgerHistory } from './LedgerHistory.tsx';
import { LocationStockTable } from './LocationStockTable.tsx';
import { ReorderSuggestion } from './ReorderSuggestion.tsx';
import { RunsOutSummary } from './RunsOut.tsx';
import { StockAlertsForm } from './StockAlertsForm.tsx';
import { StockStateBadge } from './StockStateBadge.tsx';
import { numberCell } from './StockTable.tsx';

/**
 * One variant's stock: totals, each location's numbers, tracking and alert thresholds, an Adjust
 * form and the ledger's history. Open while `variantId` is set (the address holds it).
 */
export function VariantStockDrawer({
  variantId,
  onClose,
}: {
  variantId: string | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={variantId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title="Variant stock"
      closeButtonProps={{ 'aria-label': 'Close variant stock' }}
    >
      {variantId ? <VariantStock variantId={variantId} /> : null}
    </Drawer>
  );
}

function VariantStock({ variantId }: { variantId: string }) {
  const { store, can } = useCurrentStore();
  const query = useInfiniteQuery(variantStockQuery(store.handle, variantId));
  const locations = useQuery(locationsQuery(store.handle));

  if (query.isError) {
    return (
      <Alert color="red" role="alert" title="This variant’s stock could not be shown">
        {query.error.message}
      </Alert>
    );
  }
  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label="Loading the variant’s stock">
        <Skeleton height={48} />
        <Skeleton height={72} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  const first = query.data.pages[0]!;
  const { variant, stock } = first;
  const ledger = query.data.pages.flatMap((page) => page.ledger.items);
  const writable = can('inventory:write');

  return (
    <Stack gap="lg">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ProductThumbnail src={variant.imageUrl} title={variant.productTitle} size={56} />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {variant.productTitle}
          </Title>
          <Group gap="xs">
            {variant.title ? <Text size="sm">{variant.title}</Text> : null}
            <Text size="sm" c="dimmed" ff="monospace">
              {variant.sku || 'No SKU'}
            </Text>
            <StockStateBadge state={stock.state} />
            {variant.inventoryPolicy === 'continue' ? (
              <Badge variant="outline" color="gray" size="sm">
                Sells when out of stock
              </Badge>
            ) : null}
          </Group>
          {can('catalog:read') ? (
            <AnchorLink
              to="/stores/$store/products/$productId"
              params={{ store: store.handle, productId: variant.productId }}
              size="xs"
            >
              Open the product
            </AnchorLink>
          ) : null}
        </Stack>
      </Group>

      {!stock.tracked ? (
        <Alert color="blue" variant="light" title="Stock is not tracked">
          This variant is always sellable and is not in the inventory table.
          {writable ? ' Give it stock with Adjust below, or switch tracking on, to start tracking it.' : ''}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="On hand" value={stock.onHand} />
        <Figure label="Reserved" value={stock.reserved} />
        <Figure label="Available" value={stock.available} strong />
        <Figure label="Incoming" value={stock.incoming} />
      </SimpleGrid>
      {stock.tracked ? (
        <RunsOutSummary daysOfCover={stock.daysOfCover} soldPerDay={stock.soldPerDay} />
      ) : null}
      {stock.tracked && stock.soldPerDay > 0 ? <ReorderSuggestion variantId={variantId} /> : null}

      <Section title="By location">
        <LocationStockTable stock={stock} locations={locations.data ?? []} />
      </Section>

      {writable ? (
        <>
          <Divider />
          <Section
            title="Adjust stock"
            hint="Correct on hand at one location: every change is kept in the history."
          >
            <AdjustStockForm variantId={variantId} locations={locations.data ?? []} stock={stock} />
          </Section>
          <Divider />
          <Section title="Tracking and alerts">
            <StockAlertsForm key={`${stock.lowStockThreshold} ${stock.overstockThreshold}`} stock={stock} />
          </Section>
        </>
      ) : null}

      <Divider />
      <Section title="History" hint="Every change of on hand, newest first.">
        <LedgerHistory
          entries={ledger}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      </Section>
    </Stack>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <div>
        <Title order={4} size="h5">
          {title}
        </Title>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </div>
      {children}
    </Stack>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: number; strong?: boolean }) {
  return (
    <Paper withBorder radius="md" px="sm" py="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={strong ? 700 : 500} style={numberCell} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
    </Paper>
  );
}
