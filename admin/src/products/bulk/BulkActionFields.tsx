import { Alert, Group, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { collectionListQuery } from '../../collections/collection-queries.ts';
import { currencySymbol } from '../../money/minor-units.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import type { BulkActionValues } from './bulk-action-values.ts';

const actionOptions = [
  { value: 'set_status', label: 'Set status' },
  { value: 'add_tags', label: 'Add tags' },
  { value: 'remove_tags', label: 'Remove tags' },
  { value: 'add_to_collection', label: 'Add to a collection' },
  { value: 'remove_from_collection', label: 'Remove from a collection' },
  { value: 'change_price', label: 'Change price' },
  { value: 'delete', label: 'Delete' },
];

/** The choice of action and its arguments. */
export function BulkActionFields({
  values,
  onChange,
  fractionDigits,
}: {
  values: BulkActionValues;
  onChange: (changes: Partial<BulkActionValues>) => void;
  fractionDigits: number;
}) {
  const { store, can } = useCurrentStore();
  const manual = useQuery({
    ...collectionListQuery(store.handle, { kind: 'manual', limit: 100, offset: 0 }),
    enabled: values.type === 'add_to_collection' || values.type === 'remove_from_collection',
  });
  const symbol = currencySymbol(store.baseCurrency);
  return (
    <Stack>
      <Select
        label="Action"
        data={actionOptions}
        value={values.type}
        onChange={(value) => value && onChange({ type: value as BulkActionValues['type'] })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {values.type === 'set_status' ? (
        <Stack gap={4}>
          <SegmentedControl
            aria-label="New status"
            value={values.status}
            onChange={(status) => onChange({ status: status as BulkActionValues['status'] })}
            data={[
              { value: 'draft', label: 'Draft' },
              { value: 'active', label: 'Active', disabled: !can('catalog:publish') },
              { value: 'archived', label: 'Archived' },
            ]}
          />
          {can('catalog:publish') ? null : (
            <Text size="xs" c="dimmed">
              Publishing, and taking live products off the storefront, needs the publish permission: those
              products are reported and left as they are.
            </Text>
          )}
        </Stack>
      ) : null}
      {values.type === 'add_tags' || values.type === 'remove_tags' ? (
        <TagsInput
          label="Tags"
          description="Press Enter after each tag. Case does not matter."
          value={values.tags}
          onChange={(tags) => onChange({ tags })}
          maxTags={50}
        />
      ) : null}
      {values.type === 'add_to_collection' || values.type === 'remove_from_collection' ? (
        <Select
          label="Collection"
          description="Only hand-picked collections; rule collections choose their products themselves."
          placeholder={manual.isPending ? 'Loading…' : 'Pick a collection'}
          data={(manual.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          value={values.collectionId}
          onChange={(collectionId) => onChange({ collectionId })}
          searchable
          nothingFoundMessage="No manual collections"
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {values.type === 'change_price' ? (
        <Stack gap="sm">
          <Group grow>
            <SegmentedControl
              aria-label="Raise or lower"
              value={values.direction}
              onChange={(direction) => onChange({ direction: direction as 'up' | 'down' })}
              data={[
                { value: 'down', label: 'Lower' },
                { value: 'up', label: 'Raise' },
              ]}
            />
            <SegmentedControl
              aria-label="By percent or amount"
              value={values.priceBy}
              onChange={(priceBy) => onChange({ priceBy: priceBy as 'percent' | 'amount' })}
              data={[
                { value: 'percent', label: 'By %' },
                { value: 'amount', label: `By ${symbol}` },
              ]}
            />
          </Group>
          <TextInput
            label={values.priceBy === 'percent' ? 'Percent' : 'Amount'}
            inputMode="decimal"
            placeholder={values.priceBy === 'percent' ? '10' : '1.00'}
            leftSection={values.priceBy === 'amount' ? symbol : undefined}
            rightSection={values.priceBy === 'percent' ? '%' : undefined}
            value={values.priceText}
            onChange={(e) => onChange({ priceText: e.currentTarget.value })}
          />
          <Select
            label="Round new prices"
            data={[
              { value: 'none', label: 'To the nearest minor unit (exact)' },
              { value: 'whole', label: 'To whole units' },
              { value: 'ending', label: 'To a price ending, e.g. .99' },
            ]}
            value={values.rounding}
            onChange={(rounding) =>
              rounding && onChange({ rounding: rounding as BulkActionValues['rounding'] })
            }
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          {values.rounding === 'ending' ? (
            <Group grow>
              <TextInput
                label="Ending"
                description={fractionDigits === 0 ? 'e.g. 980' : 'e.g. 0.99 or 0.95'}
                value={values.endingText}
                onChange={(e) => onChange({ endingText: e.currentTarget.value })}
              />
              {fractionDigits === 0 ? (
                <TextInput
                  label="Repeating every"
                  description="e.g. 1000"
                  value={values.stepText}
                  onChange={(e) => onChange({ stepText: e.currentTarget.value })}
                />
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}
      {!can('catalog:publish') &&
      (values.type === 'add_tags' || values.type === 'remove_tags' || values.type === 'change_price') ? (
        <Text size="xs" c="dimmed">
          Live products get this change as edits for review: they go live when someone who can publish
          approves them. Drafts change at once.
        </Text>
      ) : null}
      {values.type === 'delete' ? (
        <Alert color="red" variant="light">
          The products are deleted. Until someone changes them again, the operation can be undone from its
          audit entries.
          {can('catalog:publish')
            ? null
            : ' Live products are left as they are: deleting them needs the publish permission.'}
        </Alert>
      ) : null}
    </Stack>
  );
}
