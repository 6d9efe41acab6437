import {
  Button,
  Card,
  EmptyState,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { countryListText, countryOptions } from '../countries/country-names.ts';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ActiveBadge } from '../ui/ActiveBadge.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { IconMapPin, IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { RowEditActions } from '../ui/RowEditActions.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { readyInText } from './shipping-labels.ts';
import { shippingSetupQuery, useDeletePickup, useSavePickup } from './shipping-queries.ts';
import type { PickupOption } from './shipping-types.ts';

/** Where shoppers may collect their order instead of having it delivered: one option per location. */
export function PickupPanel() {
  const { store, can } = useCurrentStore();
  const writable = can('pricing:write');
  const setup = useQuery(shippingSetupQuery(store.handle));
  const locations = useQuery(locationsQuery(store.handle));
  const remove = useDeletePickup(store.handle);
  const [form, setForm] = useState<{ pickup: PickupOption | null } | null>(null);
  const [deleting, setDeleting] = useState<PickupOption | null>(null);
  const pickups = setup.data?.pickups ?? [];
  const noLocations = locations.data !== undefined && locations.data.filter((l) => l.active).length === 0;

  return (
    <>
      <Group justify="space-between" mb="md" gap="sm">
        <Text size="sm" c="dimmed" maw={680}>
          Pick-up is free. Shoppers of the countries an option lists are offered it beside delivery.
        </Text>
        {writable && !noLocations ? (
          <Button leftSection={<IconPlus />} onClick={() => setForm({ pickup: null })}>
            Add pick-up
          </Button>
        ) : null}
      </Group>
      <Card withBorder padding={0} radius="md">
        {setup.isError ? (
          <Text c="red" p="md" role="alert">
            {setup.error.message}
          </Text>
        ) : setup.isPending ? (
          <ListSkeleton label="Loading pick-up options" rows={2} />
        ) : pickups.length === 0 ? (
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconMapPin size={28} />}
            title="No pick-up options"
            description={
              noLocations
                ? 'Pick-up happens at one of your locations (a shop or a warehouse). Add a location first.'
                : 'Let shoppers collect orders at one of your locations: a shop, or click-and-collect from a warehouse.'
            }
          >
            {writable && noLocations ? (
              <EmptyState.Actions>
                <ButtonLink to="/stores/$store/locations" params={{ store: store.handle }} variant="light">
                  Go to locations
                </ButtonLink>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Pick-up options" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pick-up</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Ready in</Table.Th>
                  <Table.Th>Offered in</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {writable ? (
                    <Table.Th w={150}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pickups.map((pickup) => (
                  <Table.Tr key={pickup.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {pickup.name}
                      </Text>
                      {pickup.instructions ? (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {pickup.instructions}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={pickup.location?.active ? undefined : 'red'}>
                        {pickup.location
                          ? `${pickup.location.name}${pickup.location.active ? '' : ' (inactive)'}`
                          : 'Deleted location'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{readyInText(pickup.readyIn)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{countryListText(pickup.countries)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={pickup.active} size="sm" />
                    </Table.Td>
                    {writable ? (
                      <Table.Td>
                        <RowEditActions
                          name={pickup.name}
                          onEdit={() => setForm({ pickup })}
                          onDelete={() => setDeleting(pickup)}
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {writable && form ? <PickupFormModal pickup={form.pickup} onClose={() => setForm(null)} /> : null}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete pick-up option?"
        confirmLabel="Delete"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(`${deleting.name} deleted.`);
              setDeleting(null);
            },
            onError: (error) => notifyError(error, 'Not deleted'),
          })
        }
      >
        {deleting
          ? `Shoppers can no longer collect orders at ${deleting.location?.name ?? 'this location'}.`
          : ''}
      </ConfirmDialog>
    </>
  );
}

type Field = 'locationId' | 'name' | 'instructions' | 'readyIn' | 'countries' | 'active';
const fieldFor: Record<string, Field> = {
  locationId: 'locationId',
  name: 'name',
  instructions: 'instructions',
  readyIn: 'readyIn',
  value: 'readyIn',
  unit: 'readyIn',
  countries: 'countries',
  active: 'active',
};
type ReadyUnit = 'minutes' | 'hours' | 'days';

function PickupFormModal({ pickup, onClose }: { pickup: PickupOption | null; onClose: () => void }) {
  const { store } = useCurrentStore();
  const save = useSavePickup(store.handle);
  const locations = useQuery(locationsQuery(store.handle));
  const [locationId, setLocationId] = useState<string | null>(pickup?.location?.id ?? null);
  const [name, setName] = useState(pickup?.name ?? '');
  const [instructions, setInstructions] = useState(pickup?.instructions ?? '');
  const inHours =
    pickup?.readyIn?.unit === 'minutes' && pickup.readyIn.value % 60 === 0 && pickup.readyIn.value > 0;
  const [readyValue, setReadyValue] = useState<number | string>(
    pickup?.readyIn ? (inHours ? pickup.readyIn.value / 60 : pickup.readyIn.value) : '',
  );
  const [readyUnit, setReadyUnit] = useState<ReadyUnit>(
    pickup?.readyIn ? (inHours ? 'hours' : pickup.readyIn.unit) : 'hours',
  );
  const [countries, setCountries] = useState<string[]>(pickup?.countries ?? []);
  const [active, setActive] = useState(pickup?.active ?? true);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!locationId) found.locationId = 'Choose where orders are collected.';
    if (!name.trim()) found.name = 'Name it as shoppers see it, e.g. Pick up at our Berlin shop.';
    if (
      readyValue !== '' &&
      (typeof readyValue !== 'number' || !Number.isInteger(readyValue) || readyValue < 0)
    ) {
      found.readyIn = 'A whole number, or empty.';
    }
    if (!showFound(found)) return;
    const readyIn =
      typeof readyValue === 'number'
        ? readyUnit === 'hours'
          ? { value: readyValue * 60, unit: 'minutes' as const }
          : { value: readyValue, unit: readyUnit }
        : null;
    save.mutate(
      {
        id: pickup?.id ?? null,
        input: {
          locationId: locationId!,
          name: name.trim(),
          instructions: instructions.trim() || null,
          readyIn,
          ...(countries.length > 0 ? { countries } : {}),
          active,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`${name.trim()} ${pickup ? 'saved' : 'added'}.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={pickup ? `Edit ${pickup.name}` : 'Add pick-up option'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Location"
              placeholder="Choose a location"
              data={(locations.data ?? []).map((l) => ({
                value: l.id,
                label: l.active ? l.name : `${l.name} (inactive)`,
              }))}
              value={locationId}
              onChange={setLocationId}
              error={errors.locationId}
              required
              data-autofocus
            />
            <TextInput
              label="Name"
              placeholder="Pick up at our Berlin shop"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={120}
              required
            />
          </SimpleGrid>
          <Textarea
            label="Instructions"
            description="Shown to shoppers who choose it: opening hours, what to bring."
            value={instructions}
            onChange={(e) => setInstructions(e.currentTarget.value)}
            error={errors.instructions}
            autosize
            minRows={2}
            maxLength={2000}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Group gap="sm" align="flex-start" grow>
            <NumberInput
              label="Ready in"
              placeholder="not said"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={readyValue}
              onChange={setReadyValue}
              error={errors.readyIn}
            />
            <Select
              label="Unit"
              data={[
                { value: 'minutes', label: 'minutes' },
                { value: 'hours', label: 'hours' },
                { value: 'days', label: 'business days' },
              ]}
              value={readyUnit}
              onChange={(value) => value && setReadyUnit(value as ReadyUnit)}
              allowDeselect={false}
            />
          </Group>
          <MultiSelect
            label="Offered to shoppers in"
            description="Empty: the location’s own country."
            placeholder={countries.length === 0 ? 'The location’s country' : undefined}
            data={countryOptions}
            value={countries}
            onChange={setCountries}
            error={errors.countries}
            searchable
            clearable
            hidePickedOptions
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Switch
            label="Active"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            error={errors.active}
          />
          <FormFooter
            general={general}
            submitLabel={pickup ? 'Save' : 'Add pick-up'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
