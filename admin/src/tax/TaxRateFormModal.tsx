import { Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { countryOptions } from '../countries/country-names.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { formatRatePercent, percentToPpm } from './rate-percent.ts';
import { useSaveTaxRate } from './tax-queries.ts';
import type { TaxClass, TaxRate } from './tax-types.ts';

type Field = 'country' | 'region' | 'taxClass' | 'rate' | 'name' | 'priority' | 'compound';
/** The API's field names → this form's inputs; a taken identity (`tax_rate_exists`) goes on the name. */
const fieldFor: Record<string, Field> = {
  country: 'country',
  region: 'region',
  taxClass: 'taxClass',
  ratePpm: 'rate',
  name: 'name',
  priority: 'priority',
  compound: 'compound',
};

/**
 * Adds a tax rate (`rate` null) or changes one. The rate is typed in percent and sent in the API's
 * millionths; a rate is known by its country, region, class and name, so two of one place and
 * class need different names ("CA State Tax", "Los Angeles County").
 */
export function TaxRateFormModal({
  rate,
  classes,
  onClose,
}: {
  rate: TaxRate | null;
  classes: TaxClass[];
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveTaxRate(store.handle);
  const [country, setCountry] = useState<string | null>(rate?.country ?? null);
  const [region, setRegion] = useState(rate?.region ?? '');
  const [taxClass, setTaxClass] = useState(rate?.taxClass ?? 'standard');
  const [percent, setPercent] = useState(rate ? formatRatePercent(rate.ratePpm) : '');
  const [name, setName] = useState(rate?.name ?? '');
  const [priority, setPriority] = useState<number | string>(rate?.priority ?? 0);
  const [compound, setCompound] = useState(rate?.compound ?? false);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!country) found.country = 'Choose the country the rate applies in.';
    const parsed = percentToPpm(percent);
    if (!parsed.ok) found.rate = parsed.message;
    if (!name.trim()) found.name = 'Name it as invoices should show it, e.g. VAT 19 %.';
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100) {
      found.priority = 'Use a whole number from 0 to 100.';
    }
    if (!showFound(found) || !parsed.ok) return;
    const input = {
      country: country!,
      region: region.trim() ? region.trim().toUpperCase() : null,
      taxClass,
      ratePpm: parsed.ratePpm,
      name: name.trim(),
      priority: priority as number,
      compound,
    };
    save.mutate(
      { id: rate?.id ?? null, input },
      {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name} (${saved.ratePercent} %) ${rate ? 'saved' : 'added'}.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={rate ? `Edit ${rate.name}` : 'Add tax rate'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Country"
              placeholder="Search countries"
              data={countryOptions}
              value={country}
              onChange={setCountry}
              error={errors.country}
              searchable
              required
              data-autofocus
            />
            <TextInput
              label="Region"
              description="An ISO 3166-2 code such as US-CA; empty for the whole country."
              placeholder={country ? `${country}-…` : 'US-CA'}
              value={region}
              onChange={(e) => setRegion(e.currentTarget.value)}
              error={errors.region}
              maxLength={12}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Tax class"
              data={classes.map((c) => ({ value: c.handle, label: c.name }))}
              value={taxClass}
              onChange={(value) => value && setTaxClass(value)}
              allowDeselect={false}
              error={errors.taxClass}
              required
            />
            <TextInput
              label="Rate"
              inputMode="decimal"
              placeholder="19"
              rightSection={
                <Text size="sm" c="dimmed" aria-hidden>
                  %
                </Text>
              }
              value={percent}
              onChange={(e) => setPercent(e.currentTarget.value)}
              error={errors.rate}
              required
            />
          </SimpleGrid>
          <TextInput
            label="Name"
            description="Shown to shoppers and on invoices."
            placeholder="VAT 19 %"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={80}
            required
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label="Priority"
              description="Orders rates on invoices; a compound rate adds on rates of lower priority."
              min={0}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              value={priority}
              onChange={setPriority}
              error={errors.priority}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Switch
              label="Compound"
              description="Charged on the price plus the other rates of lower priority (like Québec’s QST before 2013)."
              checked={compound}
              onChange={(e) => setCompound(e.currentTarget.checked)}
              error={errors.compound}
              mt={{ base: 0, sm: 28 }}
            />
          </SimpleGrid>
          <FormFooter
            general={general}
            submitLabel={rate ? 'Save rate' : 'Add rate'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
