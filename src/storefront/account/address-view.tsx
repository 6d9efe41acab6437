import { Fragment } from 'preact';
import { addressRuleOf, type CustomerAddress } from '../../modules/customers/index.ts';
import type { StorefrontSite } from '../site.ts';

/** A country's name in the page's language (DE → "Germany", "Deutschland"). */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A region's name where the store knows it (US-CA → "California"), else its code. */
export function regionName(country: string, region: string): string {
  return addressRuleOf(country).regions?.[region] ?? region;
}

/** Countries that write "City, Region Postcode" on one line. */
const cityFirst = new Set(['US', 'CA', 'AU']);
/** Countries that put the postcode on a line of its own after the town. */
const postcodeLine = new Set(['GB', 'IE']);

/** The town lines of an address in its country's usual order. */
function townLines(address: CustomerAddress): (string | null)[] {
  const region = address.region ? regionName(address.country, address.region) : null;
  if (cityFirst.has(address.country)) {
    return [`${address.city}, ${[region, address.postalCode].filter(Boolean).join(' ')}`];
  }
  if (postcodeLine.has(address.country)) return [address.city, region, address.postalCode];
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
    country: countryName(address.country, site.locale),
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
