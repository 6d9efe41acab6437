import { badRequest, unprocessable } from '../../../platform/errors.ts';
import { canonicalLocale, type Store, storeLocales } from '../../access/index.ts';

/**
 * The locale a translation request names, in canonical form, when translations in it make sense:
 * a well-formed tag (else 400 invalid_locale), one the store serves (else 422 locale_not_enabled),
 * and not the default locale, whose text is the product itself (else 422 default_locale).
 */
export function translationLocale(
  store: Pick<Store, 'locale' | 'enabledLocales'>,
  requested: string,
): string {
  const locale = canonicalLocale(requested);
  if (!locale) {
    throw badRequest('invalid_locale', `"${requested.slice(0, 40)}" is not a BCP 47 language tag.`, {
      locale: requested.slice(0, 40),
    });
  }
  if (locale === store.locale) {
    throw unprocessable(
      'default_locale',
      `${locale} is the store's default locale: edit the product itself to change its text.`,
      { locale },
    );
  }
  if (!store.enabledLocales.includes(locale)) {
    throw unprocessable(
      'locale_not_enabled',
      `The store does not serve ${locale}; enable it in the store settings first.`,
      {
        locale,
        enabled: storeLocales(store),
      },
    );
  }
  return locale;
}

/** The locales a store translates into: every served locale but the default. */
export function translationLocales(store: Pick<Store, 'locale' | 'enabledLocales'>): string[] {
  return storeLocales(store).slice(1);
}
