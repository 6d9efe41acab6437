import { Divider, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { locationKindLabels } from './inventory-labels.ts';
import { type LocationInput, useSaveLocation } from './inventory-queries.ts';
import type { InventoryLocation, LocationAddress, LocationKind } from './inventory-types.ts';

const addressFields = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
type AddressField = (typeof addressFields)[number];
type Field = 'name' | 'kind' | 'priority' | AddressField;
const fieldFor: Record<string, Field> = {
  name: 'name',
  kind: 'kind',
  fulfilmentPriority: 'priority',
  ...Object.fromEntries(addressFields.map((f) => [f, f])),
};

const kinds = (Object.keys(locationKindLabels) as LocationKind[]).map((value) => ({
  value,
  label: locationKindLabels[value],
}));

/** Creates a location (`location` null) or changes one; the server's objections show on their fields. */
export function LocationFormModal({
  location,
  nextPriority,
  onClose,
}: {
  location: InventoryLocation | null;
  /** The priority a new location gets unless changed: after the existing ones. */
  nextPriority: number;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveLocation(store.handle);
  const [name, setName] = useState(location?.name ?? '');
  const [kind, setKind] = useState<LocationKind>(location?.kind ?? 'warehouse');
  const [address, setAddress] = useState<Record<AddressField, string>>(
    () =>
      Object.fromEntries(addressFields.map((f) => [f, location?.address[f] ?? ''])) as Record<
        AddressField,
        string
      >,
  );
  const [priority, setPriority] = useState<number | string>(location?.fulfilmentPriority ?? nextPriority);
  const [active, setActive] = useState(location?.active ?? true);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const addressInput = (
    field: AddressField,
    label: string,
    extra: { placeholder?: string; maxLength?: number } = {},
  ) => (
    <TextInput
      label={label}
      value={address[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setAddress((a) => ({ ...a, [field]: value }));
      }}
      error={errors[field]}
      {...extra}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the location a name.';
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 1000) {
      found.priority = 'Use a whole number from 0 to 1000.';
    }
    if (!showFound(found)) return;
    const sentAddress: LocationAddress = {};
    for (const field of addressFields) {
      const value = address[field].trim();
      if (value) sentAddress[field] = value;
    }
    const input: LocationInput = {
      name: name.trim(),
      kind,
      address: sentAddress,
      fulfilmentPriority: priority as number,
      active,
    };
    save.mutate(
      { id: location?.id ?? null, input },
      {
        onSuccess: (saved) => {
          notifySuccess(location ? `${saved.name} saved.` : `${saved.name} added.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={location ? `Edit ${location.name}` : 'Add location'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Name"
              placeholder="Main warehouse"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={120}
              required
              data-autofocus
            />
            <Select
              label="Kind"
              data={kinds}
              value={kind}
              onChange={(value) => value && setKind(value as LocationKind)}
              allowDeselect={false}
              error={errors.kind}
              required
            />
          </SimpleGrid>
          <Divider label="Address" labelPosition="left" mt="xs" />
          {addressInput('line1', 'Street and number')}
          {addressInput('line2', 'Address line 2', { placeholder: 'Building, unit (optional)' })}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {addressInput('postalCode', 'Postal code', { maxLength: 20 })}
            {addressInput('city', 'City')}
            {addressInput('region', 'Region')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {addressInput('country', 'Country code', { placeholder: 'DE', maxLength: 2 })}
            <NumberInput
              label="Fulfilment priority"
              description="Orders take stock from the lowest number first."
              min={0}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              value={priority}
              onChange={setPriority}
              error={errors.priority}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <Switch
            label="Active"
            description="Inactive locations keep their stock but are left out of totals and reservations."
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            mt="xs"
          />
          <FormFooter
            general={general}
            submitLabel={location ? 'Save location' : 'Add location'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
