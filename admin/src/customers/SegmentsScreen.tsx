import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPlus, IconTrash } from '../ui/icons.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { customerName, type Segment, type SegmentField, type SegmentRule } from './customer-types.ts';
import {
  groupsQuery,
  segmentPreviewQuery,
  segmentsQuery,
  useDeleteSegment,
  useSaveSegment,
} from './customers-queries.ts';
import { defaultRule, rfmSegmentChoices, segmentFieldOptions, takesDay } from './segment-fields.ts';

function RuleValue({
  rule,
  onChange,
  groups,
  currency,
}: {
  rule: SegmentRule;
  onChange: (value: SegmentRule['value']) => void;
  groups: { value: string; label: string }[];
  currency: string;
}) {
  const kind = segmentFieldOptions[rule.field].value;
  const label = `Value of ${segmentFieldOptions[rule.field].label}`;
  if (kind === 'money') {
    return (
      <NumberInput
        aria-label={label}
        value={Number(rule.value) / 100}
        decimalScale={2}
        min={0}
        rightSection={<Text size="xs">{currency}</Text>}
        onChange={(v) => onChange(Math.round(Number(v || 0) * 100))}
      />
    );
  }
  if (kind === 'number' || (kind === 'days' && !takesDay(rule.operator))) {
    return (
      <NumberInput
        aria-label={label}
        value={Number(rule.value)}
        min={0}
        onChange={(v) => onChange(Number(v || 0))}
      />
    );
  }
  if (kind === 'days') {
    return (
      <TextInput
        aria-label={label}
        type="date"
        value={String(rule.value)}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  if (kind === 'boolean') {
    return (
      <Select
        aria-label={label}
        data={[
          { value: 'true', label: 'yes' },
          { value: 'false', label: 'no' },
        ]}
        value={String(rule.value)}
        onChange={(v) => onChange(v === 'true')}
        allowDeselect={false}
      />
    );
  }
  if (kind === 'state') {
    return (
      <Select
        aria-label={label}
        data={['guest', 'invited', 'enabled', 'disabled']}
        value={String(rule.value)}
        onChange={(v) => onChange(v ?? 'enabled')}
        allowDeselect={false}
      />
    );
  }
  if (kind === 'rfm') {
    return (
      <Select
        aria-label={label}
        data={rfmSegmentChoices}
        value={String(rule.value)}
        onChange={(v) => onChange(v ?? 'champions')}
        allowDeselect={false}
      />
    );
  }
  if (kind === 'group') {
    return (
      <Select
        aria-label={label}
        data={groups}
        value={String(rule.value) || null}
        onChange={(v) => onChange(v ?? '')}
      />
    );
  }
  return (
    <TextInput
      aria-label={label}
      value={String(rule.value)}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** Rules are sent only when every one has a value, so the live count never asks about half a rule. */
const complete = (rules: SegmentRule[]) => rules.every((r) => r.value !== '');

/**
 * Segments: saved rules over customers' figures, tags, country, groups and consent, with a builder
 * that counts the matching customers as the rules change (docs/customers.md, "Segments").
 */
export function SegmentsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const writable = can('customers:write');
  const segments = useQuery(segmentsQuery(store.handle));
  const groups = useQuery(groupsQuery(store.handle));
  const save = useSaveSegment(store.handle);
  const remove = useDeleteSegment(store.handle);
  const [editingId, setEditingId] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [match, setMatch] = useState<'all' | 'any'>('all');
  const [rules, setRules] = useState<SegmentRule[]>([defaultRule('total_spent')]);
  const [debounced] = useDebouncedValue({ match, rules }, 300);
  const preview = useQuery(
    segmentPreviewQuery(store.handle, debounced.match, complete(debounced.rules) ? debounced.rules : []),
  );
  const groupOptions = (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));

  const edit = (segment: Segment | null) => {
    setEditingId(segment?.id);
    setName(segment?.name ?? '');
    setMatch(segment?.match ?? 'all');
    setRules(segment?.rules ?? [defaultRule('total_spent')]);
  };
  const change = (index: number, rule: SegmentRule) =>
    setRules(rules.map((r, i) => (i === index ? rule : r)));

  return (
    <>
      <PageHeader
        title="Segments"
        description="Customers chosen by rules, always up to date: audiences for e-mail and discounts."
      />
      <Group align="start" grow preventGrowOverflow={false}>
        <Card withBorder maw={320}>
          <Title order={3} size="h5" mb="xs">
            Saved segments
          </Title>
          {segments.isError ? (
            <LoadFailed what="The segments" error={segments.error} onRetry={() => void segments.refetch()} />
          ) : (
            <Stack gap="xs">
              {(segments.data?.items ?? []).map((s) => (
                <Group key={s.id} justify="space-between" wrap="nowrap">
                  <Button variant="subtle" onClick={() => edit(s)} data-testid="segment-item">
                    {s.name}
                  </Button>
                  {writable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${s.name}`}
                      onClick={() => remove.mutate(s.id, { onError: (err) => notifyError(err) })}
                    >
                      <IconTrash />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {segments.data?.items.length === 0 && <Text c="dimmed">None yet.</Text>}
              <Button variant="default" leftSection={<IconPlus />} onClick={() => edit(null)}>
                New segment
              </Button>
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Stack>
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Group>
              <Text size="sm">Customers matching</Text>
              <SegmentedControl
                aria-label="Match"
                value={match}
                onChange={(v) => setMatch(v as 'all' | 'any')}
                data={[
                  { value: 'all', label: 'all rules' },
                  { value: 'any', label: 'any rule' },
                ]}
              />
            </Group>
            {rules.map((rule, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their identity here
              <Group key={index} wrap="nowrap" data-testid="segment-rule">
                <Select
                  aria-label={`Field of rule ${index + 1}`}
                  data={Object.entries(segmentFieldOptions).map(([value, o]) => ({ value, label: o.label }))}
                  value={rule.field}
                  onChange={(v) => v && change(index, defaultRule(v as SegmentField))}
                  allowDeselect={false}
                />
                <Select
                  aria-label={`Operator of rule ${index + 1}`}
                  data={segmentFieldOptions[rule.field].operators}
                  value={rule.operator}
                  onChange={(v) => {
                    if (!v) return;
                    const dayNow = takesDay(v) !== takesDay(rule.operator);
                    const value = dayNow
                      ? takesDay(v)
                        ? new Date().toISOString().slice(0, 10)
                        : 90
                      : rule.value;
                    change(index, { ...rule, operator: v, value });
                  }}
                  allowDeselect={false}
                />
                <RuleValue
                  rule={rule}
                  groups={groupOptions}
                  currency={store.baseCurrency}
                  onChange={(value) => change(index, { ...rule, value })}
                />
                <ActionIcon
                  variant="subtle"
                  aria-label={`Remove rule ${index + 1}`}
                  disabled={rules.length === 1}
                  onClick={() => setRules(rules.filter((_, i) => i !== index))}
                >
                  <IconTrash />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus />}
                onClick={() => setRules([...rules, defaultRule('tag')])}
              >
                Add rule
              </Button>
            </Group>
            <Alert color={preview.isError ? 'red' : 'blue'} aria-live="polite" data-testid="segment-count">
              {preview.isError
                ? 'These rules cannot be evaluated yet: check each value.'
                : preview.data
                  ? preview.data.total === 1
                    ? '1 customer matches now.'
                    : `${preview.data.total} customers match now.`
                  : 'Counting…'}
            </Alert>
            {preview.data && preview.data.items.length > 0 && (
              <Table aria-label="First matching customers">
                <Table.Tbody>
                  {preview.data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{customerName(c)}</Table.Td>
                      <Table.Td>{c.orderCount} orders</Table.Td>
                      <Table.Td ta="right">{formatMoney(c.totalSpent, store.baseCurrency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {writable && (
              <Group justify="end">
                <Button
                  loading={save.isPending}
                  disabled={!name.trim() || !complete(rules)}
                  onClick={() =>
                    save.mutate(
                      { id: editingId, body: { name, match, rules } },
                      {
                        onSuccess: ({ segment }) => setEditingId(segment.id),
                        onError: (err) => notifyError(err),
                      },
                    )
                  }
                >
                  {editingId ? 'Save segment' : 'Create segment'}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      </Group>
    </>
  );
}
