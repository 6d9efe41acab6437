import { Button, Card, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { IconArrowLeft, IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { ChannelFormModal } from './ChannelFormModal.tsx';
import { channelKindLabels } from './channel-labels.ts';
import { channelLocationsText } from './channel-locations.ts';
import { channelsQuery } from './channel-queries.ts';
import type { SalesChannel } from './channel-types.ts';
import { DeleteChannelDialog } from './DeleteChannelDialog.tsx';

/**
 * The store's sales channels by name: where each sells from and what it holds back, with the editor.
 * (Return type written out: see LocationsScreen.)
 */
export function ChannelsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  // The first read makes the store's "Online store" channel, so the list is never empty.
  const channels = useQuery(channelsQuery(store.handle));
  const locations = useQuery(locationsQuery(store.handle));
  const [editing, setEditing] = useState<SalesChannel | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<SalesChannel | null>(null);
  const writable = can('inventory:write');

  return (
    <>
      <PageHeader
        title="Sales channels"
        description="The places you sell. Each channel may sell the available stock of its locations, less a safety buffer; other systems read it here or are told of every change."
        actions={
          <>
            <ButtonLink
              to="/stores/$store/locations"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              Locations
            </ButtonLink>
            {writable ? (
              <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                Add channel
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder padding={0} radius="md">
        {channels.isError ? (
          <Text c="red" p="md" role="alert">
            {channels.error.message}
          </Text>
        ) : channels.isPending ? (
          <ListSkeleton label="Loading sales channels" />
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table aria-label="Sales channels" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Sells from</Table.Th>
                  <Table.Th ta="right">Buffer</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {writable ? (
                    <Table.Th w={150}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {channels.data.map((channel) => (
                  <Table.Tr key={channel.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/stores/$store/channels/$channelId"
                        params={{ store: store.handle, channelId: channel.id }}
                        size="sm"
                        fw={600}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {channel.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{channelKindLabels[channel.kind] ?? channel.kind}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={channel.locationIds.length === 0 ? 'dimmed' : undefined}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {channelLocationsText(channel, locations.data)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {channel.safetyBuffer > 0 ? channel.safetyBuffer.toLocaleString() : '—'}
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={channel.active} size="sm" />
                    </Table.Td>
                    {writable ? (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => setEditing(channel)}
                            aria-label={`Edit ${channel.name}`}
                          >
                            Edit
                          </Button>
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            onClick={() => setDeleting(channel)}
                            aria-label={`Remove ${channel.name}`}
                          >
                            Remove
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {writable && (creating || editing) ? (
        <ChannelFormModal
          key={editing?.id ?? 'new'}
          channel={editing}
          onClose={() => {
            setEditing(null);
            setCreating(false);
          }}
        />
      ) : null}
      {writable ? <DeleteChannelDialog channel={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
