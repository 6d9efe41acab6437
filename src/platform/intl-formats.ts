/**
 * Intl formatters, made once per locale and options and kept. Making one costs tens of
 * microseconds (it loads the locale's data); a cart page or an order e-mail formats dozens of
 * amounts and dates, so making them per call was a measurable share of the checkout benchmark's CPU.
 * Locales, currencies and time zones come from store settings and pages' languages, so the set is
 * small; the cache still empties itself past `limit` entries rather than grow without bound.
 *
 * The constructors' errors pass through unchanged (RangeError for an unknown locale, currency or
 * time zone) and nothing is cached for them.
 */
const limit = 2_000;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function kept<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key);
  if (!format) {
    format = make();
    if (cache.size >= limit) cache.clear();
    cache.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return kept(
    numberFormats,
    `${locale}\u0000${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  );
}

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  return kept(
    dateTimeFormats,
    `${locale}\u0000${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

/** The calendar day (YYYY-MM-DD) of `at` in `timeZone`; RangeError for an unknown zone. */
export function dayIn(timeZone: string, at: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
