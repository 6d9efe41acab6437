import { Badge, Button, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconPlus, IconTruck } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { deliveryDaysText, rateTypeLabels, zoneDestinationsText } from './shipping-labels.ts';
import { shippingSetupQuery } from './shipping-queries.ts';
import { ZoneFormModal } from './ZoneFormModal.tsx';

/**
 * The store's shipping zones by name, each with where it ships and its rates at a glance; a zone's
 * page holds its rates. A destination is in one zone: region before country before rest of world.
 */
export function ZonesPanel() {
  const { store, can } = useCurrentStore();
  const writable = can('pricing:write');
  const navigate = useNavigate();
  const setup = useQuery(shippingSetupQuery(store.handle));
  const [creating, setCreating] = useState(false);
  const zones = setup.data?.zones ?? [];

  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={680}>
          A cart is charged the rates of the zone its address is in: a zone naming its region first, then one
          naming its country, then the rest of the world.
        </Text>
        {writable ? (
          <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
            Add zone
          </Button>
        ) : null}
      </Group>
      <Card withBorder padding={0} radius="md">
        {setup.isError ? (
          <Text c="red" p="md" role="alert">
            {setup.error.message}
          </Text>
        ) : setup.isPending ? (
          <ListSkeleton label="Loading shipping zones" />
        ) : zones.length === 0 ? (
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconTruck size={28} />}
            title="No shipping zones yet"
            description="Group the countries you ship to into zones (Germany, the EU, the rest of the world) and give each its rates."
          >
            {writable ? (
              <EmptyState.Actions>
                <Button leftSection={<IconPlus />} onClick={() => setCreating(true)}>
                  Add your first zone
                </Button>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Shipping zones" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Zone</Table.Th>
                  <Table.Th>Ships to</Table.Th>
                  <Table.Th>Rates</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {zones.map((zone) => {
                  const rates = setup.data!.rates.filter((r) => r.zoneId === zone.id);
                  return (
                    <Table.Tr key={zone.id}>
                      <Table.Td>
                        <Group gap={8} wrap="nowrap">
                          <AnchorLink
                            to="/stores/$store/shipping/zones/$zoneId"
                            params={{ store: store.handle, zoneId: zone.id }}
                            size="sm"
                            fw={600}
                          >
                            {zone.name}
                          </AnchorLink>
                          {zone.restOfWorld ? (
                            <Badge size="xs" variant="outline" color="gray">
                              Rest of world
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td maw={340}>
                        <Text size="sm" c={zone.restOfWorld ? 'dimmed' : undefined} lineClamp={2}>
                          {zoneDestinationsText(zone)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {rates.length === 0 ? (
                          <Text size="sm" c="orange">
                            No rates: nothing is offered here
                          </Text>
                        ) : (
                          <Stack gap={0}>
                            {rates.map((rate) => (
                              <Text key={rate.id} size="sm" c={rate.active ? undefined : 'dimmed'}>
                                {rate.name}{' '}
                                <Text span size="xs" c="dimmed">
                                  {[
                                    rateTypeLabels[rate.type],
                                    rate.estimate ? deliveryDaysText(rate.estimate) : null,
                                    rate.active ? null : 'inactive',
                                  ]
                                    .filter(Boolean)
                                    .join(' · ')}
                                </Text>
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {writable && creating ? (
        <ZoneFormModal
          zone={null}
          onClose={() => setCreating(false)}
          onSaved={(zoneId) =>
            void navigate({
              to: '/stores/$store/shipping/zones/$zoneId',
              params: { store: store.handle, zoneId },
            })
          }
        />
      ) : null}
    </>
  );
}
