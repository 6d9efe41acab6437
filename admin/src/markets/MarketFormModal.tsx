import {
  Alert,
  Divider,
  Modal,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { countryOptions } from '../countries/country-names.ts';
import { currencyOptions } from '../money/currency-options.ts';
import { localeLabel } from '../products/translations/locale-labels.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { storeDetailQuery } from '../stores/store-queries.ts';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { roundingRules } from './market-labels.ts';
import { useSaveMarket } from './market-queries.ts';
import type { Market, MarketInput, PriceList, PricingMode, RoundingRule } from './market-types.ts';

type Field =
  | 'name'
  | 'handle'
  | 'currency'
  | 'countries'
  | 'defaultLocale'
  | 'active'
  | 'mode'
  | 'rounding'
  | 'convertCompareAt';

/** The API's field names (and the last part of their paths) → this form's inputs. */
const fieldFor: Record<string, Field> = {
  name: 'name',
  handle: 'handle',
  currency: 'currency',
  countries: 'countries',
  defaultLocale: 'defaultLocale',
  active: 'active',
  mode: 'mode',
  rounding: 'rounding',
  convertCompareAt: 'convertCompareAt',
};

const defaultPriceList: PriceList = { mode: 'converted', rounding: 'none', convertCompareAt: true };

/**
 * Adds a market (`market` null) or changes one: where it sells, in which currency and language, and
 * how its prices are made. The primary market sells at the catalog's prices in the base currency,
 * so it has no pricing choices; the server's objections show on their fields.
 */
export function MarketFormModal({ market, onClose }: { market: Market | null; onClose: () => void }) {
  const { store } = useCurrentStore();
  const detail = useQuery(storeDetailQuery(store.handle));
  const save = useSaveMarket(store.handle);
  const primary = market?.isPrimary ?? false;
  const [name, setName] = useState(market?.name ?? '');
  const [handle, setHandle] = useState(market?.handle ?? '');
  const [currency, setCurrency] = useState<string | null>(market?.currency ?? null);
  const [countries, setCountries] = useState<string[]>(market?.countries ?? []);
  const [defaultLocale, setDefaultLocale] = useState<string | null>(market?.defaultLocale ?? null);
  const [active, setActive] = useState(market?.active ?? true);
  const initialList = market?.priceList ?? defaultPriceList;
  const [mode, setMode] = useState<PricingMode>(initialList.mode);
  const [rounding, setRounding] = useState<RoundingRule>(initialList.rounding);
  const [convertCompareAt, setConvertCompareAt] = useState(initialList.convertCompareAt);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const locales = detail.data?.store.locales ?? [];
  const currencyLocked = primary || (market?.explicitPriceCount ?? 0) > 0;
  const inBaseCurrency = currency === store.baseCurrency;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the market a name, e.g. United States.';
    if (!currency) found.currency = 'Choose the currency its shoppers pay in.';
    if (market && !handle.trim()) found.handle = 'A market needs a handle.';
    if (!showFound(found)) return;
    const input: MarketInput = {
      name: name.trim(),
      currency: currency!,
      countries,
      ...(defaultLocale ? { defaultLocale } : {}),
      ...(market ? { handle: handle.trim() } : {}),
      ...(primary ? {} : { active }),
    };
    const wanted: PriceList = { mode, rounding, convertCompareAt };
    const changed = Object.fromEntries(
      (Object.keys(wanted) as (keyof PriceList)[])
        .filter((key) => !market || wanted[key] !== market.priceList[key])
        .map((key) => [key, wanted[key]]),
    );
    save.mutate(
      { id: market?.id ?? null, input, priceList: primary ? null : changed },
      {
        onSuccess: (saved) => {
          notifySuccess(market ? `${saved.name} saved.` : `${saved.name} added.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={market ? `Edit ${market.name}` : 'Add market'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Name"
              placeholder="United States"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={120}
              required
              data-autofocus
            />
            {market ? (
              <TextInput
                label="Handle"
                description="Its name in links and files."
                value={handle}
                onChange={(e) => setHandle(e.currentTarget.value)}
                error={errors.handle}
                maxLength={48}
                required
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            ) : (
              <Select
                label="Currency"
                placeholder="Choose a currency"
                data={currencyOptions}
                value={currency}
                onChange={setCurrency}
                error={errors.currency}
                searchable
                required
              />
            )}
          </SimpleGrid>
          {market ? (
            <Select
              label="Currency"
              description={
                primary
                  ? 'The primary market sells in the store’s base currency.'
                  : currencyLocked
                    ? 'It has explicit prices in this currency; remove them to change it.'
                    : undefined
              }
              data={currencyOptions}
              value={currency}
              onChange={setCurrency}
              error={errors.currency}
              disabled={currencyLocked}
              searchable
              required
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          ) : null}
          <MultiSelect
            label="Countries"
            description={
              primary
                ? 'Shoppers of countries no other active market lists buy here whatever you choose.'
                : 'Shoppers in these countries see this market’s prices. A country is in one active market at a time.'
            }
            placeholder={countries.length === 0 ? 'Search countries' : undefined}
            data={countryOptions}
            value={countries}
            onChange={setCountries}
            error={errors.countries}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={260}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Select
            label="Default language"
            description="The language its shoppers get first; one the store serves (Languages)."
            placeholder={detail.isPending ? 'Loading…' : 'The store’s default language'}
            data={locales.map((locale) => ({ value: locale, label: localeLabel(locale) }))}
            value={defaultLocale}
            onChange={setDefaultLocale}
            error={errors.defaultLocale}
            clearable={!market}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {primary ? null : (
            <Switch
              label="Active"
              description="An inactive market keeps its settings and prices; its countries buy in the primary market."
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
              error={errors.active}
              mt={4}
            />
          )}

          <Divider my={4} />
          <Title order={3} size="h6">
            Prices
          </Title>
          {primary ? (
            <Text size="sm" c="dimmed">
              The primary market sells at the catalog’s prices in {store.baseCurrency}.
            </Text>
          ) : (
            <>
              <Radio.Group
                value={mode}
                onChange={(value) => setMode(value as PricingMode)}
                error={errors.mode}
                aria-label="How prices are made"
              >
                <Stack gap="xs">
                  <Radio
                    value="converted"
                    label="Converted from the catalog’s prices"
                    description={`Each base price in ${store.baseCurrency}, at the exchange rate of the day, rounded as chosen below.`}
                  />
                  <Radio
                    value="explicit"
                    label="Explicit prices"
                    description="Prices you set per variant (by CSV); variants without one are converted."
                  />
                </Stack>
              </Radio.Group>
              {inBaseCurrency ? (
                <Alert color="gray" variant="light">
                  This market sells in the base currency: variants without an explicit price cost what the
                  catalog says, unrounded.
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label="Rounding of converted prices"
                  description={roundingRules.find((r) => r.value === rounding)?.example}
                  data={roundingRules.map((r) => ({ value: r.value, label: r.label }))}
                  value={rounding}
                  onChange={(value) => value && setRounding(value as RoundingRule)}
                  allowDeselect={false}
                  error={errors.rounding}
                  disabled={inBaseCurrency}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <Switch
                  label="Convert compare-at prices"
                  description="Off: converted prices show no struck-through price."
                  checked={convertCompareAt}
                  onChange={(e) => setConvertCompareAt(e.currentTarget.checked)}
                  error={errors.convertCompareAt}
                  disabled={inBaseCurrency}
                  mt={{ base: 0, sm: 28 }}
                />
              </SimpleGrid>
            </>
          )}
          <FormFooter
            general={general}
            submitLabel={market ? 'Save market' : 'Add market'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
