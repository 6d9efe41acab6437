import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { stockListQuery } from '../inventory/inventory-queries.ts';
import type { StockRow } from '../inventory/inventory-types.ts';
import { useCurrentStore } from '../stores/current-store.tsx';

export const variantLabel = (v: { productTitle: string | null; title?: string | null; sku: string | null }) =>
  [v.productTitle ?? 'Unknown variant', v.title ? `– ${v.title}` : '', v.sku ? `(${v.sku})` : '']
    .filter(Boolean)
    .join(' ');

/**
 * Finds a variant by title or SKU among tracked and untracked stock (a variant not yet counted can be
 * ordered too: its first receipt starts tracking it) and hands the chosen one to `onPick`. With
 * `trackedOnly`, among tracked stock alone (a transfer moves only stock that is kept).
 */
export function VariantPicker({
  onPick,
  exclude,
  error,
  trackedOnly = false,
  label = 'Add a variant',
  labelHidden = false,
}: {
  onPick: (variant: StockRow) => void;
  /** Variants already on the order. */
  exclude: ReadonlySet<string>;
  error?: string;
  trackedOnly?: boolean;
  label?: string;
  /** The label is for screen readers only (a picker in a table cell, under the column's heading). */
  labelHidden?: boolean;
}) {
  const { store } = useCurrentStore();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const args = { q: q || undefined, limit: 20, offset: 0 };
  const tracked = useQuery(stockListQuery(store.handle, { ...args, tracking: 'tracked' }));
  const untracked = useQuery({
    ...stockListQuery(store.handle, { ...args, tracking: 'untracked' }),
    enabled: !trackedOnly,
  });
  const found = [
    ...(tracked.data?.items ?? []),
    ...(trackedOnly ? [] : (untracked.data?.items ?? [])),
  ].filter((v) => !exclude.has(v.variantId));
  const byId = new Map(found.map((v) => [v.variantId, v]));

  return (
    <Select
      label={labelHidden ? undefined : label}
      aria-label={labelHidden ? label : undefined}
      placeholder="Search by title or SKU"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={found.map((v) => ({ value: v.variantId, label: variantLabel(v) }))}
      value={null}
      onChange={(value) => {
        const variant = value ? byId.get(value) : undefined;
        if (variant) onPick(variant);
        setSearch('');
      }}
      nothingFoundMessage={tracked.isFetching || untracked.isFetching ? 'Searching…' : 'No variant found'}
      error={error}
    />
  );
}
