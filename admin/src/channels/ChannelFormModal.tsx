import { Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { channelKindLabels } from './channel-labels.ts';
import { useSaveChannel } from './channel-queries.ts';
import type { ChannelInput, ChannelKind, SalesChannel } from './channel-types.ts';

type Field = 'name' | 'kind' | 'buffer' | 'locations' | 'active';
/** The API's field names (and the last part of their paths) → this form's inputs. */
const fieldFor: Record<string, Field> = {
  name: 'name',
  kind: 'kind',
  safetyBuffer: 'buffer',
  locationIds: 'locations',
  active: 'active',
};

/** The server's limit on the buffer (src/modules/inventory/channels/channels.ts). */
const maxBuffer = 1_000_000;

const kinds = (Object.keys(channelKindLabels) as ChannelKind[]).map((value) => ({
  value,
  label: channelKindLabels[value],
}));

/** Adds a sales channel (`channel` null) or changes one; the server's objections show on their fields. */
export function ChannelFormModal({
  channel,
  onClose,
}: {
  channel: SalesChannel | null;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const save = useSaveChannel(store.handle);
  const locations = useQuery(locationsQuery(store.handle));
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'marketplace');
  const [buffer, setBuffer] = useState<number | string>(channel?.safetyBuffer ?? 0);
  const [locationIds, setLocationIds] = useState<string[]>(channel?.locationIds ?? []);
  const [active, setActive] = useState(channel?.active ?? true);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  // A location the channel names stays choosable (and removable) even when it is switched off.
  const locationOptions = (locations.data ?? []).map((l) => ({
    value: l.id,
    label: l.active ? l.name : `${l.name} (inactive)`,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the channel a name.';
    if (typeof buffer !== 'number' || !Number.isInteger(buffer) || buffer < 0 || buffer > maxBuffer) {
      found.buffer = `Use a whole number from 0 to ${maxBuffer.toLocaleString('en')}.`;
    }
    if (!showFound(found)) return;
    const input: ChannelInput = {
      name: name.trim(),
      kind,
      safetyBuffer: buffer as number,
      locationIds,
      active,
    };
    save.mutate(
      { id: channel?.id ?? null, input },
      {
        onSuccess: (saved) => {
          notifySuccess(channel ? `${saved.name} saved.` : `${saved.name} added.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={channel ? `Edit ${channel.name}` : 'Add sales channel'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Name"
              placeholder="Amazon DE"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={120}
              required
              data-autofocus
            />
            <Select
              label="Kind"
              data={kinds}
              value={kind}
              onChange={(value) => value && setKind(value as ChannelKind)}
              allowDeselect={false}
              error={errors.kind}
              required
            />
          </SimpleGrid>
          <MultiSelect
            label="Sells stock from"
            description="Leave empty to sell the stock of every active location."
            placeholder={locationIds.length === 0 ? 'All active locations' : undefined}
            data={locationOptions}
            value={locationIds}
            onChange={setLocationIds}
            error={errors.locations}
            disabled={locations.isPending}
            searchable
            clearable
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <NumberInput
            label="Safety buffer"
            description="Units of each variant held back from this channel, so one that hears of sales late oversells less."
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={buffer}
            onChange={setBuffer}
            error={errors.buffer}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Switch
            label="Active"
            description="An inactive channel keeps its settings but has no stock and is sent no changes."
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            error={errors.active}
            mt="xs"
          />
          <FormFooter
            general={general}
            submitLabel={channel ? 'Save channel' : 'Add channel'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
