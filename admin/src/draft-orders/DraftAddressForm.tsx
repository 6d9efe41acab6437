import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { countryOptions } from '../countries/country-names.ts';
import { formErrorsFrom } from '../ui/form-errors.ts';
import type { DraftAddress, SavedAddress } from './draft-order-types.ts';

type Field = keyof DraftAddress;
const fields: Field[] = [
  'firstName',
  'lastName',
  'company',
  'line1',
  'line2',
  'postalCode',
  'city',
  'region',
  'country',
  'phone',
];
const fieldFor = Object.fromEntries(fields.map((f) => [f, f])) as Record<string, Field>;

type Values = Record<Field, string>;
const valuesOf = (address: DraftAddress | null, country: string): Values =>
  Object.fromEntries(
    fields.map((f) => [f, (address?.[f] ?? (f === 'country' ? country : '')) as string]),
  ) as Values;

const savedLabel = (a: SavedAddress) =>
  `${a.firstName} ${a.lastName}, ${a.line1}, ${[a.postalCode, a.city].filter(Boolean).join(' ')}${a.isDefault ? ' (default)' : ''}`;

/**
 * The shipping address, as checkout asks for it: each country's own rules are the server's (postal
 * code pattern, whether a region is needed), and its objections show on the fields. A customer's
 * saved addresses fill the form in one choice.
 */
export function DraftAddressForm({
  address,
  saved,
  defaultCountry,
  onSave,
  onCancel,
}: {
  address: DraftAddress | null;
  saved: SavedAddress[];
  defaultCountry: string;
  onSave: (address: DraftAddress) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(address, defaultCountry));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const text = (field: Field, label: string, options: { required?: boolean; autoComplete?: string } = {}) => (
    <TextInput
      label={label}
      value={values[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
      error={errors[field]}
      required={options.required}
      autoComplete={options.autoComplete}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = (v: string) => (v.trim() ? v.trim() : null);
    setSaving(true);
    try {
      await onSave({
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        company: blank(values.company),
        line1: values.line1.trim(),
        line2: blank(values.line2),
        city: values.city.trim(),
        postalCode: blank(values.postalCode),
        region: blank(values.region),
        country: values.country,
        phone: blank(values.phone),
      });
    } catch (error) {
      const placed = formErrorsFrom(error, fieldFor);
      setErrors(placed.fields);
      setGeneral(placed.general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Shipping address">
      <Stack gap="sm">
        {saved.length > 0 ? (
          <Select
            label="Fill from a saved address"
            placeholder="Choose one of the customer's addresses"
            data={saved.map((a) => ({ value: a.id, label: savedLabel(a) }))}
            value={null}
            onChange={(id) => {
              const chosen = saved.find((a) => a.id === id);
              if (chosen) setValues(valuesOf(chosen, defaultCountry));
            }}
          />
        ) : null}
        <SimpleGrid cols={2} spacing="sm">
          {text('firstName', 'First name', { required: true, autoComplete: 'off' })}
          {text('lastName', 'Last name', { required: true, autoComplete: 'off' })}
        </SimpleGrid>
        {text('company', 'Company')}
        {text('line1', 'Address', { required: true })}
        {text('line2', 'Apartment, suite, etc.')}
        <SimpleGrid cols={2} spacing="sm">
          {text('postalCode', 'Postal code')}
          {text('city', 'City', { required: true })}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Country"
            data={countryOptions}
            value={values.country || null}
            onChange={(value) => set('country')(value ?? '')}
            searchable
            required
            error={errors.country}
          />
          <TextInput
            label="Region"
            description="ISO code, e.g. US-CA"
            value={values.region}
            onChange={(e) => set('region')(e.currentTarget.value)}
            error={errors.region}
          />
        </SimpleGrid>
        {text('phone', 'Phone', { autoComplete: 'off' })}
        {general ? (
          <Text size="sm" c="red" role="alert">
            {general}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={saving}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={saving}>
            Save address
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
