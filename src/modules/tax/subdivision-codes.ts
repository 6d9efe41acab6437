import { isCountryCode } from '../../platform/countries/country-codes.ts';

/**
 * ISO 3166-2 subdivision codes name a tax region: the country's alpha-2 code, a hyphen, and one to
 * three letters or digits (US-CA, CA-QC, ES-CN, DE-BY). For the countries whose sales taxes are set
 * by subdivision — the United States and Canada — the code must be one of the published ones, so
 * a typo cannot make a rate that never applies; elsewhere the form is checked.
 */
// biome-ignore format: one row per line of the ISO 3166-2:US list (states, then the district and outlying areas).
const unitedStates = [
  'US-AL', 'US-AK', 'US-AZ', 'US-AR', 'US-CA', 'US-CO', 'US-CT', 'US-DE', 'US-FL', 'US-GA',
  'US-HI', 'US-ID', 'US-IL', 'US-IN', 'US-IA', 'US-KS', 'US-KY', 'US-LA', 'US-ME', 'US-MD',
  'US-MA', 'US-MI', 'US-MN', 'US-MS', 'US-MO', 'US-MT', 'US-NE', 'US-NV', 'US-NH', 'US-NJ',
  'US-NM', 'US-NY', 'US-NC', 'US-ND', 'US-OH', 'US-OK', 'US-OR', 'US-PA', 'US-RI', 'US-SC',
  'US-SD', 'US-TN', 'US-TX', 'US-UT', 'US-VT', 'US-VA', 'US-WA', 'US-WV', 'US-WI', 'US-WY',
  'US-DC', 'US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI',
];
// biome-ignore format: the ISO 3166-2:CA provinces, then territories.
const canada = [
  'CA-AB', 'CA-BC', 'CA-MB', 'CA-NB', 'CA-NL', 'CA-NS', 'CA-ON', 'CA-PE', 'CA-QC', 'CA-SK',
  'CA-NT', 'CA-NU', 'CA-YT',
];

const listed: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['US', new Set(unitedStates)],
  ['CA', new Set(canada)],
]);

const subdivisionForm = /^([A-Z]{2})-[A-Z0-9]{1,3}$/;

/** True when `region` is an upper-case ISO 3166-2 code of `country` (itself an assigned alpha-2 code). */
export function isSubdivisionOf(country: string, region: string): boolean {
  if (!isCountryCode(country)) return false;
  const match = subdivisionForm.exec(region);
  if (!match || match[1] !== country) return false;
  return listed.get(country)?.has(region) ?? true;
}
