import { regionLists } from './region-lists.ts';

/**
 * Which address fields a country needs, from Google's address data (libaddressinput, the `require`
 * letters of each country, as Chrome's autofill and Android use them): a postal code is required
 * where the country's data requires one (`Z`). Elsewhere it is optional: Ireland's Eircode is not
 * required, and many countries have no postal codes at all.
 */
// biome-ignore format: one row per initial letter keeps the list reviewable against the source.
const postalCodeRequired: ReadonlySet<string> = new Set([
  'AS', 'AT', 'AU', 'AX',
  'BE', 'BL', 'BR',
  'CA', 'CH', 'CN', 'CZ',
  'DE', 'DK',
  'EE', 'ES',
  'FI', 'FK', 'FM', 'FR',
  'GB', 'GF', 'GG', 'GL', 'GP', 'GR', 'GS', 'GU',
  'HU',
  'IM', 'IN', 'IO', 'IT',
  'JE', 'JP',
  'KR',
  'LI', 'LT', 'LU', 'LV',
  'MF', 'MH', 'MP', 'MQ', 'MX', 'MY',
  'NC', 'NL', 'NO', 'NZ',
  'PF', 'PL', 'PM', 'PN', 'PR', 'PT', 'PW',
  'RE', 'RU',
  'SE', 'SG', 'SH', 'SJ', 'SK', 'SM',
  'TC', 'TR', 'TW',
  'UA', 'US',
  'VI',
  'WF',
  'YT',
  'ZA',
]);

export interface CountryAddressRule {
  postalCode: 'required' | 'optional';
  /**
   * `required`: one of `regions` (the country's ISO 3166-2 codes). `optional`: none needed; one that
   * is given must still have the form of a region of this country (`ES-M`, `IT-MI`).
   */
  region: 'required' | 'optional';
  /** The country's regions by code with their names, where the address needs one. */
  regions?: Readonly<Record<string, string>>;
}

/**
 * The address rule of a country. A region is required where the store keeps the country's list of
 * regions (`region-lists.ts`: US, CA, AU, BR, MX, JP), so a shopper always picks from a list and
 * never types a code.
 */
export function addressRuleOf(country: string): CountryAddressRule {
  const regions = regionLists[country];
  return {
    postalCode: postalCodeRequired.has(country) ? 'required' : 'optional',
    region: regions ? 'required' : 'optional',
    ...(regions ? { regions } : {}),
  };
}

/** The countries whose addresses need a region, with their regions (for a form's region menu). */
export function countriesWithRegions(): { country: string; regions: Readonly<Record<string, string>> }[] {
  return Object.entries(regionLists).map(([country, regions]) => ({ country, regions }));
}
