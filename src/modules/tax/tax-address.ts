import { z } from 'zod';
import { isCountryCode } from '../../platform/countries/country-codes.ts';
import { unprocessable } from '../../platform/errors.ts';
import { isSubdivisionOf } from './subdivision-codes.ts';

/** Where tax is owed: a country and, where it matters, its ISO 3166-2 subdivision (a US state). */
export interface TaxAddress {
  country: string;
  region?: string | null;
}

const upper = (value: string) => value.trim().toUpperCase();

export const countryCodeInput = z
  .string()
  .max(8)
  .transform(upper)
  .refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.');

/** A region code as typed; whether it belongs to the country is checked with the country. */
export const regionCodeInput = z
  .string()
  .max(12)
  .transform(upper)
  .nullish()
  .transform((region) => region || null);

/** An address as the API takes it: { country: 'US', region: 'US-CA' }, upper-cased. */
export const taxAddressInput = z
  .object({ country: countryCodeInput, region: regionCodeInput })
  .strict()
  .refine((a) => a.region === null || isSubdivisionOf(a.country, a.region), {
    message: 'Not an ISO 3166-2 subdivision code of the country, e.g. US-CA.',
    path: ['region'],
  });

/** The address upper-cased and checked, for callers outside HTTP. Errors: 422 `invalid_address`. */
export function checkedTaxAddress(address: TaxAddress): { country: string; region: string | null } {
  const parsed = taxAddressInput.safeParse(address);
  if (!parsed.success) {
    throw unprocessable(
      'invalid_address',
      'The address needs an ISO country code and, if any, a region code of it.',
      {
        address,
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      },
    );
  }
  return parsed.data;
}
