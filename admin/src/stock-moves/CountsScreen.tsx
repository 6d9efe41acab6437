import { Alert, Button, Card, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { countsQuery, useCreateCount } from './stock-move-queries.ts';
import { CountStateBadge } from './TransferStateBadge.tsx';

const countsRoute = getRouteApi('/signed-in/stores/$store/counts');

/** Stock counts newest first, and starting a count sheet for a location. */
export function CountsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const navigate = countsRoute.useNavigate();
  const counts = useInfiniteQuery(countsQuery(store.handle, undefined));
  const [creating, setCreating] = useState(false);
  const items = counts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Counts"
        description="Count what is on the shelves; applying a count sets on hand to what was counted."
        actions={
          can('inventory:write') ? (
            <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
              New count
            </Button>
          ) : null
        }
      />
      <Card withBorder padding={0} radius="md">
        {counts.isError ? (
          <Text c="red" p="md" role="alert">
            {counts.error.message}
          </Text>
        ) : counts.isPending ? (
          <ListSkeleton label="Loading counts" />
        ) : items.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            No counts yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" aria-label="Counts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Count</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th ta="right">Counted</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/stores/$store/counts/$countId"
                        params={{ store: store.handle, countId: c.id }}
                        fw={600}
                      >
                        {c.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{c.locationName}</Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {c.countedLines} of {c.lineCount}
                    </Table.Td>
                    <Table.Td>
                      <CountStateBadge state={c.state} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {counts.hasNextPage ? (
          <Group justify="center" p="md">
            <Button
              variant="default"
              onClick={() => void counts.fetchNextPage()}
              loading={counts.isFetchingNextPage}
            >
              Load older counts
            </Button>
          </Group>
        ) : null}
      </Card>
      <NewCountModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) =>
          void navigate({
            to: '/stores/$store/counts/$countId',
            params: { store: store.handle, countId: id },
          })
        }
      />
    </>
  );
}

function NewCountModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { store } = useCurrentStore();
  const locations = useQuery({ ...locationsQuery(store.handle), enabled: opened });
  const [locationId, setLocationId] = useState<string | null>(null);
  const create = useCreateCount(store.handle);
  const close = () => {
    setLocationId(null);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New count">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The sheet lists every tracked variant with stock recorded at the location, with what is on hand now.
        </Text>
        <Select
          label="Location"
          data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={setLocationId}
        />
        {create.error ? (
          <Alert color="red" role="alert">
            {create.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!locationId}
            loading={create.isPending}
            onClick={() =>
              locationId &&
              create.mutate(
                { locationId },
                {
                  onSuccess: (report) => {
                    close();
                    onCreated(report.count.id);
                  },
                },
              )
            }
          >
            Start count
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
