import { Card, NumberInput, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { inventorySettingsQuery, useUpdateInventorySettings } from './inventory-queries.ts';
import type { InventorySettings, ReservationStrategy } from './inventory-types.ts';

/** How orders take stock from locations, and how long a checkout holds it. */
export function InventorySettingsCard() {
  const { store, can } = useCurrentStore();
  const settings = useQuery(inventorySettingsQuery(store.handle));
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="md">
        <div>
          <Title order={3} size="h5">
            Reservations
          </Title>
          <Text size="sm" c="dimmed">
            How an order’s lines take stock from your locations, and how long a checkout holds it.
          </Text>
        </div>
        {settings.isError ? (
          <Text c="red" size="sm" role="alert">
            {settings.error.message}
          </Text>
        ) : settings.isPending ? (
          <Skeleton height={140} />
        ) : (
          <SettingsForm
            key={`${settings.data.reservationStrategy} ${settings.data.reservationTtlSeconds}`}
            settings={settings.data}
            writable={can('inventory:write')}
          />
        )}
      </Stack>
    </Card>
  );
}

type Field = 'strategy' | 'ttl';
const fieldFor: Record<string, Field> = { reservationStrategy: 'strategy', reservationTtlSeconds: 'ttl' };

function SettingsForm({ settings, writable }: { settings: InventorySettings; writable: boolean }) {
  const { store } = useCurrentStore();
  const update = useUpdateInventorySettings(store.handle);
  const [strategy, setStrategy] = useState<ReservationStrategy>(settings.reservationStrategy);
  const [minutes, setMinutes] = useState<number | string>(Math.round(settings.reservationTtlSeconds / 60));
  const { errors, general, setErrors, showFound, showServerError } = useFormErrors(fieldFor);
  const changed =
    strategy !== settings.reservationStrategy ||
    (typeof minutes === 'number' && minutes * 60 !== settings.reservationTtlSeconds);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) {
      setErrors({ ttl: 'Use a whole number of minutes from 1 to 10080 (7 days).' });
      return;
    }
    showFound({});
    update.mutate(
      { reservationStrategy: strategy, reservationTtlSeconds: minutes * 60 },
      {
        onSuccess: () => notifySuccess('Reservation settings saved.'),
        onError: showServerError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Reservation settings">
      <Stack gap="md">
        <Radio.Group
          label="Taking stock for an order"
          value={strategy}
          onChange={(value) => setStrategy(value as ReservationStrategy)}
          error={errors.strategy}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="priority"
              label="One location per line"
              description="Each line comes whole from the first location, by priority, that holds all of it."
              disabled={!writable}
            />
            <Radio
              value="split"
              label="Split lines across locations"
              description="As above; when no location holds a whole line, it is split across locations in priority order."
              disabled={!writable}
            />
          </Stack>
        </Radio.Group>
        <NumberInput
          label="Hold stock in a checkout for"
          description="Minutes before stock held by an unfinished checkout is given back."
          suffix=" min"
          min={1}
          max={10_080}
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={setMinutes}
          error={errors.ttl}
          disabled={!writable}
          maw={280}
        />
        {/* Read-only, the form cannot be sent, so there is no refusal to show either. */}
        {writable ? (
          <FormFooter
            general={general}
            submitLabel="Save settings"
            pending={update.isPending}
            submitVariant="default"
            submitDisabled={!changed}
          />
        ) : null}
      </Stack>
    </form>
  );
}
