import { addressRuleOf } from './address-rules.ts';

/** A region's name where the store knows it (US-CA → "California"), else as it was given. */
export function regionName(country: string, region: string): string {
  return addressRuleOf(country).regions?.[region] ?? region;
}

/** Countries that write "City, Region Postcode" on one line. */
const cityFirst = new Set(['US', 'CA', 'AU']);
/** Countries that put the postcode on a line of its own after the town. */
const postcodeLine = new Set(['GB', 'IE']);

/** The parts of an address its town lines are made of. */
export interface TownParts {
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string | null;
  /** ISO 3166-2 code (US-OR) or a name as the customer typed it. */
  region?: string | null;
  postalCode?: string | null;
}

/**
 * The town lines of an address in its country's usual order, blank ones left out: "Portland, Oregon
 * 97201" in the US, Canada and Australia; the postcode on a line of its own in the UK and Ireland;
 * "10115 Berlin" elsewhere, then the region. Every place that shows an address (storefront, e-mails,
 * the admin console) uses it, so a label, a confirmation and an order page read the same.
 */
export function townLines(address: TownParts): string[] {
  const country = address.country.toUpperCase();
  const city = address.city?.trim() || null;
  const postalCode = address.postalCode?.trim() || null;
  const region = address.region?.trim() ? regionName(country, address.region.trim()) : null;
  const lines = cityFirst.has(country)
    ? [[[city, region].filter(Boolean).join(', '), postalCode].filter(Boolean).join(' ')]
    : postcodeLine.has(country)
      ? [city, region, postalCode]
      : [[postalCode, city].filter(Boolean).join(' '), region];
  return lines.filter((line): line is string => Boolean(line));
}
