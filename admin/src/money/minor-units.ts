/**
 * Prices travel as integer minor units (cents, yen, fils). The console converts between what a
 * person types ("12.50") and those integers with string arithmetic only, so no float ever rounds a price.
 */

const fractionDigitsCache = new Map<string, number>();

/** The currency's exponent as the browser's ISO 4217 data knows it: JPY 0, EUR 2, KWD 3. */
export function currencyFractionDigits(currency: string): number {
  const cached = fractionDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // An unknown code: keep the common exponent rather than break the form.
  }
  fractionDigitsCache.set(currency, digits);
  return digits;
}

export type ParsedAmount = { ok: true; amount: number } | { ok: false; message: string };

const plainDecimal = /^(\d+)(?:\.(\d*))?$/;
const groupedDecimal = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;

/**
 * Parses a decimal such as "1,234.5" into minor units for a currency with `fractionDigits` decimals.
 * Commas are accepted only as thousands separators; more decimals than the currency has are refused.
 */
export function parseDecimalToMinor(input: string, fractionDigits: number): ParsedAmount {
  const text = input.trim().replace(/[\s_]/g, '');
  if (text === '') return { ok: false, message: 'Enter a price.' };
  if (text.startsWith('-')) return { ok: false, message: 'The price cannot be negative.' };
  const match = plainDecimal.exec(text) ?? groupedDecimal.exec(text);
  if (!match) return { ok: false, message: 'Enter a number such as 12.50.' };
  const whole = match[1]!.replace(/,/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > fractionDigits) {
    return {
      ok: false,
      message:
        fractionDigits === 0
          ? 'This currency has no decimal places.'
          : `Use at most ${fractionDigits} decimal place${fractionDigits === 1 ? '' : 's'}.`,
    };
  }
  const minor = BigInt(whole + fraction.padEnd(fractionDigits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'The price is too large.' };
  return { ok: true, amount: Number(minor) };
}

/** The decimal string for an integer amount of minor units: 1250 with 2 digits → "12.50". */
export function formatMinorAsDecimal(amount: number, fractionDigits: number): string {
  const negative = amount < 0;
  const digits = BigInt(Math.abs(Math.trunc(amount)))
    .toString()
    .padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits.slice(digits.length - fractionDigits);
  return `${negative ? '-' : ''}${whole}${fractionDigits > 0 ? `.${fraction}` : ''}`;
}

/** A price for display, e.g. "€12.50" or "¥1,200", in the reader's locale. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const digits = currencyFractionDigits(currency);
  const decimal = formatMinorAsDecimal(amount, digits);
  try {
    // A decimal string keeps the exact value; Intl accepts it as a numeric literal.
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      decimal as Intl.StringNumericLiteral,
    );
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** The currency's symbol as the reader's locale writes it, e.g. "$" or "CHF". */
export function currencySymbol(currency: string, locale?: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
