import { Autocomplete, SimpleGrid, TextInput } from '@mantine/core';
import { carrierTracking, trackingUrlFor } from './carriers.ts';

export interface TrackingValues {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
}

export const emptyTracking: TrackingValues = { carrier: '', trackingNumber: '', trackingUrl: '' };

/** The fields as the API takes them: empty ones left out (the server makes the link of a known carrier). */
export function trackingBody(values: TrackingValues): Partial<TrackingValues> {
  const body: Partial<TrackingValues> = {};
  for (const key of ['carrier', 'trackingNumber', 'trackingUrl'] as const) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  return body;
}

/**
 * Carrier (one of the known ones, or any name typed), tracking number and an optional tracking
 * address; for a known carrier the address field shows the link the server will make.
 */
export function TrackingFields({
  values,
  onChange,
  errors,
}: {
  values: TrackingValues;
  onChange: (values: TrackingValues) => void;
  errors: Partial<Record<keyof TrackingValues, string>>;
}) {
  const made = trackingUrlFor(values.carrier, values.trackingNumber);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Autocomplete
          label="Carrier"
          placeholder="Choose or type"
          data={carrierTracking.map((c) => c.name)}
          value={values.carrier}
          onChange={(carrier) => onChange({ ...values, carrier })}
          error={errors.carrier}
          maxLength={100}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Tracking number"
          value={values.trackingNumber}
          onChange={(e) => onChange({ ...values, trackingNumber: e.currentTarget.value })}
          error={errors.trackingNumber}
          maxLength={100}
          autoComplete="off"
        />
      </SimpleGrid>
      <TextInput
        label="Tracking link"
        description={
          made
            ? 'Made from the carrier and number; type another address to use that instead.'
            : 'Optional: the page where the customer follows the parcel.'
        }
        placeholder={made ?? 'https://'}
        value={values.trackingUrl}
        onChange={(e) => onChange({ ...values, trackingUrl: e.currentTarget.value })}
        error={errors.trackingUrl}
        maxLength={2000}
        type="url"
      />
    </>
  );
}
