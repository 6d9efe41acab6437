import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { currencyOptions } from '../money/currency-options.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { checkRateText, rateText } from './exchange-rate-text.ts';
import { useRecordExchangeRate } from './market-queries.ts';

type Field = 'currency' | 'rate' | 'day';
const fieldFor: Record<string, Field> = { quoteCurrency: 'currency', rate: 'rate', effectiveOn: 'day' };

/**
 * Records a rate from the store's base currency, from a day on (today by default; a later day
 * schedules it). A rate for a currency and day that has one replaces it.
 */
export function RecordRateModal({
  currency: preset,
  today,
  onClose,
}: {
  /** The currency to start with (a market's that has no rate yet). */
  currency: string | null;
  today: string;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const record = useRecordExchangeRate(store.handle);
  const [currency, setCurrency] = useState<string | null>(preset);
  const [rate, setRate] = useState('');
  const [day, setDay] = useState(today);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);
  const base = store.baseCurrency;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!currency) found.currency = 'Choose the currency the rate is for.';
    else if (currency === base) found.currency = `Prices in ${base} need no rate.`;
    const checked = checkRateText(rate);
    if (!checked.ok) found.rate = checked.message;
    if (!day) found.day = 'Choose the first day it applies.';
    if (!showFound(found) || !checked.ok) return;
    record.mutate(
      { quoteCurrency: currency!, rate: checked.rate, effectiveOn: day },
      {
        onSuccess: (saved) => {
          notifySuccess(
            `${rateText(saved.baseCurrency, saved.quoteCurrency, saved.rate)} from ${saved.effectiveOn}.`,
            'Rate recorded',
          );
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  const prefix = `1 ${base} =`;
  return (
    <Modal opened onClose={onClose} title="Record exchange rate" size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Prices in the currency are converted from {base} at the rate of the day: the latest recorded on or
            before it. Recording a rate for a day that has one replaces it.
          </Text>
          <Select
            label="Currency"
            placeholder="Choose a currency"
            data={currencyOptions.filter((option) => option.value !== base)}
            value={currency}
            onChange={setCurrency}
            error={errors.currency}
            searchable
            required
            data-autofocus={preset ? undefined : true}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label="Rate"
              inputMode="decimal"
              autoComplete="off"
              placeholder="1.0856"
              leftSection={
                <Text size="sm" aria-hidden>
                  {prefix}
                </Text>
              }
              leftSectionWidth={prefix.length * 8 + 16}
              rightSection={
                <Text size="sm" aria-hidden>
                  {currency ?? ''}
                </Text>
              }
              rightSectionWidth={48}
              value={rate}
              onChange={(e) => setRate(e.currentTarget.value)}
              error={errors.rate}
              required
              data-autofocus={preset ? true : undefined}
            />
            <TextInput
              type="date"
              label="Applies from"
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              error={errors.day}
              required
            />
          </SimpleGrid>
          <FormFooter
            general={general}
            submitLabel="Record rate"
            pending={record.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
