import { townLines } from '../customers/index.ts';
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
 * The lines of an address as an envelope shows them: the town lines in the country's order (the
 * customers module's layout, as the storefront and the console write them), the country's name last.
 */
export function addressLines(address: unknown, locale: string): string[] {
  if (!address || typeof address !== 'object') return [];
  const a = address as MailAddress;
  const country = text(a.country).toUpperCase();
  const lines = [
    text(a.name),
    text(a.company),
    text(a.line1),
    text(a.line2),
    ...townLines({ country, city: text(a.city), region: text(a.region), postalCode: text(a.postal_code) }),
    country ? countryName(country, locale) : '',
  ];
  return lines.filter(Boolean);
}
