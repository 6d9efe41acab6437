/** How the console names locales: in English (the console's language), with the tag for precision. */

const names = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(locale: string): string {
  try {
    return names.of(locale) ?? locale;
  } catch {
    return locale;
  }
}

export function localeLabel(locale: string): string {
  return `${languageName(locale)} (${locale})`;
}

/** The canonical form of a BCP 47 tag the storefront can serve (language[-Script][-REGION]), or null. */
export function canonicalLocaleTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    return canonical && /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/.test(canonical)
      ? canonical
      : null;
  } catch {
    return null;
  }
}

/** Languages offered in the picker; any other BCP 47 tag can be typed in. */
export const commonLocales = [
  'ar',
  'cs',
  'da',
  'de',
  'de-AT',
  'de-CH',
  'el',
  'en',
  'en-GB',
  'en-US',
  'es',
  'es-419',
  'es-MX',
  'fi',
  'fr',
  'fr-BE',
  'fr-CA',
  'fr-CH',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nb',
  'nl',
  'nl-BE',
  'pl',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'sk',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-Hans',
  'zh-Hant',
];
