import { Fragment } from 'preact';
import { addressRuleOf, type CustomerAddress } from '../../modules/customers/index.ts';
import { countryName } from '../market/country-names.ts';
import type { StorefrontSite } from '../site.ts';

/** A region's name where the store knows it (US-CA → "California"), else its code. */
export function regionName(country: string, region: string): string {
  return addressRuleOf(country).regions?.[region] ?? region;
}

/** Countries that write "City, Region Postcode" on one line. */
const cityFirst = new Set(['US', 'CA', 'AU']);
/** Countries that put the postcode on a line of its own after the town. */
const postcodeLine = new Set(['GB', 'IE']);

/**
 * The town lines of an address in its country's usual order: "Portland, Oregon 97201" in the US,
 * Canada and Australia, the postcode on a line of its own in the UK and Ireland, "10115 Berlin"
 * elsewhere. Every place that shows an address (account, checkout, order page) uses it.
 */
export function townLines(
  address: Pick<CustomerAddress, 'country' | 'city'> & { region?: string | null; postalCode?: string | null },
): (string | null)[] {
  const region = address.region ? regionName(address.country, address.region) : null;
  if (cityFirst.has(address.country)) {
    return [`${address.city}, ${[region, address.postalCode].filter(Boolean).join(' ')}`];
  }
  if (postcodeLine.has(address.country)) return [address.city, region, address.postalCode ?? null];
  return [[address.postalCode, address.city].filter(Boolean).join(' '), region];
}

/** A saved address as an envelope would show it, one line per part. */
export function PostalAddress({ site, address }: { site: StorefrontSite; address: CustomerAddress }) {
  const lines = Object.entries({
    name: `${address.firstName} ${address.lastName}`,
    company: address.company,
    line1: address.line1,
    line2: address.line2,
    ...Object.fromEntries(townLines(address).map((line, n) => [`town${n}`, line])),
    country: countryName(site.locale, address.country),
    phone: address.phone,
  }).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return (
    <address>
      {lines.map(([part, line], i) => (
        <Fragment key={part}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </address>
  );
}
