import { Button, Group, Pill } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { categoryTreeQuery, flattenTree } from '../../categories/category-queries.ts';
import { collectionQuery } from '../../collections/collection-queries.ts';
import { formatMoney } from '../../money/minor-units.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { missingLabels, reviewLabel } from './ProductFilterMenu.tsx';
import type { ProductListFilter } from './product-list-search.ts';

interface Chip {
  key: string;
  label: string;
  clear: Partial<ProductListFilter>;
}

/** A chip per active filter (the text and the status show in their own controls); × removes it. */
export function ActiveFilters({
  filter,
  onChange,
}: {
  filter: ProductListFilter;
  onChange: (change: Partial<ProductListFilter>) => void;
}) {
  const { store } = useCurrentStore();
  const categories = useQuery({ ...categoryTreeQuery(store.handle), enabled: Boolean(filter.categoryId) });
  const collection = useQuery({
    ...collectionQuery(store.handle, filter.collectionId ?? ''),
    enabled: Boolean(filter.collectionId),
    retry: false,
  });
  const money = (amount: number) => formatMoney(amount, store.baseCurrency);

  const chips: Chip[] = [];
  const listed = (key: 'vendor' | 'productType' | 'tag', name: string) => {
    const values = filter[key];
    if (values?.length)
      chips.push({ key, label: `${name}: ${values.join(', ')}`, clear: { [key]: undefined } });
  };
  listed('vendor', 'Vendor');
  listed('productType', 'Type');
  listed('tag', 'Tag');
  if (filter.categoryId) {
    const node = flattenTree(categories.data ?? []).find((e) => e.node.id === filter.categoryId)?.node;
    const name = node
      ? node.path.replaceAll(' > ', ' › ')
      : categories.isPending
        ? '…'
        : 'a category that no longer exists';
    chips.push({ key: 'categoryId', label: `Category: ${name}`, clear: { categoryId: undefined } });
  }
  if (filter.collectionId) {
    const name =
      collection.data?.title ?? (collection.isPending ? '…' : 'a collection that no longer exists');
    chips.push({ key: 'collectionId', label: `Collection: ${name}`, clear: { collectionId: undefined } });
  }
  if (filter.priceMin !== undefined || filter.priceMax !== undefined) {
    const label =
      filter.priceMin !== undefined && filter.priceMax !== undefined
        ? `${money(filter.priceMin)} – ${money(filter.priceMax)}`
        : filter.priceMin !== undefined
          ? `from ${money(filter.priceMin)}`
          : `up to ${money(filter.priceMax!)}`;
    chips.push({
      key: 'price',
      label: `Price: ${label}`,
      clear: { priceMin: undefined, priceMax: undefined },
    });
  }
  for (const missing of filter.missing ?? []) {
    const rest = filter.missing!.filter((m) => m !== missing);
    chips.push({
      key: `missing-${missing}`,
      label: missingLabels[missing],
      clear: { missing: rest.length ? rest : undefined },
    });
  }
  if (filter.review === 'waiting') {
    chips.push({ key: 'review', label: reviewLabel, clear: { review: undefined } });
  }
  if (chips.length === 0) return null;

  return (
    <Group gap="xs" px="md" pb="md" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <Pill
          key={chip.key}
          size="md"
          withRemoveButton
          onRemove={() => onChange(chip.clear)}
          removeButtonProps={{ 'aria-label': `Remove filter ${chip.label}` }}
        >
          {chip.label}
        </Pill>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => onChange(Object.assign({}, ...chips.map((c) => c.clear), { missing: undefined }))}
      >
        Clear filters
      </Button>
    </Group>
  );
}
