import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { suggestHandle } from '../handles/suggest-handle.ts';
import { fieldErrorsFrom, notifyError, notifySuccess } from '../ui/notify.ts';
import { rememberLastStore } from './last-store.ts';
import { useCreateStore } from './store-queries.ts';

type Field = 'name' | 'handle' | 'baseCurrency' | 'locale' | 'timezone';
const fields: readonly string[] = ['name', 'handle', 'baseCurrency', 'locale', 'timezone'];

function supported(kind: 'currency' | 'timeZone', fallback: string[]): string[] {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return fallback;
  }
}

const localePattern = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The browser's language in the form stores use (`en`, `de-DE`); scripts and variants are dropped. */
function browserLocale(): string {
  const [language = 'en', region] = (navigator.language || 'en').split('-');
  const candidate = region && /^[A-Z]{2}$/.test(region) ? `${language}-${region}` : language;
  return localePattern.test(candidate) ? candidate : 'en';
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function NewStoreModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const createStore = useCreateStore();
  const currencies = useMemo(() => supported('currency', ['EUR', 'GBP', 'USD']), []);
  // Browsers list canonical zones only, which can leave out the one they report themselves (e.g. UTC).
  const timeZones = useMemo(() => [...new Set(['UTC', browserTimeZone(), ...supported('timeZone', [])])], []);
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');
  const [handleEdited, setHandleEdited] = useState(false);
  const [baseCurrency, setBaseCurrency] = useState<string | null>('EUR');
  const [locale, setLocale] = useState(browserLocale);
  const [timezone, setTimezone] = useState<string | null>(browserTimeZone);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const close = () => {
    setName('');
    setHandle('');
    setHandleEdited(false);
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the store a name.';
    if (handle.length < 2 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(handle)) {
      found.handle = 'Use lower-case letters, digits and single hyphens.';
    }
    if (locale.trim() && !localePattern.test(locale.trim())) found.locale = 'Use a locale like en or de-DE.';
    if (!baseCurrency) found.baseCurrency = 'Choose the currency the store sells in.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !baseCurrency) return;
    createStore.mutate(
      {
        name: name.trim(),
        handle,
        baseCurrency,
        locale: locale.trim() || undefined,
        timezone: timezone ?? undefined,
      },
      {
        onSuccess: ({ store }) => {
          notifySuccess(`${store.name} is ready. You are its owner.`, 'Store created');
          rememberLastStore(store.handle);
          close();
          void navigate({ to: '/stores/$store/products', params: { store: store.handle } });
        },
        onError: (error) => {
          setErrors(
            fieldErrorsFrom(error, (path) => (fields.includes(path) ? (path as Field) : undefined), {
              handle_taken: 'handle',
            }),
          );
          notifyError(error, 'The store was not created');
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New store" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            You become the owner of the new store and can invite your team afterwards.
          </Text>
          <TextInput
            label="Store name"
            placeholder="Alder & Ash"
            value={name}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setName(value);
              if (!handleEdited) setHandle(suggestHandle(value, 40));
            }}
            error={errors.name}
            required
            data-autofocus
          />
          <TextInput
            label="Store handle"
            description="Used in addresses, e.g. /admin/stores/alder-ash. Cannot contain spaces."
            value={handle}
            onChange={(e) => {
              setHandle(e.currentTarget.value.toLowerCase());
              setHandleEdited(true);
            }}
            error={errors.handle}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Base currency"
              data={currencies}
              value={baseCurrency}
              onChange={setBaseCurrency}
              searchable
              allowDeselect={false}
              error={errors.baseCurrency}
              required
            />
            <TextInput
              label="Locale"
              placeholder="en or de-DE"
              value={locale}
              onChange={(e) => setLocale(e.currentTarget.value)}
              error={errors.locale}
            />
            <Select
              label="Time zone"
              data={timeZones}
              value={timezone}
              onChange={setTimezone}
              searchable
              limit={50}
              error={errors.timezone}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={createStore.isPending}>
              Create store
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
