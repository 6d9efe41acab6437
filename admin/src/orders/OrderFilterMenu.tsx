import {
  Badge,
  Button,
  Group,
  Pill,
  Popover,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { OrderTotalRangeInputs } from './OrderTotalRangeInputs.tsx';
import { financialStatusLooks, fulfilmentStatusLooks, orderStatusLooks } from './order-labels.ts';
import type { OrderListFilter } from './order-search.ts';
import {
  type FinancialStatus,
  type FulfilmentStatus,
  financialStatuses,
  fulfilmentStatuses,
  type OrderStatus,
  orderStatuses,
} from './order-types.ts';

// Inside the popover, a field's options must not open in a portal: a click on them would count as
// a click outside the popover and close it.
const inPopover = { withinPortal: false } as const;

const options = <S extends string>(values: readonly S[], looks: Record<S, { label: string }>) =>
  values.map((value) => ({ value, label: looks[value].label }));

/** How many filters the panel holds (the search box is not one of them). */
export function narrowingCount(filter: OrderListFilter): number {
  const { q: _q, from, to, totalMin, totalMax, ...rest } = filter;
  return (
    Object.values(rest).filter((v) => v !== undefined).length +
    (from || to ? 1 : 0) +
    (totalMin !== undefined || totalMax !== undefined ? 1 : 0)
  );
}

/** The list's filters in a panel: statuses, the days placed, a tag and the total. */
export function OrderFilterMenu({
  filter,
  onChange,
}: {
  filter: OrderListFilter;
  onChange: (change: Partial<OrderListFilter>) => void;
}) {
  const { store } = useCurrentStore();
  const [opened, setOpened] = useState(false);
  const count = narrowingCount(filter);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(34rem, calc(100vw - 2rem))"
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
      <Popover.Dropdown aria-label="Order filters">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Order status"
              placeholder="Any"
              data={options(orderStatuses, orderStatusLooks)}
              value={filter.status ?? null}
              onChange={(v) => onChange({ status: (v as OrderStatus | null) ?? undefined })}
              clearable
              comboboxProps={inPopover}
            />
            <Select
              label="Payment"
              placeholder="Any"
              data={options(financialStatuses, financialStatusLooks)}
              value={filter.financialStatus ?? null}
              onChange={(v) => onChange({ financialStatus: (v as FinancialStatus | null) ?? undefined })}
              clearable
              comboboxProps={inPopover}
            />
            <Select
              label="Fulfilment"
              placeholder="Any"
              data={options(fulfilmentStatuses, fulfilmentStatusLooks)}
              value={filter.fulfilmentStatus ?? null}
              onChange={(v) => onChange({ fulfilmentStatus: (v as FulfilmentStatus | null) ?? undefined })}
              clearable
              comboboxProps={inPopover}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label="Placed from"
              value={filter.from ?? ''}
              max={filter.to}
              onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
            />
            <TextInput
              type="date"
              label="Placed until"
              value={filter.to ?? ''}
              min={filter.from}
              onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TagField tag={filter.tag} onChange={(tag) => onChange({ tag })} />
            <OrderTotalRangeInputs
              min={filter.totalMin}
              max={filter.totalMax}
              currency={store.baseCurrency}
              onChange={onChange}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Days are calendar days in UTC. Totals compare amounts in each order’s own currency.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A tag typed in full (the list matches tags exactly), applied on Enter or leaving the field. */
function TagField({
  tag,
  onChange,
}: {
  tag: string | undefined;
  onChange: (tag: string | undefined) => void;
}) {
  const [value, setValue] = useState(tag ?? '');
  useEffect(() => setValue(tag ?? ''), [tag]);
  const apply = () => {
    const next = value.trim() || undefined;
    if (next !== tag) onChange(next);
  };
  return (
    <TextInput
      label="Tagged"
      placeholder="wholesale"
      value={value}
      maxLength={60}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}

/**
 * One removable chip per filter the panel holds, and "Clear filters". With `statusesShown` the
 * statuses are left out: the marked quick view already says them.
 */
export function OrderActiveFilters({
  filter,
  onChange,
  formatTotal,
  statusesShown = false,
}: {
  filter: OrderListFilter;
  onChange: (change: Partial<OrderListFilter>) => void;
  formatTotal: (amount: number) => string;
  statusesShown?: boolean;
}) {
  const chips: { key: string; label: string; clear: Partial<OrderListFilter> }[] = [];
  if (filter.status && !statusesShown) {
    chips.push({
      key: 'status',
      label: `Status: ${orderStatusLooks[filter.status].label}`,
      clear: { status: undefined },
    });
  }
  if (filter.financialStatus && !statusesShown) {
    chips.push({
      key: 'financialStatus',
      label: `Payment: ${financialStatusLooks[filter.financialStatus].label}`,
      clear: { financialStatus: undefined },
    });
  }
  if (filter.fulfilmentStatus && !statusesShown) {
    chips.push({
      key: 'fulfilmentStatus',
      label: `Fulfilment: ${fulfilmentStatusLooks[filter.fulfilmentStatus].label}`,
      clear: { fulfilmentStatus: undefined },
    });
  }
  if (filter.from || filter.to) {
    const label =
      filter.from && filter.to
        ? `${filter.from} – ${filter.to}`
        : filter.from
          ? `from ${filter.from}`
          : `until ${filter.to}`;
    chips.push({ key: 'days', label: `Placed: ${label}`, clear: { from: undefined, to: undefined } });
  }
  if (filter.tag) chips.push({ key: 'tag', label: `Tag: ${filter.tag}`, clear: { tag: undefined } });
  if (filter.totalMin !== undefined || filter.totalMax !== undefined) {
    const label =
      filter.totalMin !== undefined && filter.totalMax !== undefined
        ? `${formatTotal(filter.totalMin)} – ${formatTotal(filter.totalMax)}`
        : filter.totalMin !== undefined
          ? `from ${formatTotal(filter.totalMin)}`
          : `up to ${formatTotal(filter.totalMax!)}`;
    chips.push({
      key: 'total',
      label: `Total: ${label}`,
      clear: { totalMin: undefined, totalMax: undefined },
    });
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
        onClick={() => onChange(Object.assign({}, ...chips.map((c) => c.clear)))}
      >
        Clear filters
      </Button>
    </Group>
  );
}
