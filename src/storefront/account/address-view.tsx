import { Fragment } from 'preact';
import { type CustomerAddress, townLines } from '../../modules/customers/index.ts';
import { countryName } from '../market/country-names.ts';
import type { StorefrontSite } from '../site.ts';

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
