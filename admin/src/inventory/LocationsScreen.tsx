import { Button, Card, EmptyState, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconArrowLeft, IconMapPin, IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { InventorySettingsCard } from './InventorySettingsCard.tsx';
import { locationKindLabels } from './inventory-labels.ts';
import { locationsQuery } from './inventory-queries.ts';
import type { InventoryLocation, LocationAddress } from './inventory-types.ts';
import { LocationFormModal } from './LocationFormModal.tsx';
import { numberCell } from './StockTable.tsx';

const locationsRoute = getRouteApi('/signed-in/stores/$store/locations');

function addressLine(address: LocationAddress): string {
  const place = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, place, address.region, address.country].filter(Boolean).join(', ');
}

/** The store's locations in fulfilment order, their editor, and the reservation settings. * (The return type is written out: the router's types include the screens', so inferring it would
 * go round in a circle and leave every route's search untyped.)
 */
export function LocationsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const search = locationsRoute.useSearch();
  const navigate = locationsRoute.useNavigate();
  const locations = useQuery(locationsQuery(store.handle));
  const [editing, setEditing] = useState<InventoryLocation | null>(null);
  // `?adding` (from the inventory screen's "Add your first location") opens the form at once.
  const creating = Boolean(search.adding);
  const setCreating = (open: boolean) =>
    void navigate({ search: (prev) => ({ ...prev, adding: open || undefined }), replace: true });
  const writable = can('inventory:write');
  const list = locations.data ?? [];
  const nextPriority = list.length
    ? Math.min(1000, Math.max(...list.map((l) => l.fulfilmentPriority)) + 1)
    : 0;

  return (
    <>
      <PageHeader
        title="Locations"
        description="Where your stock is kept. Orders take stock from the first location in this list that has it."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/inventory"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              Inventory
            </ButtonLink>
            {writable && list.length > 0 ? (
              <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                Add location
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding={0} radius="md">
          {locations.isError ? (
            <Text c="red" p="md" role="alert">
              {locations.error.message}
            </Text>
          ) : locations.isPending ? (
            <ListSkeleton label="Loading locations" />
          ) : list.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconMapPin size={28} />}
              variant="light"
              title="No locations yet"
              description="A location is a place that holds stock: your warehouse, a shop, a fulfilment partner. Add the first one to start counting stock."
            >
              {writable ? (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                    Add your first location
                  </Button>
                </EmptyState.Actions>
              ) : null}
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={620}>
              <Table aria-label="Locations" verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={90} ta="right">
                      Priority
                    </Table.Th>
                    <Table.Th>Location</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Status</Table.Th>
                    {writable ? <Table.Th w={90} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((location) => (
                    <Table.Tr key={location.id}>
                      <Table.Td ta="right" style={numberCell}>
                        {location.fulfilmentPriority}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {location.name}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {addressLine(location.address) || 'No address'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{locationKindLabels[location.kind] ?? location.kind}</Text>
                      </Table.Td>
                      <Table.Td>
                        <ActiveBadge active={location.active} size="sm" />
                      </Table.Td>
                      {writable ? (
                        <Table.Td ta="right">
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => setEditing(location)}
                            aria-label={`Edit ${location.name}`}
                          >
                            Edit
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
        <InventorySettingsCard />
      </Stack>
      {writable && (creating || editing) ? (
        <LocationFormModal
          key={editing?.id ?? 'new'}
          location={editing}
          nextPriority={nextPriority}
          onClose={() => {
            setEditing(null);
            setCreating(false);
          }}
        />
      ) : null}
    </>
  );
}
