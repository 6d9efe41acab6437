import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconArrowLeft, IconPlus, IconTrash, IconTruck } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { RowEditActions } from '../ui/RowEditActions.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { RateFormModal } from './RateFormModal.tsx';
import { deliveryDaysText, ratePriceText, rateTypeLabels, zoneDestinationsText } from './shipping-labels.ts';
import { shippingSetupQuery, useDeleteRate, useDeleteZone } from './shipping-queries.ts';
import type { ShippingRate, ShippingZone } from './shipping-types.ts';
import { formatWeight } from './weight-text.ts';
import { ZoneFormModal } from './ZoneFormModal.tsx';

const zoneRoute = getRouteApi('/signed-in/stores/$store/shipping/zones/$zoneId');

/** One shipping zone: where it ships and its rates, each with its amounts per currency. */
export function ZoneScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { zoneId } = zoneRoute.useParams();
  const setup = useQuery(shippingSetupQuery(store.handle));
  const back = (
    <ButtonLink
      to="/stores/$store/shipping"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Shipping
    </ButtonLink>
  );
  if (setup.isError) {
    return (
      <>
        <PageHeader title="Shipping zone" actions={back} />
        <Alert color="red" role="alert">
          {setup.error.message}
        </Alert>
      </>
    );
  }
  if (setup.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading shipping zone">
        <Skeleton height={40} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  const zone = setup.data.zones.find((z) => z.id === zoneId);
  if (!zone) {
    return (
      <>
        <PageHeader title="Shipping zone" actions={back} />
        <Alert color="gray" role="alert">
          This zone does not exist (any more).
        </Alert>
      </>
    );
  }
  return <ZonePage zone={zone} rates={setup.data.rates.filter((r) => r.zoneId === zone.id)} back={back} />;
}

function ZonePage({ zone, rates, back }: { zone: ShippingZone; rates: ShippingRate[]; back: ReactNode }) {
  const { store, can } = useCurrentStore();
  const navigate = zoneRoute.useNavigate();
  const writable = can('pricing:write');
  const [editingZone, setEditingZone] = useState(false);
  const [deletingZone, setDeletingZone] = useState(false);
  const [rateForm, setRateForm] = useState<{ rate: ShippingRate | null } | null>(null);
  const [deletingRate, setDeletingRate] = useState<ShippingRate | null>(null);
  const removeZone = useDeleteZone(store.handle);
  const removeRate = useDeleteRate(store.handle, zone.id);

  return (
    <>
      <PageHeader
        title={zone.name}
        badge={
          zone.restOfWorld ? (
            <Badge variant="outline" color="gray">
              Rest of world
            </Badge>
          ) : null
        }
        description={zoneDestinationsText(zone)}
        actions={
          <>
            {back}
            {writable ? (
              <>
                <Button variant="default" onClick={() => setEditingZone(true)}>
                  Edit zone
                </Button>
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDeletingZone(true)}
                >
                  Delete
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card withBorder padding={0} radius="md" component="section" aria-labelledby="zone-rates-title">
        <Group p="md" justify="space-between">
          <div>
            <Title order={3} size="h5" id="zone-rates-title">
              Rates
            </Title>
            <Text size="sm" c="dimmed">
              What shoppers here may choose at checkout, cheapest first.
            </Text>
          </div>
          {writable ? (
            <Button leftSection={<IconPlus />} onClick={() => setRateForm({ rate: null })}>
              Add rate
            </Button>
          ) : null}
        </Group>
        <div style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          {rates.length === 0 ? (
            <EmptyState
              py="xl"
              variant="light"
              icon={<IconTruck size={28} />}
              title="No rates yet"
              description="Shoppers in this zone cannot choose delivery until it has a rate: flat, by weight or by order value."
            />
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label="Shipping rates" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Rate</Table.Th>
                    <Table.Th>Amounts</Table.Th>
                    <Table.Th>Weight</Table.Th>
                    <Table.Th>Delivery</Table.Th>
                    <Table.Th>Status</Table.Th>
                    {writable ? (
                      <Table.Th w={150}>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.map((rate) => (
                    <Table.Tr key={rate.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {rate.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {rateTypeLabels[rate.type]}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Stack gap={2}>
                          {rate.prices.map((price) => (
                            <Text key={price.currency} size="sm">
                              <Text span size="xs" c="dimmed" fw={600}>
                                {price.currency}
                              </Text>{' '}
                              {ratePriceText(price, rate.type)}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          c={
                            rate.minWeightGrams === null && rate.maxWeightGrams === null
                              ? 'dimmed'
                              : undefined
                          }
                        >
                          {rate.minWeightGrams === null && rate.maxWeightGrams === null
                            ? 'Any'
                            : [
                                rate.minWeightGrams !== null
                                  ? `from ${formatWeight(rate.minWeightGrams)}`
                                  : null,
                                rate.maxWeightGrams !== null
                                  ? `up to ${formatWeight(rate.maxWeightGrams)}`
                                  : null,
                              ]
                                .filter(Boolean)
                                .join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={rate.estimate ? undefined : 'dimmed'}>
                          {deliveryDaysText(rate.estimate)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ActiveBadge active={rate.active} size="sm" />
                      </Table.Td>
                      {writable ? (
                        <Table.Td>
                          <RowEditActions
                            name={rate.name}
                            onEdit={() => setRateForm({ rate })}
                            onDelete={() => setDeletingRate(rate)}
                          />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </div>
      </Card>
      {writable && editingZone ? <ZoneFormModal zone={zone} onClose={() => setEditingZone(false)} /> : null}
      {writable && rateForm ? (
        <RateFormModal
          zoneId={zone.id}
          zoneName={zone.name}
          rate={rateForm.rate}
          onClose={() => setRateForm(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={deletingZone}
        title="Delete shipping zone?"
        confirmLabel="Delete zone"
        loading={removeZone.isPending}
        onCancel={() => setDeletingZone(false)}
        onConfirm={() =>
          removeZone.mutate(zone.id, {
            onSuccess: () => {
              notifySuccess(`${zone.name} deleted.`);
              void navigate({ to: '/stores/$store/shipping', params: { store: store.handle } });
            },
            onError: (error) => notifyError(error, 'Not deleted'),
          })
        }
      >
        {`${zone.name} and its ${rates.length} rate${rates.length === 1 ? '' : 's'} go. Its destinations fall to the rest-of-world zone, if there is one, or cannot be shipped to.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={deletingRate !== null}
        title="Delete rate?"
        confirmLabel="Delete rate"
        loading={removeRate.isPending}
        onCancel={() => setDeletingRate(null)}
        onConfirm={() =>
          deletingRate &&
          removeRate.mutate(deletingRate.id, {
            onSuccess: () => {
              notifySuccess(`${deletingRate.name} deleted.`);
              setDeletingRate(null);
            },
            onError: (error) => notifyError(error, 'Not deleted'),
          })
        }
      >
        {deletingRate
          ? `${deletingRate.name} is no longer offered in ${zone.name}. To stop offering it for a while, make it inactive instead.`
          : ''}
      </ConfirmDialog>
    </>
  );
}
