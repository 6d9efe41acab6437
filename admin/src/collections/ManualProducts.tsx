import { ActionIcon, Alert, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { ProductStatusBadge } from '../products/ProductStatusBadge.tsx';
import { ProductThumbnail } from '../products/ProductThumbnail.tsx';
import { productListQuery } from '../products/product-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconArrowDown, IconArrowUp, IconX } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.ts';
import { collectionProductsQuery, useCollectionMembers } from './collection-queries.ts';
import type { CollectionProduct } from './collection-types.ts';

/** Reordering sends the whole list, so it is offered while the whole list is on screen. */
const ORDERABLE = 250;

/** The hand-picked products of a manual collection: add by search, reorder, take out. */
export function ManualProducts({ collectionId, canWrite }: { collectionId: string; canWrite: boolean }) {
  const { store } = useCurrentStore();
  const queryClient = useQueryClient();
  const membersQuery = collectionProductsQuery(store.handle, collectionId, ORDERABLE);
  const members = useQuery(membersQuery);
  const { setOrder, add, remove } = useCollectionMembers(store.handle, collectionId);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const candidates = useQuery({
    ...productListQuery(store.handle, { q: q || undefined, limit: 20, offset: 0 }),
    enabled: canWrite,
  });

  if (members.isError) {
    return (
      <Alert color="red" role="alert">
        {members.error.message}
      </Alert>
    );
  }
  if (members.isPending) return <Skeleton height={120} />;
  const items = members.data.items;
  const present = new Set(items.map((p) => p.id));
  const orderable = canWrite && members.data.total <= ORDERABLE;

  const reorder = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    // Show the new order at once; the server's answer (or failure) refreshes it.
    queryClient.setQueryData(membersQuery.queryKey, { ...members.data, items: next });
    setOrder.mutate(
      next.map((p) => p.id),
      { onError: (error) => notifyError(error, 'Could not reorder') },
    );
  };

  return (
    <Stack gap="sm">
      {canWrite ? (
        <Select
          label="Add a product"
          placeholder="Search by title, handle or SKU"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={null}
          data={(candidates.data?.items ?? [])
            .filter((p) => !present.has(p.id))
            .map((p) => ({ value: p.id, label: p.title }))}
          nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No other products match'}
          onChange={(id) => {
            if (!id) return;
            setSearch('');
            add.mutate([id], { onError: (error) => notifyError(error, 'Could not add the product') });
          }}
          filter={({ options }) => options}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No products yet. Add some here, or from the product list with a bulk action.
        </Text>
      ) : (
        <Stack
          gap={0}
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Products in this collection"
        >
          {items.map((product, index) => (
            <MemberRow
              key={product.id}
              product={product}
              index={index}
              last={index === items.length - 1}
              orderable={orderable}
              canWrite={canWrite}
              onMove={(to) => reorder(index, to)}
              onRemove={() =>
                remove.mutate(product.id, { onError: (error) => notifyError(error, 'Could not remove it') })
              }
            />
          ))}
        </Stack>
      )}
      {members.data.total > items.length ? (
        <Text size="xs" c="dimmed">
          Showing the first {items.length} of {members.data.total}; reorder larger collections through the
          API.
        </Text>
      ) : null}
    </Stack>
  );
}

function MemberRow({
  product,
  index,
  last,
  orderable,
  canWrite,
  onMove,
  onRemove,
}: {
  product: CollectionProduct;
  index: number;
  last: boolean;
  orderable: boolean;
  canWrite: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      py={6}
      style={{ borderTop: index === 0 ? undefined : '1px solid var(--mantine-color-default-border)' }}
    >
      <Text size="xs" c="dimmed" w={22} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {index + 1}
      </Text>
      <ProductThumbnail src={product.imageUrl} title={product.title} size={32} />
      <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate="end">
        {product.title}
      </Text>
      <ProductStatusBadge status={product.status} size="xs" />
      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} visibleFrom="xs">
        {formatMoney(product.price.amount, product.price.currency)}
      </Text>
      {orderable ? (
        <>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Move ${product.title} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Move ${product.title} down`}
            disabled={last}
            onClick={() => onMove(index + 1)}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
        </>
      ) : null}
      {canWrite ? (
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${product.title}`} onClick={onRemove}>
          <IconX size={14} />
        </ActionIcon>
      ) : null}
    </Group>
  );
}
