import { currencyCodes } from '../../../src/platform/money/currencies.ts';

const names = new Intl.DisplayNames(['en'], { type: 'currency' });

/** "US Dollar" for USD; the code itself when the browser does not know it. */
export function currencyName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every ISO 4217 currency the server accepts, as choices of a select: "USD – US Dollar", by code
 * (people who sell abroad know the codes; the name is there to check).
 */
export const currencyOptions: { value: string; label: string }[] = currencyCodes.map((code) => ({
  value: code,
  label: `${code} – ${currencyName(code)}`,
}));
