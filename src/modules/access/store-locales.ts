import { z } from 'zod';

/**
 * Languages a store speaks. `stores.locale` is the default: the language the catalog is written in
 * and the storefront serves without a path prefix. `stores.enabled_locales` holds the others, served
 * under `/<locale>/…` and filled in by translators.
 */

/** At most this many locales per store, the default included (each one multiplies pages and sitemaps). */
export const MAX_STORE_LOCALES = 20;

/**
 * The BCP 47 shapes a storefront can serve as a path prefix and an hreflang value: a language, an
 * optional script and an optional region (en, de-CH, es-419, zh-Hant-TW). Extensions, variants and
 * private-use subtags are well-formed BCP 47 but mean nothing to hreflang, so they are refused.
 */
const SERVABLE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** The canonical form of a servable tag (`FR-ca` → `fr-CA`), or undefined when it is not one. */
export function canonicalLocale(tag: string): string | undefined {
  if (tag.length === 0 || tag.length > 35) return undefined;
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return undefined;
  }
  return canonical && SERVABLE_TAG.test(canonical) ? canonical : undefined;
}

const TAG_MESSAGE = 'Use a BCP 47 language tag such as fr, de-CH, es-419 or zh-Hant-TW.';

export const localeTagSchema = z
  .string()
  .trim()
  .transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (!canonical) {
      ctx.addIssue({ code: 'custom', message: TAG_MESSAGE });
      return z.NEVER;
    }
    return canonical;
  });

export const storeLocalesSchema = z
  .array(localeTagSchema)
  .max(MAX_STORE_LOCALES, `A store serves at most ${MAX_STORE_LOCALES} locales.`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    for (const [index, tag] of tags.entries()) {
      if (seen.has(tag)) ctx.addIssue({ code: 'custom', message: `${tag} is listed twice.`, path: [index] });
      seen.add(tag);
    }
  });

/** Every locale the store serves, the default first. */
export function storeLocales(store: { locale: string; enabledLocales: readonly string[] }): string[] {
  return [store.locale, ...store.enabledLocales.filter((l) => l !== store.locale)];
}

/**
 * The `enabled_locales` column after a settings change. `locales` (when sent) is the whole set the
 * store serves; the default is always served, so it need not be listed. A new default that was an
 * additional locale leaves that list, and the old default stays served unless `locales` drops it.
 */
export function nextEnabledLocales(
  before: { locale: string; enabledLocales: readonly string[] },
  change: { locale?: string; locales?: readonly string[] },
): string[] {
  const locale = change.locale ?? before.locale;
  const wanted = change.locales ?? storeLocales(before);
  return wanted.filter((l) => l !== locale);
}

/** The path segment a non-default locale is served under: the tag in lower case (`/fr-ca/…`), as URLs usually are. */
export function localePathSegment(locale: string): string {
  return locale.toLowerCase();
}

/** The served locale a path segment names (`fr-ca` → `fr-CA`), matched without regard to case. */
export function localeOfPathSegment(
  store: { locale: string; enabledLocales: readonly string[] },
  segment: string,
): string | undefined {
  const wanted = segment.toLowerCase();
  return storeLocales(store).find((l) => l.toLowerCase() === wanted);
}
