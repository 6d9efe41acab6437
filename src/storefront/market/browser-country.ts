import Negotiator from 'negotiator';
import { isCountryCode } from '../../platform/countries/country-codes.ts';

/** Header values are client input; the first few tags are plenty. */
const MAX_TAGS = 12;

/**
 * The country a browser's `Accept-Language` points at: the region of its most preferred tag that
 * names one (`de-AT` → AT, `en-US` → US); null when no tag does (`fr`, `en`). A hint, not a
 * fact — many browsers say `en-US` wherever they are — so a country the shopper picks wins.
 */
export function browserCountry(acceptLanguage: string | undefined): string | null {
  if (!acceptLanguage) return null;
  const tags = new Negotiator({ headers: { 'accept-language': acceptLanguage.slice(0, 1000) } })
    .languages()
    .slice(0, MAX_TAGS);
  for (const tag of tags) {
    let region: string | undefined;
    try {
      region = new Intl.Locale(tag).region;
    } catch {
      region = undefined;
    }
    if (region && isCountryCode(region)) return region;
  }
  return null;
}
