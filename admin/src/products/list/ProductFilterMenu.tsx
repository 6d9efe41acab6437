import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Popover,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { categoryTreeQuery, flattenTree } from '../../categories/category-queries.ts';
import { collectionListQuery } from '../../collections/collection-queries.ts';
import {
  currencyFractionDigits,
  currencySymbol,
  formatMinorAsDecimal,
  parseDecimalToMinor,
} from '../../money/minor-units.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { type FilterValue, filterValuesQuery } from './product-list-queries.ts';
import {
  type MissingContent,
  missingContent,
  narrowingCount,
  type ProductListFilter,
} from './product-list-search.ts';

export const missingLabels: Record<MissingContent, string> = {
  image: 'No image',
  description: 'No description',
  category: 'No category',
};

export const reviewLabel = 'Changes waiting for review';

// Inside the popover, a field's options must not open in a portal: a click on them would count as
// a click outside the popover and close it.
const inPopover = { withinPortal: false } as const;

function valueOptions(values: FilterValue[] | undefined, chosen: string[] | undefined) {
  const options = (values ?? []).map((v) => ({ value: v.value, label: v.value, count: v.count }));
  // A chosen value stays offered after its last product changed, so it can be unchosen.
  for (const value of chosen ?? []) {
    if (!options.some((o) => o.value === value)) options.push({ value, label: value, count: 0 });
  }
  return options;
}

function renderCounted({ option }: { option: { label: string; count?: number } }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" w="100%">
      <Text size="sm" truncate>
        {option.label}
      </Text>
      <Text size="xs" c="dimmed">
        {option.count}
      </Text>
    </Group>
  );
}

/** A price bound typed as a decimal ("12.50"), kept in minor units; applied on Enter or leaving the field. */
function PriceInput({
  label,
  amount,
  currency,
  check,
  onChange,
}: {
  label: string;
  amount: number | undefined;
  currency: string;
  /** A problem with the amount given the other bound, or null. */
  check: (amount: number) => string | null;
  onChange: (amount: number | undefined) => void;
}) {
  const digits = currencyFractionDigits(currency);
  const shown = amount === undefined ? '' : formatMinorAsDecimal(amount, digits);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);
  const apply = () => {
    if (text.trim() === '') {
      setError(null);
      if (amount !== undefined) onChange(undefined);
      return;
    }
    const parsed = parseDecimalToMinor(text, digits);
    const problem = parsed.ok ? check(parsed.amount) : parsed.message;
    if (problem || !parsed.ok) {
      setError(problem);
      return;
    }
    setError(null);
    if (parsed.amount !== amount) onChange(parsed.amount);
  };
  return (
    <TextInput
      label={label}
      inputMode="decimal"
      leftSection={<Text size="sm">{currencySymbol(currency)}</Text>}
      value={text}
      error={error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
      style={{ flex: 1 }}
    />
  );
}

/** The "Filters" button and its panel: every filter but the text and the status, applied as chosen. */
export function ProductFilterMenu({
  filter,
  onChange,
}: {
  filter: ProductListFilter;
  onChange: (change: Partial<ProductListFilter>) => void;
}) {
  const { store } = useCurrentStore();
  const [opened, setOpened] = useState(false);
  // The menus' choices are read when the panel first opens, not with every visit to the list.
  const values = useQuery({ ...filterValuesQuery(store.handle), enabled: opened });
  const categories = useQuery({ ...categoryTreeQuery(store.handle), enabled: opened });
  const collections = useQuery({
    ...collectionListQuery(store.handle, { limit: 250, offset: 0 }),
    enabled: opened,
  });
  const count = narrowingCount(filter);
  const list = (values: string[]) => (values.length ? values : undefined);
  const belowMax = (min: number) =>
    filter.priceMax !== undefined && min > filter.priceMax ? 'Above the highest price.' : null;
  const aboveMin = (max: number) =>
    filter.priceMin !== undefined && max < filter.priceMin ? 'Below the lowest price.' : null;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(38rem, calc(100vw - 2rem))"
      shadow="md"
      trapFocus
      withinPortal
    >
      <Popover.Target>
        <Button
          variant="default"
          aria-label={count > 0 ? `Filters, ${count} chosen` : 'Filters'}
          onClick={() => setOpened((o) => !o)}
          rightSection={
            count > 0 ? (
              <Badge size="sm" circle>
                {count}
              </Badge>
            ) : null
          }
        >
          Filters
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Product filters">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <MultiSelect
            label="Vendor"
            placeholder={filter.vendor?.length ? undefined : 'Any vendor'}
            data={valueOptions(values.data?.vendors, filter.vendor)}
            value={filter.vendor ?? []}
            onChange={(v) => onChange({ vendor: list(v) })}
            renderOption={renderCounted}
            searchable
            clearable
            nothingFoundMessage={values.isPending ? 'Loading…' : 'No vendor'}
            comboboxProps={inPopover}
            openOnFocus={false}
          />
          <MultiSelect
            label="Product type"
            placeholder={filter.productType?.length ? undefined : 'Any type'}
            data={valueOptions(values.data?.productTypes, filter.productType)}
            value={filter.productType ?? []}
            onChange={(v) => onChange({ productType: list(v) })}
            renderOption={renderCounted}
            searchable
            clearable
            nothingFoundMessage={values.isPending ? 'Loading…' : 'No product type'}
            comboboxProps={inPopover}
            openOnFocus={false}
          />
          <TagsInput
            label="Tagged with any of"
            placeholder={filter.tag?.length ? undefined : 'Type or pick a tag'}
            data={(values.data?.tags ?? []).map((t) => t.value)}
            value={filter.tag ?? []}
            onChange={(v) => onChange({ tag: list(v) })}
            clearable
            maxTags={20}
            comboboxProps={inPopover}
            openOnFocus={false}
          />
          <Select
            label="Category, with those below it"
            placeholder="Any category"
            data={flattenTree(categories.data ?? []).map(({ node }) => ({
              value: node.id,
              label: node.path.replaceAll(' > ', ' › '),
            }))}
            value={filter.categoryId ?? null}
            onChange={(v) => onChange({ categoryId: v ?? undefined })}
            searchable
            clearable
            nothingFoundMessage={categories.isPending ? 'Loading…' : 'No category'}
            comboboxProps={inPopover}
            openOnFocus={false}
          />
          <Select
            label="Collection"
            placeholder="Any collection"
            data={(collections.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            value={filter.collectionId ?? null}
            onChange={(v) => onChange({ collectionId: v ?? undefined })}
            searchable
            clearable
            nothingFoundMessage={collections.isPending ? 'Loading…' : 'No collection'}
            comboboxProps={inPopover}
            openOnFocus={false}
          />
          <div>
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <PriceInput
                label="Price from"
                amount={filter.priceMin}
                currency={store.baseCurrency}
                check={belowMax}
                onChange={(priceMin) => onChange({ priceMin })}
              />
              <PriceInput
                label="up to"
                amount={filter.priceMax}
                currency={store.baseCurrency}
                check={aboveMin}
                onChange={(priceMax) => onChange({ priceMax })}
              />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              A product counts when one of its variants is in the range.
            </Text>
          </div>
          <Checkbox.Group
            label="Missing content"
            value={filter.missing ?? []}
            onChange={(v) =>
              onChange({ missing: list(v as MissingContent[]) as MissingContent[] | undefined })
            }
          >
            <Group gap="md" mt={6}>
              {missingContent.map((m) => (
                <Checkbox key={m} value={m} label={missingLabels[m]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox
            label={reviewLabel}
            description="Sent by an editor; approve them or ask for changes."
            checked={filter.review === 'waiting'}
            onChange={(e) => onChange({ review: e.currentTarget.checked ? 'waiting' : undefined })}
          />
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
