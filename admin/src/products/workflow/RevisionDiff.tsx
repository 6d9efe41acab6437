import { Alert, Badge, Card, Group, Image, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../ui/format-date.ts';
import { fieldLabel, formatDiffValue, shortImageAddress } from './diff-values.ts';
import { revisionStateLabels } from './WorkflowStateBadge.tsx';
import type {
  ContentDiff,
  FieldChange,
  ItemChange,
  Revision,
  TranslationPieceChange,
} from './workflow-types.ts';

const changeColors: Record<ItemChange['change'], string> = {
  added: 'teal',
  removed: 'red',
  changed: 'yellow',
  moved: 'gray',
};

/** Long text (descriptions) scrolls in its cell rather than stretching the table. */
function TextValue({ value, tone }: { value: string; tone: 'before' | 'after' }) {
  return (
    <Text
      size="sm"
      c={tone === 'before' ? 'dimmed' : undefined}
      td={tone === 'before' ? 'line-through' : undefined}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '10rem', overflowY: 'auto' }}
    >
      {value}
    </Text>
  );
}

/** Images are named by their address: the reviewer sees the picture itself beside it. */
function ItemList({ items, currency, images }: { items: ItemChange[]; currency: string; images?: boolean }) {
  return (
    <List spacing={4} size="sm" listStyleType="none">
      {items.map((item) => (
        <List.Item key={`${item.change}:${item.label}`}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="light" color={changeColors[item.change]} style={{ flexShrink: 0 }}>
              {item.change}
            </Badge>
            {images ? (
              <Image
                src={item.label}
                alt=""
                w={40}
                h={40}
                radius="sm"
                fit="cover"
                style={{ flexShrink: 0 }}
              />
            ) : null}
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {images ? shortImageAddress(item.label) : item.label}
              </Text>
              {item.fields.map((f) => (
                <Text size="xs" c="dimmed" key={f.field}>
                  {fieldLabel(f.field)}: {formatDiffValue(f.field, f.before, currency)} →{' '}
                  <Text span size="xs" c="var(--mantine-color-text)" fw={500}>
                    {formatDiffValue(f.field, f.after, currency)}
                  </Text>
                </Text>
              ))}
            </Stack>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** A locale's translated pieces: what each said (struck through) and what it will say. */
function TranslationList({ items }: { items: TranslationPieceChange[] }) {
  return (
    <List spacing={4} size="sm" listStyleType="none">
      {items.map((item) => (
        <List.Item key={`${item.field}:${item.label ?? ''}`}>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {fieldLabel(item.field)}
              {item.label ? ` · ${item.field === 'alt' ? shortImageAddress(item.label) : item.label}` : ''}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              <Text span size="xs" td={item.before ? 'line-through' : undefined}>
                {item.before ?? 'not translated'}
              </Text>{' '}
              →{' '}
              <Text span size="xs" c="var(--mantine-color-text)" fw={500}>
                {item.after ?? 'not translated'}
              </Text>
            </Text>
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}

/** Lists (variants, images) and translations span both columns: each item says what it was and is. */
const spansBoth = (change: FieldChange) => change.kind === 'list' || change.kind === 'translation';

function cells(change: FieldChange, currency: string): [ReactNode, ReactNode] {
  switch (change.kind) {
    case 'text':
      return [
        <TextValue key="b" tone="before" value={formatDiffValue(change.field, change.before, currency)} />,
        <TextValue key="a" tone="after" value={formatDiffValue(change.field, change.after, currency)} />,
      ];
    case 'tags':
      return [
        <Group key="b" gap={4}>
          {change.removed.length === 0 ? <Text size="sm">—</Text> : null}
          {change.removed.map((t) => (
            <Badge key={t} color="red" variant="light" style={{ textDecoration: 'line-through' }}>
              {t}
            </Badge>
          ))}
        </Group>,
        <Group key="a" gap={4}>
          {change.added.length === 0 ? <Text size="sm">—</Text> : null}
          {change.added.map((t) => (
            <Badge key={t} color="teal" variant="light">
              {t}
            </Badge>
          ))}
        </Group>,
      ];
    case 'price':
      return [
        <TextValue key="b" tone="before" value={formatDiffValue('price', change.before, currency)} />,
        <TextValue key="a" tone="after" value={formatDiffValue('price', change.after, currency)} />,
      ];
    case 'options': {
      const show = (options: { name: string; values: string[] }[]) =>
        options.length === 0 ? '—' : options.map((o) => `${o.name}: ${o.values.join(', ')}`).join('\n');
      return [
        <TextValue key="b" tone="before" value={show(change.before)} />,
        <TextValue key="a" tone="after" value={show(change.after)} />,
      ];
    }
    case 'list':
      return [
        null,
        <ItemList key="a" items={change.items} currency={currency} images={change.field === 'images'} />,
      ];
    case 'translation':
      return [null, <TranslationList key="a" items={change.items} />];
  }
}

function DiffTable({ diff }: { diff: ContentDiff }) {
  if (diff.fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No differences from the live product.
      </Text>
    );
  }
  const isNew = diff.against === 'nothing';
  return (
    <Table layout="fixed" verticalSpacing="xs" withRowBorders aria-label="Changes against the live product">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">Field</Table.Th>
          {isNew ? null : <Table.Th>Live now</Table.Th>}
          <Table.Th>{isNew ? 'Content to publish' : 'Proposed'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {diff.fields.map((change) => {
          const [before, after] = cells(change, diff.currency);
          return (
            <Table.Tr key={change.field} data-field={change.field}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {fieldLabel(change.field)}
                </Text>
              </Table.Td>
              {isNew ? null : spansBoth(change) ? null : <Table.Td>{before}</Table.Td>}
              <Table.Td colSpan={!isNew && spansBoth(change) ? 2 : 1}>{after}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The open revision as a reviewer reads it: who proposed what and why, the reviewer's comment, and
 * the field-by-field difference from what the storefront shows now.
 */
export function RevisionDiff({ revision }: { revision: Revision }) {
  const heading =
    revision.kind === 'staged'
      ? `Revision ${revision.number}: changes to the live product`
      : `Revision ${revision.number}: the product for review`;
  return (
    <Card withBorder radius="md" padding="lg" mb="lg" data-testid="revision-diff">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h5">
          {heading}
        </Title>
        <Badge variant="light" color={revision.state === 'changes_requested' ? 'red' : 'yellow'}>
          {revisionStateLabels[revision.state]}
        </Badge>
      </Group>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          Proposed by {revision.createdBy?.label ?? 'someone'} on {formatDateTime(revision.createdAt)}
          {revision.submittedAt
            ? ` · sent for review by ${revision.submittedBy?.label ?? 'someone'} on ${formatDateTime(revision.submittedAt)}`
            : ''}
        </Text>
        {revision.note ? (
          <Alert variant="light" color="blue" title="Note from the editor">
            {revision.note}
          </Alert>
        ) : null}
        {revision.reviewComment ? (
          <Alert
            variant="light"
            color={revision.state === 'changes_requested' ? 'red' : 'teal'}
            title={`${revision.state === 'changes_requested' ? 'Changes requested' : 'Reviewer'} (${revision.reviewedBy?.label ?? 'reviewer'})`}
          >
            {revision.reviewComment}
          </Alert>
        ) : null}
        {revision.diff ? <DiffTable diff={revision.diff} /> : null}
      </Stack>
    </Card>
  );
}
