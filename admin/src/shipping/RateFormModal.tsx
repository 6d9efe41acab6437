import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Input,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { marketsQuery } from '../markets/market-queries.ts';
import { currencyOptions } from '../money/currency-options.ts';
import { MoneyInput } from '../money/MoneyInput.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { IconPlus, IconX } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import {
  type BandDraft,
  emptyBand,
  emptyPrice,
  noRateErrors,
  type PriceDraft,
  type RateDraft,
  type RateFormErrors,
  rateDraftOf,
  rateFormErrorsFrom,
  rateInputOf,
} from './rate-draft.ts';
import { rateTypeLabels } from './shipping-labels.ts';
import { useSaveRate } from './shipping-queries.ts';
import type { RateType, ShippingRate } from './shipping-types.ts';

/**
 * Adds a rate to a zone (`rate` null) or changes one: flat, by weight bands or by order value, with
 * its amounts in each currency the store sells in (never converted: a cart pays the amount in its
 * own currency), free above a threshold, weight limits and the delivery estimate.
 */
export function RateFormModal({
  zoneId,
  zoneName,
  rate,
  onClose,
}: {
  zoneId: string;
  zoneName: string;
  rate: ShippingRate | null;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveRate(store.handle, zoneId);
  const markets = useQuery(marketsQuery(store.handle));
  const [draft, setDraft] = useState<RateDraft>(() => rateDraftOf(rate, store.baseCurrency));
  const [errors, setErrors] = useState<RateFormErrors>(noRateErrors);
  const change = (next: Partial<RateDraft>) => setDraft((current) => ({ ...current, ...next }));
  const changePrice = (key: number, next: Partial<PriceDraft>) =>
    setDraft((current) => ({
      ...current,
      prices: current.prices.map((p) => (p.key === key ? { ...p, ...next } : p)),
    }));

  const present = new Set(draft.prices.map((p) => p.currency));
  // The currencies the store sells in first: those are the ones a rate needs amounts for.
  const sold = [
    ...new Set([store.baseCurrency, ...(markets.data ?? []).filter((m) => m.active).map((m) => m.currency)]),
  ];
  const missing = sold.filter((c) => !present.has(c));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = rateInputOf(draft);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors(noRateErrors());
    save.mutate(
      { id: rate?.id ?? null, input: read.input },
      {
        onSuccess: () => {
          notifySuccess(`${read.input.name} ${rate ? 'saved' : `added to ${zoneName}`}.`);
          onClose();
        },
        onError: (error) => setErrors(rateFormErrorsFrom(error)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={rate ? `Edit ${rate.name}` : `Add rate to ${zoneName}`} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Name"
              description="What shoppers see at checkout."
              placeholder="Standard"
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value })}
              error={errors.fields.name}
              maxLength={80}
              required
              data-autofocus
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Input.Wrapper label="Price" error={errors.fields.type}>
              <SegmentedControl
                fullWidth
                aria-label="Price by"
                value={draft.type}
                onChange={(value) => change({ type: value as RateType })}
                data={(Object.keys(rateTypeLabels) as RateType[]).map((value) => ({
                  value,
                  label: rateTypeLabels[value],
                }))}
              />
            </Input.Wrapper>
          </SimpleGrid>

          <Title order={3} size="h6" mt="xs">
            Amounts per currency
          </Title>
          {errors.fields.prices ? (
            <Text size="sm" c="red">
              {errors.fields.prices}
            </Text>
          ) : null}
          {draft.prices.map((price, i) => (
            <PriceSection
              key={price.key}
              index={i}
              type={draft.type}
              price={price}
              errors={errors}
              onChange={(next) => changePrice(price.key, next)}
              onRemove={
                draft.prices.length > 1
                  ? () => change({ prices: draft.prices.filter((p) => p.key !== price.key) })
                  : undefined
              }
            />
          ))}
          <Group gap="sm">
            <Select
              aria-label="Add a currency"
              placeholder="Add amounts in another currency"
              data={[
                ...missing.map((c) => ({ value: c, label: `${c} (you sell in it)` })),
                ...currencyOptions.filter((o) => !present.has(o.value) && !missing.includes(o.value)),
              ]}
              value={null}
              onChange={(value) => value && change({ prices: [...draft.prices, emptyPrice(value)] })}
              searchable
              w={300}
            />
            {missing.length > 0 ? (
              <Text size="xs" c="orange">
                No amounts in {missing.join(', ')}: carts in {missing.length === 1 ? 'it' : 'them'} are not
                offered this rate.
              </Text>
            ) : null}
          </Group>

          <Divider my={4} />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <NumberInput
              label="Delivery from"
              suffix=" days"
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={draft.minDays}
              onChange={(value) => change({ minDays: value })}
              error={errors.fields.minDays}
            />
            <NumberInput
              label="to"
              suffix=" days"
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={draft.maxDays}
              onChange={(value) => change({ maxDays: value })}
              error={errors.fields.maxDays}
            />
            <TextInput
              label="Min weight"
              inputMode="decimal"
              placeholder="none"
              rightSection={
                <Text size="xs" c="dimmed">
                  kg
                </Text>
              }
              value={draft.minWeight}
              onChange={(e) => change({ minWeight: e.currentTarget.value })}
              error={errors.fields.minWeight}
            />
            <TextInput
              label="Max weight"
              inputMode="decimal"
              placeholder="none"
              rightSection={
                <Text size="xs" c="dimmed">
                  kg
                </Text>
              }
              value={draft.maxWeight}
              onChange={(e) => change({ maxWeight: e.currentTarget.value })}
              error={errors.fields.maxWeight}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-4}>
            Delivery in business days, counted on the store’s calendar (weekends skipped); leave both empty to
            show no estimate. Weight limits are inclusive.
          </Text>
          <Switch
            label="Active"
            description="An inactive rate is kept but not offered."
            checked={draft.active}
            onChange={(e) => change({ active: e.currentTarget.checked })}
          />
          {Object.keys(errors.prices).length + Object.keys(errors.bands).length > 0 && !errors.general ? (
            <Alert color="red" variant="light">
              Some amounts need a look: they are marked above.
            </Alert>
          ) : null}
          <FormFooter
            general={errors.general}
            submitLabel={rate ? 'Save rate' : 'Add rate'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function PriceSection({
  index,
  type,
  price,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  type: RateType;
  price: PriceDraft;
  errors: RateFormErrors;
  onChange: (next: Partial<PriceDraft>) => void;
  onRemove?: () => void;
}) {
  const problems = errors.prices[index] ?? {};
  const setBand = (key: number, next: Partial<BandDraft>) =>
    onChange({ bands: price.bands.map((b) => (b.key === key ? { ...b, ...next } : b)) });
  const money = (label: string, field: 'freeAbove' | 'minSubtotal' | 'maxSubtotal', placeholder: string) => (
    <MoneyInput
      label={label}
      currency={price.currency}
      placeholder={placeholder}
      value={price[field]}
      onChange={(text) => onChange({ [field]: text })}
      error={problems[field]}
    />
  );
  return (
    <Paper withBorder radius="md" p="sm" aria-label={`Amounts in ${price.currency}`} role="group">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {price.currency}
            </Text>
            {problems.currency ? (
              <Text size="xs" c="red">
                {problems.currency}
              </Text>
            ) : null}
          </Group>
          {onRemove ? (
            <Button variant="subtle" color="gray" size="compact-xs" onClick={onRemove}>
              Remove {price.currency}
            </Button>
          ) : null}
        </Group>
        {type === 'flat' ? (
          <MoneyInput
            label="Amount"
            currency={price.currency}
            value={price.amount}
            onChange={(text) => onChange({ amount: text })}
            error={problems.amount}
            maw={220}
            required
          />
        ) : (
          <Table
            verticalSpacing={4}
            aria-label={`${type === 'weight_bands' ? 'Weight' : 'Order value'} bands in ${price.currency}`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="45%">
                  {type === 'weight_bands' ? 'Up to and including' : 'Order value from'}
                </Table.Th>
                <Table.Th>Amount</Table.Th>
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {price.bands.map((band, j) => {
                const bandProblems = errors.bands[`${index}.${j}`] ?? {};
                const last = j === price.bands.length - 1;
                return (
                  <Table.Tr key={band.key}>
                    <Table.Td>
                      {type === 'weight_bands' ? (
                        <TextInput
                          aria-label={`Band ${j + 1}: up to (kg)`}
                          size="xs"
                          inputMode="decimal"
                          placeholder={last ? 'no limit' : '1'}
                          rightSection={
                            <Text size="xs" c="dimmed">
                              kg
                            </Text>
                          }
                          value={band.limit}
                          onChange={(e) => setBand(band.key, { limit: e.currentTarget.value })}
                          error={bandProblems.limit}
                        />
                      ) : j === 0 ? (
                        <Text size="sm" c="dimmed" px={4}>
                          0 (every order)
                        </Text>
                      ) : (
                        <MoneyInput
                          aria-label={`Band ${j + 1}: from`}
                          size="xs"
                          currency={price.currency}
                          value={band.limit}
                          onChange={(text) => setBand(band.key, { limit: text })}
                          error={bandProblems.limit}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MoneyInput
                        aria-label={`Band ${j + 1}: amount`}
                        size="xs"
                        currency={price.currency}
                        value={band.amount}
                        onChange={(text) => setBand(band.key, { amount: text })}
                        error={bandProblems.amount}
                      />
                    </Table.Td>
                    <Table.Td>
                      {price.bands.length > 1 ? (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove band ${j + 1}`}
                          onClick={() => onChange({ bands: price.bands.filter((b) => b.key !== band.key) })}
                        >
                          <IconX size={14} />
                        </ActionIcon>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {type !== 'flat' ? (
          <Group justify="space-between">
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange({ bands: [...price.bands, emptyBand()] })}
            >
              Add band
            </Button>
            {problems.bands ? (
              <Text size="xs" c="red">
                {problems.bands}
              </Text>
            ) : null}
          </Group>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {money('Free from order value', 'freeAbove', 'never free')}
          {money('Only orders from', 'minSubtotal', 'any')}
          {money('Only orders up to', 'maxSubtotal', 'any')}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
