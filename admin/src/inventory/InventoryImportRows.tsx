import { Badge, Group, Pagination, Paper, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { InventoryImportChange, InventoryRowError } from './inventory-import-types.ts';
import { numberCell } from './StockTable.tsx';

const pageSize = 8;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * A page of a report's listed rows. The server lists the first 500 of each kind and counts all of
 * them, so the footer says when more exist than are shown.
 */
function PagedRows<T>({
  title,
  items,
  total,
  noun,
  color,
  minWidth,
  head,
  row,
}: {
  title: string;
  items: readonly T[];
  total: number;
  noun: [string, string];
  color: string;
  /** Narrower screens scroll the table sideways. */
  minWidth: number;
  head: ReactNode;
  row: (item: T, index: number) => ReactNode;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * pageSize, current * pageSize);
  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" px="md" py="xs" gap="xs">
        <Title order={3} size="h6">
          {title}
        </Title>
        <Badge color={color} variant="light">
          {plural(total, ...noun)}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table aria-label={title} verticalSpacing={6}>
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>{shown.map((item, i) => row(item, (current - 1) * pageSize + i))}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        gap="sm"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text size="xs" c="dimmed">
          {items.length < total
            ? `The first ${items.length.toLocaleString()} of ${total.toLocaleString()} are listed`
            : `${(current - 1) * pageSize + 1}–${(current - 1) * pageSize + shown.length} of ${items.length.toLocaleString()}`}
        </Text>
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : undefined,
            })}
          />
        ) : null}
      </Group>
    </Paper>
  );
}

/** Every row the import refuses: the file's line, the column as the file names it, and why. */
export function InventoryImportErrors({
  errors,
  total,
}: {
  errors: readonly InventoryRowError[];
  total: number;
}) {
  return (
    <PagedRows
      title="Rows with errors"
      items={errors}
      total={total}
      noun={['error', 'errors']}
      color="red"
      minWidth={360}
      head={
        <Table.Tr>
          <Table.Th w={64} ta="right">
            Row
          </Table.Th>
          <Table.Th w={140}>Column</Table.Th>
          <Table.Th>Problem</Table.Th>
        </Table.Tr>
      }
      row={(error, index) => (
        <Table.Tr key={`${index}-${error.row}-${error.code}`}>
          <Table.Td ta="right" style={numberCell}>
            {error.row}
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace">
              {error.column}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {error.message}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

/** Every level the import sets to another number: where, from what, to what. */
export function InventoryImportChanges({
  changes,
  total,
  dryRun,
}: {
  changes: readonly InventoryImportChange[];
  total: number;
  dryRun: boolean;
}) {
  return (
    <PagedRows
      title={dryRun ? 'Levels that will change' : 'Levels changed'}
      items={changes}
      total={total}
      noun={['level', 'levels']}
      color="indigo"
      minWidth={480}
      head={
        <Table.Tr>
          <Table.Th w={64} ta="right">
            Row
          </Table.Th>
          <Table.Th>SKU</Table.Th>
          <Table.Th>Location</Table.Th>
          <Table.Th ta="right">On hand</Table.Th>
          <Table.Th ta="right">Change</Table.Th>
        </Table.Tr>
      }
      row={(change) => {
        const delta = change.to - change.from;
        return (
          <Table.Tr key={`${change.row}`}>
            <Table.Td ta="right" style={numberCell}>
              {change.row}
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {change.sku ?? change.variantId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{change.location}</Text>
            </Table.Td>
            <Table.Td ta="right" style={numberCell}>
              {change.from.toLocaleString()} → {change.to.toLocaleString()}
            </Table.Td>
            <Table.Td ta="right" style={numberCell}>
              <Text size="sm" span c={delta > 0 ? 'teal.8' : 'red.8'} fw={600}>
                {delta > 0 ? `+${delta.toLocaleString()}` : `−${(-delta).toLocaleString()}`}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
}
