import { Select, TextInput } from '@mantine/core';
import { countryOptions } from './country-names.ts';

/**
 * "Ship to country" and its region, as the calculators (the shipping quote, the tax preview) ask
 * for them: the country from the list, the region as an ISO 3166-2 code. Two inputs side by side
 * in the caller's grid.
 */
export function ShipToFields({
  country,
  onCountry,
  region,
  onRegion,
  errors,
  regionExample,
}: {
  country: string | null;
  onCountry: (country: string | null) => void;
  region: string;
  onRegion: (region: string) => void;
  errors: { country?: string | undefined; region?: string | undefined };
  /** A region code of a country where regions matter to this calculation, e.g. US-CA. */
  regionExample: string;
}) {
  return (
    <>
      <Select
        label="Ship to country"
        placeholder="Search countries"
        data={countryOptions}
        value={country}
        onChange={onCountry}
        error={errors.country}
        searchable
        required
      />
      <TextInput
        label="Region"
        description={`ISO 3166-2, e.g. ${regionExample}; optional.`}
        placeholder={country ? `${country}-…` : regionExample}
        value={region}
        onChange={(e) => onRegion(e.currentTarget.value)}
        error={errors.region}
        maxLength={12}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
    </>
  );
}
