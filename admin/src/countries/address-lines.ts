import { townLines } from '../../../src/modules/customers/addresses/address-layout.ts';
import { countryName } from './country-names.ts';

/** The parts of a postal address the console shows (orders, draft orders, customers). */
export interface PostalParts {
  firstName: string;
  lastName: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
  phone?: string | null;
}

/**
 * The address as a label prints it, one line per part: the town lines in the country's order
 * ("Portland, Oregon 97201", "10115 Berlin"), the server's own layout, so the console, the
 * storefront and the e-mails write an address the same way.
 */
export function addressLines(address: PostalParts): string[] {
  return [
    `${address.firstName} ${address.lastName}`.trim(),
    address.company,
    address.line1,
    address.line2,
    ...townLines(address),
    countryName(address.country),
    address.phone,
  ].filter((part): part is string => Boolean(part));
}
