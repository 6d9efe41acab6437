import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

/** Languages a browser sends are client input; a few are plenty to find the one it prefers. */
const MAX_ACCEPTED_LANGUAGES = 12;

function isWellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The served locale an `Accept-Language` header prefers, by the header's own order and weights
 * (q=0 means "not this one"): `fr-CA` finds `fr`, `en-GB` finds `en`, a language the store does not
 * serve is passed over. With no header, or nothing that matches, the store's default.
 */
export function preferredLocale(
  acceptLanguage: string | undefined,
  served: readonly string[],
  defaultLocale: string,
): string {
  if (!acceptLanguage || served.length < 2) return defaultLocale;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage.slice(0, 1000) } })
    .languages()
    .filter((tag) => tag !== '*' && isWellFormed(tag))
    .slice(0, MAX_ACCEPTED_LANGUAGES);
  if (requested.length === 0) return defaultLocale;
  return match(requested, [...served], defaultLocale, { algorithm: 'best fit' });
}
