import { Group, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { collectionListQuery, collectionQuery } from '../collections/collection-queries.ts';
import { productListQuery, productQuery } from '../products/product-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';

/** Names of chosen items are read one by one; beyond this many the rest are counted, not named. */
const namedAtMost = 40;

/**
 * Products or collections (what a discount is about, the products of a tax class): found by
 * search, shown by name, taken out one by one. Ids chosen before are named by reading them from
 * the catalog.
 */
export function CatalogItemsPicker({
  scope,
  ids,
  onChange,
  label,
  error,
  disabled = false,
}: {
  scope: 'products' | 'collections';
  ids: string[];
  onChange: (ids: string[]) => void;
  label: string;
  error?: string;
  disabled?: boolean;
}) {
  const { store } = useCurrentStore();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const args = { q: q || undefined, limit: 20, offset: 0 };
  const products = useQuery({
    ...productListQuery(store.handle, args),
    enabled: scope === 'products' && !disabled,
  });
  const collections = useQuery({
    ...collectionListQuery(store.handle, args),
    enabled: scope === 'collections' && !disabled,
  });
  const named = useQueries({
    queries: ids
      .slice(0, namedAtMost)
      .map((id) =>
        scope === 'products'
          ? { ...productQuery(store.handle, id), select: (p: { title: string }) => p.title, retry: false }
          : { ...collectionQuery(store.handle, id), select: (c: { title: string }) => c.title, retry: false },
      ),
  });
  const found =
    scope === 'products'
      ? (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))
      : (collections.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }));
  const chosen = new Set(ids);
  const fetching = scope === 'products' ? products.isFetching : collections.isFetching;

  return (
    <Stack gap={6}>
      <Select
        label={label}
        placeholder={`Search ${scope}`}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={found.filter((option) => !chosen.has(option.value))}
        value={null}
        onChange={(id) => {
          if (id) onChange([...ids, id]);
          setSearch('');
        }}
        nothingFoundMessage={fetching ? 'Searching…' : `No other ${scope} match`}
        error={error}
        disabled={disabled}
      />
      {ids.length > 0 ? (
        <Group gap={6}>
          {ids.slice(0, namedAtMost).map((id, i) => {
            const name = named[i]?.data ?? (named[i]?.isError ? 'Deleted' : '…');
            return (
              <Pill
                key={id}
                withRemoveButton={!disabled}
                onRemove={() => onChange(ids.filter((other) => other !== id))}
                removeButtonProps={{ 'aria-label': `Remove ${name}` }}
              >
                {name}
              </Pill>
            );
          })}
          {ids.length > namedAtMost ? (
            <Text size="xs" c="dimmed">
              and {ids.length - namedAtMost} more
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
