import { numberFormat } from '../../../platform/intl-formats.ts';
import { englishMessages, type MessageCatalog, type StorefrontMessages } from './english.ts';
import { frenchMessages } from './french.ts';
import { germanMessages } from './german.ts';
import { spanishMessages } from './spanish.ts';

export type { MessageCatalog, StorefrontMessages } from './english.ts';

/** Catalogs by language: a regional locale (`de-CH`, `fr-CA`) speaks its language's words. */
export const catalogs: Readonly<Record<string, MessageCatalog>> = {
  de: germanMessages,
  fr: frenchMessages,
  es: spanishMessages,
};

/** Locales are few (a store serves at most 20), so every one asked for stays built. */
const MAX_KEPT = 500;
const built = new Map<string, StorefrontMessages>();

function languageOf(locale: string): string {
  try {
    return new Intl.Locale(locale).language;
  } catch {
    return 'en';
  }
}

function numberFormatOf(locale: string): Intl.NumberFormat {
  try {
    return numberFormat(locale);
  } catch {
    return numberFormat('en');
  }
}

/**
 * The storefront's words for a page's locale: its language's catalog over English, so a key the
 * language lacks shows in English. Numbers inside messages are written for the locale itself
 * (`de-CH` writes 1’234, `de` 1.234).
 */
export function messagesFor(locale: string): StorefrontMessages {
  const kept = built.get(locale);
  if (kept) return kept;
  const messages = messagesWith(locale, catalogs[languageOf(locale)]);
  if (built.size < MAX_KEPT) built.set(locale, messages);
  return messages;
}

/** A catalog laid over English for a locale: what it lacks (or leaves undefined) stays English. */
export function messagesWith(locale: string, catalog: MessageCatalog | undefined): StorefrontMessages {
  const numbers = numberFormatOf(locale);
  const format = { number: (n: number) => numbers.format(n) };
  const messages = { ...englishMessages(format) } as Record<string, unknown>;
  for (const [key, value] of Object.entries(catalog?.(format) ?? {})) {
    if (value !== undefined) messages[key] = value;
  }
  return messages as StorefrontMessages;
}
