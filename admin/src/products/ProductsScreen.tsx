import {
  Badge,
  Card,
  Checkbox,
  EmptyState,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Skeleton,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { ProductStatus } from '../api/types.ts';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import { IconPackage, IconPlus, IconSearch } from '../ui/icons.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { BulkEditDialog } from './bulk/BulkEditDialog.tsx';
import { BulkSelectionBar } from './bulk/BulkSelectionBar.tsx';
import { useProductSelection } from './bulk/use-product-selection.ts';
import { ProductTransferActions } from './import/ProductTransferActions.tsx';
import { ActiveFilters } from './list/ActiveFilters.tsx';
import { ColumnsMenu, columnLabels } from './list/ColumnsMenu.tsx';
import { ProductFilterMenu } from './list/ProductFilterMenu.tsx';
import { ProductViewTabs } from './list/ProductViewTabs.tsx';
import { productPageQuery } from './list/product-list-queries.ts';
import {
  defaultSort,
  filterOf,
  type ProductListFilter,
  type ProductSort,
  type ProductsSearch,
  shownColumns,
} from './list/product-list-search.ts';
import { ProductStatusBadge } from './ProductStatusBadge.tsx';
import { ProductThumbnail } from './ProductThumbnail.tsx';

const productsRoute = getRouteApi('/signed-in/stores/$store/products');
const pageSize = 25;

const sortLabels: Record<ProductSort, string> = {
  relevance: 'Best match',
  updated: 'Last updated',
  newest: 'Newest',
  title: 'Title A–Z',
  'price-asc': 'Price, low to high',
  'price-desc': 'Price, high to low',
  position: 'Collection order',
};

/** The orders offered: best match only with a search, a collection's own order only with a collection. */
function sortOptions(filter: ProductListFilter) {
  return (Object.keys(sortLabels) as ProductSort[])
    .filter((s) => (s !== 'relevance' || filter.q) && (s !== 'position' || filter.collectionId))
    .map((value) => ({ value, label: sortLabels[value] }));
}

const statusFilters = [
  { label: 'All', value: 'all' },
  { label: 'Draft', value: 'draft' },
  { label: 'Active', value: 'active' },
  { label: 'Archived', value: 'archived' },
];

export function ProductsScreen() {
  const { store, can } = useCurrentStore();
  const search = productsRoute.useSearch();
  const navigate = productsRoute.useNavigate();
  const page = search.page ?? 1;
  const filter = filterOf(search);
  const columns = shownColumns(search.columns);

  /** Changes part of the list's state; any change goes back to the first page. */
  const change = (next: Partial<ProductsSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...next, page: undefined }), replace });

  const [searchText, setSearchText] = useSearchParamInput(search.q, (q) => change({ q }, true));

  const list = useQuery(
    productPageQuery(store.handle, {
      filter,
      ...(search.sort ? { sort: search.sort } : {}),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const total = list.data?.total ?? 0;
  const filtered = Object.keys(filter).length > 0;
  const selection = useProductSelection(JSON.stringify(filter));
  const [bulkEditing, setBulkEditing] = useState(false);
  const selectable = can('catalog:write');
  const pageIds = list.data?.items.map((p) => p.id) ?? [];
  const pageSelected = pageIds.length > 0 && pageIds.every((id) => selection.ids.has(id));
  const sort = search.sort ?? defaultSort(filter);

  return (
    <>
      <PageHeader
        title="Products"
        description="Your catalog: what you sell, its price and whether it is on the storefront."
        actions={
          <>
            <ProductTransferActions />
            {can('catalog:write') ? (
              <ButtonLink
                to="/stores/$store/products/new"
                params={{ store: store.handle }}
                leftSection={<IconPlus />}
              >
                New product
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <ProductViewTabs search={search} onOpen={(next) => void navigate({ search: next })} />
      <Card withBorder padding={0} radius="md">
        <Group p="md" gap="sm" justify="space-between" wrap="wrap">
          <TextInput
            aria-label="Search products"
            placeholder="Search by title, vendor, tag or SKU"
            leftSection={<IconSearch size={16} />}
            rightSection={list.isFetching && !list.isPending ? <Loader size={14} /> : null}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            style={{ flex: '1 1 16rem', maxWidth: '26rem' }}
            type="search"
          />
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label="Filter by status"
              data={statusFilters}
              value={search.status ?? 'all'}
              onChange={(value) => change({ status: value === 'all' ? undefined : (value as ProductStatus) })}
            />
            <Select
              aria-label="Sort by"
              data={sortOptions(filter)}
              value={sort}
              onChange={(value) =>
                change({ sort: !value || value === defaultSort(filter) ? undefined : (value as ProductSort) })
              }
              allowDeselect={false}
              w={180}
            />
            <ProductFilterMenu filter={filter} onChange={(next) => change(next)} />
            <ColumnsMenu shown={columns} onChange={(next) => change({ columns: next })} />
          </Group>
        </Group>
        <ActiveFilters filter={filter} onChange={(next) => change(next)} />

        {list.isError ? (
          <Text c="red" p="md" role="alert">
            {list.error.message}
          </Text>
        ) : list.isPending ? (
          <ProductTableSkeleton />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconPackage size={28} />}
            variant="light"
            title={filtered ? 'No products match' : 'No products yet'}
            description={
              filtered
                ? 'Try another search, or remove a filter.'
                : 'Add your first product to start selling on the storefront.'
            }
          >
            {!filtered && can('catalog:write') ? (
              <EmptyState.Actions>
                <ButtonLink
                  to="/stores/$store/products/new"
                  params={{ store: store.handle }}
                  leftSection={<IconPlus />}
                >
                  New product
                </ButtonLink>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={340}>
            <Table aria-label="Products" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  {selectable ? (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Select every product on this page"
                        checked={pageSelected || selection.allMatching}
                        indeterminate={!pageSelected && pageIds.some((id) => selection.ids.has(id))}
                        onChange={() => selection.togglePage(pageIds)}
                        disabled={selection.allMatching}
                      />
                    </Table.Th>
                  ) : null}
                  <Table.Th w={56}>
                    <VisuallyHidden>Image</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>Product</Table.Th>
                  {columns.has('sku') ? <Table.Th visibleFrom="sm">{columnLabels.sku}</Table.Th> : null}
                  {columns.has('status') ? <Table.Th visibleFrom="xs">{columnLabels.status}</Table.Th> : null}
                  {columns.has('vendor') ? <Table.Th visibleFrom="sm">{columnLabels.vendor}</Table.Th> : null}
                  {columns.has('productType') ? (
                    <Table.Th visibleFrom="sm">{columnLabels.productType}</Table.Th>
                  ) : null}
                  {columns.has('tags') ? <Table.Th visibleFrom="md">{columnLabels.tags}</Table.Th> : null}
                  {columns.has('price') ? <Table.Th ta="right">{columnLabels.price}</Table.Th> : null}
                  {columns.has('updated') ? (
                    <Table.Th visibleFrom="md">{columnLabels.updated}</Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((product) => (
                  <Table.Tr key={product.id}>
                    {selectable ? (
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select ${product.title}`}
                          checked={selection.allMatching || selection.ids.has(product.id)}
                          onChange={() => selection.toggle(product.id)}
                          disabled={selection.allMatching}
                        />
                      </Table.Td>
                    ) : null}
                    <Table.Td>
                      <ProductThumbnail src={product.imageUrl} title={product.title} />
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink
                        to="/stores/$store/products/$productId"
                        params={{ store: store.handle, productId: product.id }}
                        fw={600}
                        size="sm"
                        c="var(--mantine-color-text)"
                      >
                        {product.title}
                      </AnchorLink>
                      <Group gap={6}>
                        <ProductStatusBadge status={product.status} size="xs" hiddenFrom="xs" />
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          /{product.handle}
                        </Text>
                      </Group>
                    </Table.Td>
                    {columns.has('sku') ? (
                      <Table.Td visibleFrom="sm">
                        <Text size="sm" ff="monospace" c={product.sku ? undefined : 'dimmed'}>
                          {product.sku || '—'}
                        </Text>
                        {(product.variantCount ?? 0) > 1 ? (
                          <Text size="xs" c="dimmed">
                            {product.variantCount} variants
                          </Text>
                        ) : null}
                      </Table.Td>
                    ) : null}
                    {columns.has('status') ? (
                      <Table.Td visibleFrom="xs">
                        <ProductStatusBadge status={product.status} />
                      </Table.Td>
                    ) : null}
                    {columns.has('vendor') ? (
                      <Table.Td visibleFrom="sm">
                        <Text size="sm" c={product.vendor ? undefined : 'dimmed'}>
                          {product.vendor || '—'}
                        </Text>
                      </Table.Td>
                    ) : null}
                    {columns.has('productType') ? (
                      <Table.Td visibleFrom="sm">
                        <Text size="sm" c={product.productType ? undefined : 'dimmed'}>
                          {product.productType || '—'}
                        </Text>
                      </Table.Td>
                    ) : null}
                    {columns.has('tags') ? (
                      <Table.Td visibleFrom="md">
                        <Group gap={4}>
                          {product.tags.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            product.tags.map((tag) => (
                              <Badge key={tag} variant="light" color="gray" size="sm" tt="none">
                                {tag}
                              </Badge>
                            ))
                          )}
                        </Group>
                      </Table.Td>
                    ) : null}
                    {columns.has('price') ? (
                      <Table.Td
                        ta="right"
                        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                      >
                        {formatMoney(product.price.amount, product.price.currency)}
                      </Table.Td>
                    ) : null}
                    {columns.has('updated') ? (
                      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" c="dimmed">
                          {formatDate(product.updatedAt)}
                        </Text>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
      <BulkSelectionBar
        selected={selection.ids.size}
        allMatching={selection.allMatching}
        total={total}
        pageFullySelected={pageSelected}
        onSelectAllMatching={selection.selectAllMatching}
        onEdit={() => setBulkEditing(true)}
        onClear={selection.clear}
      />
      {bulkEditing ? (
        <BulkEditDialog
          selection={selection.allMatching ? { filter } : { ids: [...selection.ids] }}
          count={selection.allMatching ? total : selection.ids.size}
          onClose={(ran) => {
            setBulkEditing(false);
            if (ran) selection.clear();
          }}
        />
      ) : null}
    </>
  );
}

function ProductTableSkeleton() {
  return (
    <Table aria-label="Loading products" aria-busy="true">
      <Table.Tbody>
        {Array.from({ length: 6 }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity.
          <Table.Tr key={row}>
            <Table.Td w={56}>
              <Skeleton height={40} width={40} radius="sm" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width="60%" mb={6} />
              <Skeleton height={10} width="30%" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width={80} />
            </Table.Td>
            <Table.Td>
              <Skeleton height={18} width={60} radius="xl" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width={70} ml="auto" />
            </Table.Td>
            <Table.Td>
              <Skeleton height={12} width={90} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
