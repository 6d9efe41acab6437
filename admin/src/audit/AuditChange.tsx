import { Badge, Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../api/types.ts';
import { describeValue, diffJson, type FieldChangeKind } from './json-diff.ts';

const kindColors: Record<FieldChangeKind, string> = { added: 'teal', removed: 'red', changed: 'blue' };

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Code block style={{ maxHeight: 280, overflow: 'auto', fontSize: 12 }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

/** The before/after of one audited action: the changed fields first, then both snapshots in full. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const changes = diffJson(entry.before, entry.after);
  return (
    <Stack gap="md" py="xs">
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No field-level changes were recorded for this action.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Changed fields" verticalSpacing={6} highlightOnHover={false} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Before</Table.Th>
                <Table.Th>After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((change) => (
                <Table.Tr key={change.path || '(value)'}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="xs" ff="monospace" span>
                      {change.path || '(value)'}
                    </Text>{' '}
                    <Badge size="xs" color={kindColors[change.kind]}>
                      {change.kind}
                    </Badge>
                  </Table.Td>
                  <Table.Td bg={change.kind !== 'added' ? 'var(--mantine-color-red-0)' : undefined}>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                      {describeValue(change.before)}
                    </Text>
                  </Table.Td>
                  <Table.Td bg={change.kind !== 'removed' ? 'var(--mantine-color-teal-0)' : undefined}>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                      {describeValue(change.after)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Snapshot label="Before" value={entry.before} />
        <Snapshot label="After" value={entry.after} />
      </SimpleGrid>
    </Stack>
  );
}
