import {
  Alert,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { adjustmentReasonLabels, signed } from './inventory-labels.ts';
import { useAdjustStock } from './inventory-queries.ts';
import type { AdjustmentReason, InventoryLocation, VariantStock } from './inventory-types.ts';

type Field = 'location' | 'quantity' | 'reason' | 'note';
const fieldFor: Record<string, Field> = {
  locationId: 'location',
  quantity: 'quantity',
  reason: 'reason',
  note: 'note',
};

const reasons = (Object.keys(adjustmentReasonLabels) as AdjustmentReason[]).map((value) => ({
  value,
  label: adjustmentReasonLabels[value],
}));

/**
 * Corrects on hand at one location by a number of units, up or down, with a reason (damaged, lost,
 * found, correction) and an optional note. What the server refuses (e.g. removing more than is free
 * there) is shown on the field it is about.
 */
export function AdjustStockForm({
  variantId,
  locations,
  stock,
}: {
  variantId: string;
  locations: InventoryLocation[];
  stock: VariantStock;
}) {
  const { store } = useCurrentStore();
  const adjust = useAdjustStock(store.handle);
  const firstActive = locations.find((l) => l.active)?.id ?? null;
  const [locationId, setLocationId] = useState<string | null>(null);
  const [direction, setDirection] = useState<'add' | 'remove'>('add');
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState<AdjustmentReason>('correction');
  const [note, setNote] = useState('');
  const { errors, general, setErrors, showFound, showServerError } = useFormErrors(fieldFor);

  const location = locationId ?? firstActive;
  const here = stock.locations.find((l) => l.locationId === location);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!location) found.location = 'Choose a location.';
    const units = typeof amount === 'number' ? amount : Number.NaN;
    if (!Number.isInteger(units) || units < 1) found.quantity = 'Enter a whole number of units, 1 or more.';
    if (!showFound(found) || !location) return;
    const quantity = direction === 'add' ? units : -units;
    adjust.mutate(
      { variantId, locationId: location, quantity, reason, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          const name = locations.find((l) => l.id === location)?.name ?? 'the location';
          notifySuccess(`${signed(quantity)} at ${name}.`, 'Stock adjusted');
          setAmount('');
          setNote('');
        },
        onError: showServerError,
      },
    );
  };

  if (locations.length === 0) {
    return (
      <Alert color="gray" variant="light">
        Add a location first: stock is counted per location.
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Adjust stock">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Location"
            data={locations.map((l) => ({ value: l.id, label: l.active ? l.name : `${l.name} (inactive)` }))}
            value={location}
            onChange={(value) => {
              setLocationId(value);
              setErrors((e) => ({ ...e, location: undefined, quantity: undefined }));
            }}
            allowDeselect={false}
            error={errors.location}
            required
          />
          <Select
            label="Reason"
            data={reasons}
            value={reason}
            onChange={(value) => value && setReason(value as AdjustmentReason)}
            allowDeselect={false}
            error={errors.reason}
            required
          />
        </SimpleGrid>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <SegmentedControl
            aria-label="Add or remove"
            data={[
              { value: 'add', label: '+ Add' },
              { value: 'remove', label: '− Remove' },
            ]}
            value={direction}
            onChange={(value) => {
              setDirection(value as 'add' | 'remove');
              setErrors((e) => ({ ...e, quantity: undefined }));
            }}
            mt={25}
          />
          <NumberInput
            label="Quantity"
            description={
              direction === 'remove' ? `Available here: ${here?.available ?? 0}` : 'Units to add to on hand'
            }
            min={1}
            max={1_000_000}
            allowDecimal={false}
            allowNegative={false}
            value={amount}
            onChange={(value) => {
              setAmount(value);
              setErrors((e) => ({ ...e, quantity: undefined }));
            }}
            error={errors.quantity}
            required
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            style={{ flex: 1 }}
          />
        </Group>
        <Textarea
          label="Note"
          placeholder="What happened (optional)"
          autosize
          minRows={1}
          maxRows={4}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <FormFooter general={general} submitLabel="Adjust stock" pending={adjust.isPending} />
      </Stack>
    </form>
  );
}
