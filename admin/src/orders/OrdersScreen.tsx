import { Button, Card, EmptyState, Group, Loader, Select, Tabs, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconDownload, IconReceipt, IconReturn, IconSearch } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { OrderActiveFilters, OrderFilterMenu } from './OrderFilterMenu.tsx';
import { OrderTable } from './OrderTable.tsx';
import { orderSortLabels } from './order-labels.ts';
import { orderListQuery, orderSettingsQuery, ordersCsvUrl } from './order-queries.ts';
import { filterOf, isFiltered, type OrdersSearch, orderViews, viewOf } from './order-search.ts';
import { type OrderSort, orderSorts } from './order-types.ts';

const ordersRoute = getRouteApi('/signed-in/stores/$store/orders');
const pageSize = 25;

/**
 * The store's orders, newest first: quick views (unfulfilled, unpaid …), a search by number, e-mail
 * or name, filters, sorting and pages, all kept in the address; "Export CSV" downloads what the
 * filter matches. (Return type written out: the router's types include the screens'.)
 */
export function OrdersScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = ordersRoute.useSearch();
  const navigate = ordersRoute.useNavigate();
  const page = search.page ?? 1;
  const filter = filterOf(search as Record<string, unknown>);
  const settings = useQuery(orderSettingsQuery(store.handle));
  const list = useQuery(
    orderListQuery(store.handle, {
      ...filter,
      sort: search.sort,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );

  /** Changes part of the list's state; any change goes back to the first page. */
  const change = (next: Partial<OrdersSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, page: undefined }), replace });
  const [searchText, setSearchText] = useSearchParamInput(search.q, (q) => change({ q }, true));
  const filtered = isFiltered(filter);
  const view = viewOf(filter);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Orders"
        description="Everything customers bought: take payment, ship parcels, refund and handle returns."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/returns"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconReturn />}
            >
              Returns
            </ButtonLink>
            <Button
              component="a"
              href={ordersCsvUrl(store.handle, filter)}
              download
              variant="default"
              leftSection={<IconDownload />}
            >
              Export CSV
            </Button>
          </>
        }
      />
      <Card withBorder padding={0} radius="md">
        <Tabs
          value={view ?? ''}
          onChange={(value) => {
            const chosen = orderViews.find((v) => v.value === value);
            if (chosen) {
              change({
                status: undefined,
                financialStatus: undefined,
                fulfilmentStatus: undefined,
                ...chosen.filter,
              });
            }
          }}
        >
          <Tabs.List px="sm">
            {orderViews.map((v) => (
              <Tabs.Tab key={v.value} value={v.value}>
                {v.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group p="md" gap="sm" justify="space-between" wrap="wrap">
          <TextInput
            aria-label="Search orders"
            placeholder="Search by order number, e-mail or name"
            leftSection={<IconSearch size={16} />}
            rightSection={list.isFetching && !list.isPending ? <Loader size={14} /> : null}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            style={{ flex: '1 1 16rem', maxWidth: '26rem' }}
            type="search"
          />
          <Group gap="sm" wrap="wrap">
            <Select
              aria-label="Sort by"
              data={orderSorts.map((value) => ({ value, label: orderSortLabels[value] }))}
              value={search.sort ?? 'newest'}
              onChange={(value) =>
                change({ sort: !value || value === 'newest' ? undefined : (value as OrderSort) })
              }
              allowDeselect={false}
              w={190}
            />
            <OrderFilterMenu filter={filter} onChange={(next) => change(next)} />
          </Group>
        </Group>
        <OrderActiveFilters
          filter={filter}
          onChange={(next) => change(next)}
          formatTotal={(amount) => formatMoney(amount, store.baseCurrency)}
          statusesShown={view !== null}
        />
        {list.isError ? (
          <LoadFailed what="The orders" error={list.error} onRetry={() => void list.refetch()} inset />
        ) : list.isPending ? (
          <ListSkeleton label="Loading orders" rows={6} />
        ) : items.length === 0 ? (
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconReceipt size={28} />}
            title={filtered ? 'No orders match' : 'No orders yet'}
            description={
              filtered
                ? 'Try another search, or remove a filter.'
                : 'Orders placed on the storefront show up here, ready to be paid, packed and shipped.'
            }
          >
            {filtered ? (
              <EmptyState.Actions>
                <Button
                  variant="default"
                  onClick={() => void navigate({ search: (prev) => (prev.sort ? { sort: prev.sort } : {}) })}
                >
                  Clear search and filters
                </Button>
              </EmptyState.Actions>
            ) : can('catalog:read') ? (
              <EmptyState.Actions>
                <ButtonLink to="/stores/$store/products" params={{ store: store.handle }} variant="default">
                  See your products
                </ButtonLink>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <>
            <OrderTable
              orders={items}
              prefix={settings.data?.numberPrefix ?? '#'}
              dimmed={list.isPlaceholderData}
            />
            <ListPager
              page={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onPage={(next) =>
                void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
              }
            />
          </>
        )}
      </Card>
    </>
  );
}
