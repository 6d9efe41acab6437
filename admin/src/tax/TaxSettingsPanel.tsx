import { Card, Divider, Radio, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { countryOptions } from '../countries/country-names.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { SettingsSection } from '../ui/SettingsSection.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { roundingLabels, shippingTaxationLabels, taxBasisLabels } from './tax-labels.ts';
import { taxClassesQuery, taxSettingsQuery, useUpdateTaxSettings } from './tax-queries.ts';
import type { ShippingTaxation, TaxBasis, TaxClass, TaxRounding, TaxSettings } from './tax-types.ts';

/** How the store's prices relate to tax, which address decides it, how shipping is taxed, how it rounds. */
export function TaxSettingsPanel() {
  const { store, can } = useCurrentStore();
  const settings = useQuery(taxSettingsQuery(store.handle));
  const classes = useQuery(taxClassesQuery(store.handle));
  if (settings.isError) {
    return (
      <Text c="red" role="alert">
        {settings.error.message}
      </Text>
    );
  }
  if (settings.isPending || classes.isPending) return <Skeleton height={420} radius="md" />;
  return (
    <SettingsForm
      key={JSON.stringify(settings.data)}
      settings={settings.data}
      classes={classes.data ?? []}
      writable={can('pricing:write')}
    />
  );
}

type Field =
  | 'pricesIncludeTax'
  | 'taxBasedOn'
  | 'country'
  | 'region'
  | 'shippingTaxation'
  | 'shippingTaxClass'
  | 'rounding';
const fieldFor: Record<string, Field> = {
  pricesIncludeTax: 'pricesIncludeTax',
  taxBasedOn: 'taxBasedOn',
  storeAddress: 'country',
  country: 'country',
  region: 'region',
  shippingTaxation: 'shippingTaxation',
  shippingTaxClass: 'shippingTaxClass',
  rounding: 'rounding',
};

function SettingsForm({
  settings,
  classes,
  writable,
}: {
  settings: TaxSettings;
  classes: TaxClass[];
  writable: boolean;
}) {
  const { store } = useCurrentStore();
  const update = useUpdateTaxSettings(store.handle);
  const [included, setIncluded] = useState(settings.pricesIncludeTax ? 'yes' : 'no');
  const [basis, setBasis] = useState<TaxBasis>(settings.taxBasedOn);
  const [country, setCountry] = useState<string | null>(settings.storeAddress?.country ?? null);
  const [region, setRegion] = useState(settings.storeAddress?.region ?? '');
  const [shipping, setShipping] = useState<ShippingTaxation>(settings.shippingTaxation);
  const [shippingClass, setShippingClass] = useState<string | null>(settings.shippingTaxClass);
  const [rounding, setRounding] = useState<TaxRounding>(settings.rounding);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const wanted: TaxSettings = {
    pricesIncludeTax: included === 'yes',
    taxBasedOn: basis,
    storeAddress: country ? { country, region: region.trim() ? region.trim().toUpperCase() : null } : null,
    shippingTaxation: shipping,
    shippingTaxClass: shipping === 'class' ? shippingClass : null,
    rounding,
  };
  const change = Object.fromEntries(
    (Object.keys(wanted) as (keyof TaxSettings)[])
      .filter((key) => JSON.stringify(wanted[key]) !== JSON.stringify(settings[key]))
      .map((key) => [key, wanted[key]]),
  ) as Partial<TaxSettings>;
  const changed = Object.keys(change).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (basis === 'store_address' && !country)
      found.country = 'Give the store’s country to tax by its address.';
    if (shipping === 'class' && !shippingClass)
      found.shippingTaxClass = 'Choose the class shipping is taxed as.';
    if (!showFound(found)) return;
    // The server forgets the shipping class when another taxation is chosen; it must not be sent then.
    if (shipping !== 'class') delete change.shippingTaxClass;
    update.mutate(change, {
      onSuccess: () => notifySuccess('Tax settings saved.'),
      onError: showServerError,
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" maw={820}>
      <form onSubmit={submit} noValidate aria-label="Tax settings">
        <Stack gap="lg">
          <SettingsSection
            title="Prices"
            description="How the catalog’s prices and shipping amounts are entered."
          >
            <Radio.Group
              value={included}
              onChange={setIncluded}
              error={errors.pricesIncludeTax}
              aria-label="Prices"
            >
              <Stack gap="xs">
                <Radio
                  value="yes"
                  label="Prices include tax"
                  description="As in the EU: €119.00 incl. VAT. The shopper pays the price shown; the tax is worked out of it."
                  disabled={!writable}
                />
                <Radio
                  value="no"
                  label="Prices exclude tax"
                  description="As in the US: $49.99 + tax. Tax is added at checkout."
                  disabled={!writable}
                />
              </Stack>
            </Radio.Group>
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Tax is based on"
            description="The address whose country and region decide the rates."
          >
            <Radio.Group
              value={basis}
              onChange={(value) => setBasis(value as TaxBasis)}
              error={errors.taxBasedOn}
              aria-label="Tax is based on"
            >
              <Stack gap="xs">
                {(Object.keys(taxBasisLabels) as TaxBasis[]).map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={taxBasisLabels[value]}
                    description={
                      value === 'shipping_address'
                        ? 'Where the goods go; without one (a download), the billing address.'
                        : value === 'billing_address'
                          ? 'Where the buyer is billed; without one, the shipping address.'
                          : 'Where the store is, whoever buys.'
                    }
                    disabled={!writable}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
              <Select
                label="Store’s country"
                description={
                  basis === 'store_address' ? undefined : 'Needed when tax is based on the store’s address.'
                }
                placeholder="Search countries"
                data={countryOptions}
                value={country}
                onChange={setCountry}
                error={errors.country}
                searchable
                clearable
                disabled={!writable}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <TextInput
                label="Store’s region"
                description="ISO 3166-2, e.g. US-CA; empty when the country taxes alike everywhere."
                value={region}
                onChange={(e) => setRegion(e.currentTarget.value)}
                error={errors.region}
                maxLength={12}
                disabled={!writable || !country}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
          </SettingsSection>
          <Divider />
          <SettingsSection title="Shipping" description="How the shipping amount of an order is taxed.">
            <Radio.Group
              value={shipping}
              onChange={(value) => setShipping(value as ShippingTaxation)}
              error={errors.shippingTaxation}
              aria-label="Shipping taxation"
            >
              <Stack gap="xs">
                {(Object.keys(shippingTaxationLabels) as ShippingTaxation[]).map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={shippingTaxationLabels[value].label}
                    description={shippingTaxationLabels[value].description}
                    disabled={!writable}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {shipping === 'class' ? (
              <Select
                label="Shipping is taxed as"
                data={classes.map((c) => ({ value: c.handle, label: c.name }))}
                value={shippingClass}
                onChange={setShippingClass}
                error={errors.shippingTaxClass}
                disabled={!writable}
                maw={320}
                mt="sm"
              />
            ) : null}
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Rounding"
            description="Tax is rounded half up to the currency’s smallest unit."
          >
            <Radio.Group
              value={rounding}
              onChange={(value) => setRounding(value as TaxRounding)}
              error={errors.rounding}
              aria-label="Rounding"
            >
              <Stack gap="xs">
                {(Object.keys(roundingLabels) as TaxRounding[]).map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={roundingLabels[value].label}
                    description={roundingLabels[value].description}
                    disabled={!writable}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </SettingsSection>
          {writable ? (
            <FormFooter
              general={general}
              submitLabel="Save settings"
              pending={update.isPending}
              submitDisabled={!changed}
            />
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
