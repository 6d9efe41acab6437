import { Button, Center, Table, Text } from '@mantine/core';
import { formatDateTime } from '../ui/format-date.ts';
import { adjustmentReasonLabels, movementKindLabels, signed } from './inventory-labels.ts';
import type { LedgerEntry } from './inventory-types.ts';
import { numberCell } from './StockTable.tsx';

const referenceLabels: Record<string, string> = {
  order: 'Order',
  purchase_order: 'Purchase order',
  transfer: 'Transfer',
  count: 'Count',
  reservation: 'Reservation',
  import: 'Import',
};

/** The ledger of one variant, newest first: what changed on hand, by how much, why, and who did it. */
export function LedgerHistory({
  entries,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  entries: LedgerEntry[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No changes yet. Adjustments, receipts, sales and returns will be listed here.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={680}>
        <Table aria-label="Stock history" verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Location</Table.Th>
              <Table.Th ta="right">Change</Table.Th>
              <Table.Th ta="right">Balance</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Who</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td miw={96}>
                  <Text size="xs">{formatDateTime(entry.createdAt)}</Text>
                </Table.Td>
                <Table.Td miw={170}>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {movementKindLabels[entry.kind] ?? entry.kind}
                  </Text>
                  {entry.reason || entry.note ? (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {[
                        entry.reason ? (adjustmentReasonLabels[entry.reason] ?? entry.reason) : null,
                        entry.note,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.locationName}</Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  <Text span size="sm" fw={600} c={entry.quantity < 0 ? 'red.7' : 'teal.8'}>
                    {signed(entry.quantity)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {entry.onHandAfter}
                </Table.Td>
                <Table.Td>
                  {entry.referenceType ? (
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {referenceLabels[entry.referenceType] ?? entry.referenceType}
                      {entry.referenceId ? (
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {' '}
                          {entry.referenceId}
                        </Text>
                      ) : null}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={130}>
                  <Text size="xs" truncate="end" title={entry.actorLabel}>
                    {entry.actorLabel}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore ? (
        <Center>
          <Button variant="subtle" size="xs" onClick={onLoadMore} loading={loadingMore}>
            Load more
          </Button>
        </Center>
      ) : null}
    </>
  );
}
