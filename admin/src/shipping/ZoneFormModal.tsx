import { Modal, MultiSelect, Stack, Switch, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { countryName, countryOptions } from '../countries/country-names.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { useSaveZone } from './shipping-queries.ts';
import type { ShippingZone } from './shipping-types.ts';

type Field = 'name' | 'countries' | 'restOfWorld';
const fieldFor: Record<string, Field> = {
  name: 'name',
  countries: 'countries',
  restOfWorld: 'restOfWorld',
  regions: 'countries',
  country: 'countries',
};

/**
 * Adds a shipping zone (`zone` null) or changes one: its countries, each whole or only some of its
 * regions ("Alaska & Hawaii": US-AK, US-HI), or the rest of the world. A destination is in one zone.
 */
export function ZoneFormModal({
  zone,
  onClose,
  onSaved,
}: {
  zone: ShippingZone | null;
  onClose: () => void;
  onSaved?: (zoneId: string) => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveZone(store.handle);
  const [name, setName] = useState(zone?.name ?? '');
  const [restOfWorld, setRestOfWorld] = useState(zone?.restOfWorld ?? false);
  const [countries, setCountries] = useState<string[]>(zone?.countries.map((c) => c.country) ?? []);
  const [regions, setRegions] = useState<Record<string, string[]>>(
    Object.fromEntries((zone?.countries ?? []).map((c) => [c.country, c.regions])),
  );
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Name the zone, e.g. Europe.';
    if (!restOfWorld && countries.length === 0)
      found.countries = 'Choose at least one country, or make it the rest of the world.';
    if (!showFound(found)) return;
    const input = {
      name: name.trim(),
      restOfWorld,
      countries: restOfWorld
        ? []
        : countries.map((country) => ({
            country,
            regions: (regions[country] ?? []).map((r) => r.trim().toUpperCase()),
          })),
    };
    save.mutate(
      { id: zone?.id ?? null, input },
      {
        onSuccess: (saved) => {
          notifySuccess(zone ? `${saved.name} saved.` : `${saved.name} added.`);
          onSaved?.(saved.id);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={zone ? `Edit ${zone.name}` : 'Add shipping zone'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            description="For you; shoppers see the rates’ names."
            placeholder="Europe"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={120}
            required
            data-autofocus
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Switch
            label="Rest of the world"
            description="Serves every destination no other zone lists; a store has one at most."
            checked={restOfWorld}
            onChange={(e) => setRestOfWorld(e.currentTarget.checked)}
            error={errors.restOfWorld}
          />
          {restOfWorld ? null : (
            <>
              <MultiSelect
                label="Countries"
                placeholder={countries.length === 0 ? 'Search countries' : undefined}
                data={countryOptions}
                value={countries}
                onChange={setCountries}
                error={errors.countries}
                searchable
                clearable
                hidePickedOptions
                maxDropdownHeight={260}
              />
              {countries.length > 0 ? (
                <Table verticalSpacing={6} aria-label="Regions of each country">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w="35%">Country</Table.Th>
                      <Table.Th>Only these regions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {countries.map((country) => (
                      <Table.Tr key={country}>
                        <Table.Td>
                          <Text size="sm">{countryName(country)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <TagsInput
                            aria-label={`Regions of ${countryName(country)}`}
                            size="xs"
                            placeholder={
                              (regions[country] ?? []).length === 0
                                ? `Whole country, or regions such as ${country === 'US' ? 'US-AK' : `${country}-…`}`
                                : undefined
                            }
                            value={regions[country] ?? []}
                            onChange={(value) => setRegions((current) => ({ ...current, [country]: value }))}
                            splitChars={[',', ' ']}
                            clearable
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </>
          )}
          <FormFooter
            general={general}
            submitLabel={zone ? 'Save zone' : 'Add zone'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
