import { Card, Divider, NumberInput, Skeleton, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { SettingsSection } from '../ui/SettingsSection.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { type OrderSettings, orderSettingsQuery, useUpdateOrderSettings } from './order-queries.ts';

/**
 * Settings → Orders and returns: how order numbers read, how long customers may ask for a return,
 * and what the approval e-mail tells them to do. (Return type written out: the router's types
 * include the screens'; see InventoryScreen.)
 */
export function OrderSettingsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const settings = useQuery(orderSettingsQuery(store.handle));
  return (
    <>
      <PageHeader title="Orders and returns" description="Order numbers and the store’s return policy." />
      {settings.isError ? (
        <LoadFailed
          what="The order settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : settings.isPending ? (
        <Skeleton height={420} radius="md" maw={820} />
      ) : (
        <SettingsForm
          key={JSON.stringify(settings.data)}
          settings={settings.data}
          writable={can('store:write')}
        />
      )}
    </>
  );
}

type Field = 'numberPrefix' | 'returnWindowDays' | 'returnInstructions';
const fieldFor: Record<string, Field> = {
  numberPrefix: 'numberPrefix',
  returnWindowDays: 'returnWindowDays',
  returnInstructions: 'returnInstructions',
};

function SettingsForm({ settings, writable }: { settings: OrderSettings; writable: boolean }) {
  const { store } = useCurrentStore();
  const update = useUpdateOrderSettings(store.handle);
  const [prefix, setPrefix] = useState(settings.numberPrefix);
  const [windowDays, setWindowDays] = useState<number | string>(settings.returnWindowDays);
  const [instructions, setInstructions] = useState(settings.returnInstructions ?? '');
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const wanted: OrderSettings = {
    numberPrefix: prefix.trim(),
    returnWindowDays: typeof windowDays === 'number' ? windowDays : Number.NaN,
    returnInstructions: instructions.trim() || null,
  };
  const change = Object.fromEntries(
    (Object.keys(wanted) as (keyof OrderSettings)[])
      .filter((key) => wanted[key] !== settings[key])
      .map((key) => [key, wanted[key]]),
  ) as Partial<OrderSettings>;
  const changed = Object.keys(change).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (
      !Number.isInteger(wanted.returnWindowDays) ||
      wanted.returnWindowDays < 0 ||
      wanted.returnWindowDays > 365
    )
      found.returnWindowDays = 'A whole number of days from 0 to 365.';
    if (!showFound(found)) return;
    update.mutate(change, {
      onSuccess: () => notifySuccess('Order settings saved.'),
      onError: showServerError,
    });
  };

  const sample = `${wanted.numberPrefix}1001`;
  return (
    <Card withBorder radius="md" padding="lg" maw={820}>
      <form onSubmit={submit} noValidate aria-label="Order settings">
        <Stack gap="lg">
          <SettingsSection
            title="Order numbers"
            description="Numbers count up from 1001 per store. The prefix is written before them in the admin and in order exports (the storefront and e-mails write #1001)."
          >
            <TextInput
              label="Prefix"
              description={`An order reads ${sample}.`}
              value={prefix}
              onChange={(e) => setPrefix(e.currentTarget.value)}
              error={errors.numberPrefix}
              maxLength={10}
              maw={200}
              disabled={!writable}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Returns"
            description="Customers ask for a return from their order page, within the window; staff approve or reject each."
          >
            <Stack gap="sm">
              <NumberInput
                label="Return window"
                description={
                  wanted.returnWindowDays === 0
                    ? 'No returns: the order page offers none.'
                    : 'Days from the day the last parcel arrived (or was shipped, when not marked delivered).'
                }
                suffix=" days"
                value={windowDays}
                onChange={setWindowDays}
                error={errors.returnWindowDays}
                min={0}
                max={365}
                allowDecimal={false}
                allowNegative={false}
                maw={200}
                disabled={!writable}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <Textarea
                label="Return instructions"
                description="Sent with each approved return: where to send the parcel, how to pack it, whether a label is included."
                placeholder={
                  'Send the items to:\nAlder & Ash Returns, 12 Rue des Arts, 75003 Paris\nPack them in the original box if you still have it.'
                }
                value={instructions}
                onChange={(e) => setInstructions(e.currentTarget.value)}
                error={errors.returnInstructions}
                autosize
                minRows={4}
                maxLength={5000}
                disabled={!writable}
              />
            </Stack>
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
