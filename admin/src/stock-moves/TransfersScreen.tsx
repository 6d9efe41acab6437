import { Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { NewTransferModal } from './NewTransferModal.tsx';
import { transfersQuery } from './stock-move-queries.ts';
import { type TransferState, transferStateLabels } from './stock-move-types.ts';
import { TransferStateBadge } from './TransferStateBadge.tsx';

const transfersRoute = getRouteApi('/signed-in/stores/$store/transfers');

export interface TransfersSearch {
  state?: TransferState;
}

export function parseTransfersSearch(search: Record<string, unknown>): TransfersSearch {
  return typeof search.state === 'string' && Object.hasOwn(transferStateLabels, search.state)
    ? { state: search.state as TransferState }
    : {};
}

/** Transfers newest first, by state (kept in the URL), and the way to draft a new one. */
export function TransfersScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = transfersRoute.useSearch();
  const navigate = transfersRoute.useNavigate();
  const transfers = useInfiniteQuery(transfersQuery(store.handle, search.state));
  const [creating, setCreating] = useState(false);
  const items = transfers.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Transfers"
        description="Stock moving between your locations. Nothing moves until a transfer is shipped."
        actions={
          can('inventory:write') ? (
            <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
              New transfer
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="State"
          w="fit-content"
          value={search.state ?? 'all'}
          onChange={(value) =>
            void navigate({
              search: { state: value === 'all' ? undefined : (value as TransferState) },
              replace: true,
            })
          }
          data={[
            { value: 'all', label: 'All' },
            ...Object.entries(transferStateLabels).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Card withBorder padding={0} radius="md">
          {transfers.isError ? (
            <Text c="red" p="md" role="alert">
              {transfers.error.message}
            </Text>
          ) : transfers.isPending ? (
            <ListSkeleton label="Loading transfers" />
          ) : items.length === 0 ? (
            <Text c="dimmed" p="xl" ta="center">
              {search.state ? 'No transfers in this state.' : 'No transfers yet.'}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" aria-label="Transfers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Transfer</Table.Th>
                    <Table.Th>From</Table.Th>
                    <Table.Th>To</Table.Th>
                    <Table.Th ta="right">Units</Table.Th>
                    <Table.Th ta="right">Received</Table.Th>
                    <Table.Th>State</Table.Th>
                    <Table.Th>Created</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/stores/$store/transfers/$transferId"
                          params={{ store: store.handle, transferId: t.id }}
                          fw={600}
                        >
                          {t.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{t.fromLocationName}</Table.Td>
                      <Table.Td>{t.toLocationName}</Table.Td>
                      <Table.Td ta="right" style={numberCell}>
                        {t.units}
                      </Table.Td>
                      <Table.Td ta="right" style={numberCell}>
                        {t.unitsReceived}
                      </Table.Td>
                      <Table.Td>
                        <TransferStateBadge state={t.state} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {transfers.hasNextPage ? (
            <Group justify="center" p="md">
              <Button
                variant="default"
                onClick={() => void transfers.fetchNextPage()}
                loading={transfers.isFetchingNextPage}
              >
                Load older transfers
              </Button>
            </Group>
          ) : null}
        </Card>
      </Stack>
      <NewTransferModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) =>
          void navigate({
            to: '/stores/$store/transfers/$transferId',
            params: { store: store.handle, transferId: id },
          })
        }
      />
    </>
  );
}
