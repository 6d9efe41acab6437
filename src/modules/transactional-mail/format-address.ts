/** A postal address as the modules that send mail give it (docs/transactional-mail.md). */
export interface MailAddress {
  name?: string | null;
  company?: string | null;
  line1?: string | null;
  line2?: string | null;
  postal_code?: string | null;
  city?: string | null;
  region?: string | null;
  /** ISO 3166-1 alpha-2; printed as the country's name in the e-mail's language. */
  country?: string | null;
}

/** Countries that write the city before the postal code on one line ("Springfield, IL 62701"). */
const cityFirst = new Set(['US', 'CA', 'AU']);
/** Countries that put the postal code on a line of its own, after the city. */
const postcodeLine = new Set(['GB', 'IE']);

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The country's name in `locale` (FR → "France", "Frankreich"), or the code when unknown. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The lines of an address as an envelope shows them. The common layouts only: postal code then
 * city in most of Europe, city then region and code in North America and Australia, the postcode
 * on its own line in the UK and Ireland; the country's name last.
 */
export function addressLines(address: unknown, locale: string): string[] {
  if (!address || typeof address !== 'object') return [];
  const a = address as MailAddress;
  const country = text(a.country).toUpperCase();
  const city = text(a.city);
  const region = text(a.region);
  const postalCode = text(a.postal_code);
  const locality = cityFirst.has(country)
    ? [[city, region].filter(Boolean).join(', '), postalCode].filter(Boolean).join(' ')
    : postcodeLine.has(country)
      ? city
      : [postalCode, city].filter(Boolean).join(' ');
  const lines = [
    text(a.name),
    text(a.company),
    text(a.line1),
    text(a.line2),
    locality,
    postcodeLine.has(country) ? postalCode : '',
    !cityFirst.has(country) && !postcodeLine.has(country) ? region : '',
    country ? countryName(country, locale) : '',
  ];
  return lines.filter(Boolean);
}
