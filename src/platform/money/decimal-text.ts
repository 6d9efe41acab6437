import { badRequest } from '../errors.ts';
import { numberFormat } from '../intl-formats.ts';
import { assertMinorUnits, type Money, moneyOf } from './amounts.ts';
import { currencyExponent } from './currencies.ts';

// Deliberately strict: no grouping separators ("1,234.50"), no locale commas, no "+", no exponent
// notation, no leading or trailing dot, no whitespace. Those are ambiguous across locales.
const plainDecimal = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string ("19.99", "-5", "0.5") into minor units of `currency`.
 * More fraction digits than the currency has ("19.999" EUR, "5.0" JPY) are rejected, not rounded.
 * Errors: 400 `invalid_amount`; 422 `unknown_currency`.
 */
export function parseMoney(text: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  const match = typeof text === 'string' ? plainDecimal.exec(text) : null;
  if (!match) {
    throw badRequest('invalid_amount', 'The amount must be a plain decimal number such as 19.99.', {
      text,
      currency,
    });
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) {
    throw badRequest(
      'invalid_amount',
      exponent === 0
        ? `${currency} amounts have no decimal places.`
        : `${currency} amounts have at most ${exponent} decimal places.`,
      { text, currency, exponent },
    );
  }
  // BigInt keeps the digits exact until the range check, so huge inputs cannot round into range.
  const minor = BigInt(`${sign}${whole}${fraction.padEnd(exponent, '0')}`);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw badRequest('invalid_amount', 'The amount is too large.', { text, currency });
  }
  return moneyOf(Number(minor), currency);
}

/** Minor units as a plain decimal string with exactly the currency's digits: 1999 EUR → "19.99". */
export function formatMinorAsDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  assertMinorUnits(amount);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Formats for people, e.g. "€19.99", "¥1,235", "KWD 1.234". The ISO exponent overrides CLDR's display
 * digits (which drop decimals for e.g. IQD or HUF) so a shown amount is always the exact stored one.
 * Errors: 400 `invalid_locale` for a malformed locale tag.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  let format: Intl.NumberFormat;
  try {
    format = numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
  } catch (err) {
    if (err instanceof RangeError) {
      throw badRequest('invalid_locale', `Unsupported locale: ${JSON.stringify(locale)}.`, { locale });
    }
    throw err;
  }
  // A decimal string is formatted exactly; dividing by 10^exponent as a float would not be.
  return format.format(formatMinorAsDecimal(amount, currency) as Intl.StringNumericLiteral);
}
