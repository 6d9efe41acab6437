import {
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconMapPin, IconPlus, IconSearch, IconWarehouse } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { InventoryCsvActions } from './InventoryCsvActions.tsx';
import { locationsQuery, stockListQuery } from './inventory-queries.ts';
import {
  type InventorySearch,
  type StockSort,
  type StockStateFilter,
  stockFilterOf,
} from './inventory-search.ts';
import { ReorderRunningOutBar } from './ReorderRunningOutBar.tsx';
import { StartTrackingModal } from './StartTrackingModal.tsx';
import { StockTable, StockTableSkeleton } from './StockTable.tsx';
import { VariantStockDrawer } from './VariantStockDrawer.tsx';

const inventoryRoute = getRouteApi('/signed-in/stores/$store/inventory');
const pageSize = 25;

const stateFilters = [
  { label: 'All', value: 'all' },
  { label: 'Low', value: 'low' },
  { label: 'Out', value: 'out' },
  { label: 'Overstock', value: 'overstock' },
  { label: 'Running out', value: 'running-out' },
];

const sortOptions: { value: StockSort; label: string }[] = [
  { value: 'title', label: 'Product A–Z' },
  { value: 'sku', label: 'SKU' },
  { value: 'available', label: 'Available, lowest first' },
  { value: 'available-desc', label: 'Available, highest first' },
  { value: 'runs-out', label: 'Runs out soonest' },
];

const ALL_LOCATIONS = 'all';

/**
 * The inventory table: every tracked variant's stock, by location or over all active ones, with
 * filters for what needs attention (low, out, overstock). A row opens the variant's stock drawer.
 * (The return type is written out: the router's types include the screens', so inferring it would
 * go round in a circle and leave every route's search untyped.)
 */
export function InventoryScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = inventoryRoute.useSearch();
  const navigate = inventoryRoute.useNavigate();
  const page = search.page ?? 1;
  const filter = stockFilterOf(search);
  const [finding, setFinding] = useState(false);

  /** Changes the table's filter or order; any change goes back to the first page. */
  const change = (next: Partial<InventorySearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, page: undefined }), replace });
  const openVariant = (variantId: string | undefined) =>
    void navigate({ search: (prev) => ({ ...prev, variant: variantId }) });

  const [searchText, setSearchText] = useSearchParamInput(search.q, (q) => change({ q }, true));
  const locations = useQuery(locationsQuery(store.handle));
  const list = useQuery(
    stockListQuery(store.handle, { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
  );
  const total = list.data?.total ?? 0;
  const filtered = Boolean(filter.q || filter.locationId || filter.state);
  const noLocations = locations.data?.length === 0;

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Stock of every tracked variant: on hand, promised to orders (reserved), free to sell (available) and on its way (incoming)."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/locations"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconMapPin />}
            >
              Locations
            </ButtonLink>
            <InventoryCsvActions hasLocations={!noLocations} />
            {can('inventory:write') && !noLocations ? (
              <Button leftSection={<IconPlus />} onClick={() => setFinding(true)}>
                Track a variant
              </Button>
            ) : null}
          </>
        }
      />

      {noLocations ? (
        <Card withBorder radius="md">
          <EmptyState
            py="xl"
            icon={<IconWarehouse size={28} />}
            variant="light"
            title="Add your first location"
            description="Stock is counted per location: a warehouse, a shop, a fulfilment partner. Add the place where your goods are, then give your variants their stock."
          >
            <EmptyState.Actions>
              <ButtonLink
                to="/stores/$store/locations"
                params={{ store: store.handle }}
                search={{ adding: true }}
                leftSection={<IconPlus />}
              >
                Add your first location
              </ButtonLink>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder padding={0} radius="md">
          <Group p="md" gap="sm" justify="space-between" wrap="wrap">
            <TextInput
              aria-label="Search inventory"
              placeholder="Title or SKU"
              leftSection={<IconSearch size={16} />}
              rightSection={list.isFetching && !list.isPending ? <Loader size={14} /> : null}
              value={searchText}
              onChange={(e) => setSearchText(e.currentTarget.value)}
              style={{ flex: '1 1 12rem', maxWidth: '22rem' }}
              type="search"
            />
            <Group gap="sm" wrap="wrap">
              <Select
                aria-label="Location"
                data={[
                  { value: ALL_LOCATIONS, label: 'All locations' },
                  ...(locations.data ?? []).map((l) => ({
                    value: l.id,
                    label: l.active ? l.name : `${l.name} (inactive)`,
                  })),
                ]}
                value={search.locationId ?? ALL_LOCATIONS}
                onChange={(value) =>
                  change({ locationId: !value || value === ALL_LOCATIONS ? undefined : value })
                }
                allowDeselect={false}
                w={190}
              />
              <SegmentedControl
                aria-label="Filter by stock state"
                data={stateFilters}
                value={search.state ?? 'all'}
                onChange={(value) =>
                  change({ state: value === 'all' ? undefined : (value as StockStateFilter) })
                }
              />
              <Select
                aria-label="Sort by"
                data={sortOptions}
                value={search.sort ?? 'title'}
                onChange={(value) =>
                  change({ sort: !value || value === 'title' ? undefined : (value as StockSort) })
                }
                allowDeselect={false}
                w={210}
              />
            </Group>
          </Group>
          {filter.state === 'running-out' && list.data?.items.length ? (
            <ReorderRunningOutBar locationId={filter.locationId} />
          ) : null}

          {list.isError ? (
            <Text c="red" p="md" role="alert">
              {list.error.message}
            </Text>
          ) : list.isPending ? (
            <StockTableSkeleton />
          ) : list.data.items.length === 0 ? (
            filtered ? (
              <EmptyState
                py="xl"
                icon={<IconWarehouse size={28} />}
                variant="light"
                title="Nothing matches"
                description={
                  filter.state
                    ? `No tracked variant is ${stateWords[filter.state]}${filter.locationId ? ' at this location' : ''}. Try another filter.`
                    : 'Try another search, location or filter.'
                }
              />
            ) : (
              <EmptyState
                py="xl"
                icon={<IconWarehouse size={28} />}
                variant="light"
                title="No stock tracked yet"
                description="A variant’s stock is tracked from its first stock. Find a variant and give it stock with Adjust, or import your stock levels from a CSV file; from then on sales, returns and corrections keep its numbers and history here."
              >
                {can('inventory:write') ? (
                  <EmptyState.Actions>
                    <Button leftSection={<IconSearch size={16} />} onClick={() => setFinding(true)}>
                      Find a variant
                    </Button>
                  </EmptyState.Actions>
                ) : null}
              </EmptyState>
            )
          ) : (
            <StockTable rows={list.data.items} stale={list.isPlaceholderData} onOpen={openVariant} />
          )}

          {list.data && total > 0 ? (
            <ListPager
              page={page}
              pageSize={pageSize}
              total={total}
              onPage={(next) =>
                void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
              }
            />
          ) : null}
        </Card>
      )}

      <StartTrackingModal
        opened={finding}
        onClose={() => setFinding(false)}
        onPick={(variantId) => {
          setFinding(false);
          openVariant(variantId);
        }}
      />
      <VariantStockDrawer variantId={search.variant ?? null} onClose={() => openVariant(undefined)} />
    </>
  );
}

const stateWords: Record<StockStateFilter, string> = {
  low: 'low on stock',
  out: 'out of stock',
  overstock: 'overstocked',
  'running-out': 'running out',
};
