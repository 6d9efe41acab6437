import { Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { trackingUrlFor } from './carriers.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail, Parcel } from './order-types.ts';
import { TrackingFields, type TrackingValues } from './TrackingFields.tsx';

type Field = keyof TrackingValues;
const fieldFor: Record<string, Field> = {
  carrier: 'carrier',
  trackingNumber: 'trackingNumber',
  trackingUrl: 'trackingUrl',
};

/** The fields that changed, as the API takes them: a field emptied is null (cleared). */
function changedTracking(
  before: TrackingValues,
  after: TrackingValues,
): Partial<Record<keyof TrackingValues, string | null>> {
  const changed: Partial<Record<keyof TrackingValues, string | null>> = {};
  for (const key of ['carrier', 'trackingNumber', 'trackingUrl'] as const) {
    const value = after[key].trim();
    if (value !== before[key]) changed[key] = value || null;
  }
  return changed;
}

/** Changes a parcel's carrier, tracking number or link (a label reprinted, a number typed wrong). */
export function EditTrackingModal({
  order,
  parcel,
  onClose,
}: {
  order: OrderDetail;
  parcel: Parcel;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const save = useOrderAction(store.handle, order.id);
  const [initial] = useState<TrackingValues>(() => ({
    carrier: parcel.carrier ?? '',
    trackingNumber: parcel.trackingNumber ?? '',
    // A link the server made from the carrier and number starts empty, so it is made again for a
    // new number (the field's placeholder shows it); a link someone typed is kept as it was.
    trackingUrl:
      parcel.trackingUrl && parcel.trackingUrl !== trackingUrlFor(parcel.carrier, parcel.trackingNumber)
        ? parcel.trackingUrl
        : '',
  }));
  const [values, setValues] = useState<TrackingValues>(initial);
  const form = useFormErrors<Field>(fieldFor);

  const submit = () => {
    const changed = changedTracking(initial, values);
    if (Object.keys(changed).length === 0) return onClose();
    save.mutate(
      { path: `/fulfilments/${encodeURIComponent(parcel.id)}`, method: 'patch', body: changed },
      {
        onSuccess: () => {
          notifySuccess('Tracking saved.');
          onClose();
        },
        onError: form.showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Edit tracking" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TrackingFields values={values} onChange={setValues} errors={form.errors} />
          <Text size="xs" c="dimmed">
            The customer is not e-mailed again; the order status page shows the new tracking.
          </Text>
          <FormFooter
            general={form.general}
            submitLabel="Save tracking"
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
