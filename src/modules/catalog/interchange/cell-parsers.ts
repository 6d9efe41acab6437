import { currencyExponent, parseMoney } from '../../../platform/money.ts';
import type { RowIssue } from './product-record.ts';

/**
 * Parsers for the kinds of cell every product format has. Each takes the cell's text and where it
 * is, and returns either the value or a RowIssue that says in plain words what is wrong and how
 * to write it. An empty cell is a value too (null), not an error; whether a value is required is
 * the format's decision.
 */

export interface CellRef {
  row: number;
  column: string;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; issue: RowIssue };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });

export function cellIssue(at: CellRef, code: string, message: string): RowIssue {
  return { row: at.row, column: at.column, code, message, severity: 'error' };
}

const fail = (at: CellRef, code: string, message: string): CellResult<never> => ({
  ok: false,
  issue: cellIssue(at, code, message),
});

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * An amount in the store currency, as integer minor units. Accepts what spreadsheets write for a
 * plain decimal ("19.99", "5", ".5", "25.00" for JPY) and rejects anything a locale could read two
 * ways ("1,299", "19,99", "$5").
 */
export function parseMoneyCell(text: string, currency: string, at: CellRef): CellResult<number | null> {
  let value = text.trim();
  if (value === '') return ok(null);
  if (value.startsWith('.')) value = `0${value}`;
  if (value.startsWith('-')) {
    return fail(at, 'invalid_price', `${at.column} cannot be negative (got ${quoted(text)}).`);
  }
  // Trailing zeros past the currency's digits change nothing ("25.00" yen is 25 yen).
  const exponent = currencyExponent(currency);
  const dot = value.indexOf('.');
  if (dot >= 0 && value.length - dot - 1 > exponent && /^0+$/.test(value.slice(dot + 1 + exponent))) {
    value = value.slice(0, exponent === 0 ? dot : dot + 1 + exponent);
  }
  try {
    return ok(parseMoney(value, currency).amount);
  } catch {
    const digits =
      exponent === 0 ? `${currency} amounts have no decimal places` : `up to ${exponent} decimal places`;
    return fail(
      at,
      'invalid_price',
      `${at.column} must be a plain amount such as ${exponent === 0 ? '1500' : '19.99'} (${digits}, no currency sign or thousands separator); got ${quoted(text)}.`,
    );
  }
}

const trueWords = new Set(['true', '1', 'yes', 'y']);
const falseWords = new Set(['false', '0', 'no', 'n']);

/** TRUE/true/1/yes and FALSE/false/0/no; empty is null. */
export function parseBooleanCell(text: string, at: CellRef): CellResult<boolean | null> {
  const value = text.trim().toLowerCase();
  if (value === '') return ok(null);
  if (trueWords.has(value)) return ok(true);
  if (falseWords.has(value)) return ok(false);
  return fail(at, 'invalid_boolean', `${at.column} must be TRUE or FALSE (got ${quoted(text)}).`);
}

/** A whole number, possibly negative ("-3" stock); "12.0" is accepted as 12, "12.5" is not. */
export function parseIntegerCell(text: string, at: CellRef): CellResult<number | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const match = /^(-?\d+)(?:\.0+)?$/.exec(value);
  const number = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(number)) {
    return fail(
      at,
      'invalid_integer',
      `${at.column} must be a whole number such as 12 (got ${quoted(text)}).`,
    );
  }
  return ok(number);
}

export type WeightUnit = 'g' | 'kg' | 'lb' | 'oz';

export const gramsPerUnit: Record<WeightUnit, number> = {
  g: 1,
  kg: 1000,
  lb: 453.59237,
  oz: 28.349523125,
};

/** A weight unit as the platforms write it ("g", "kg", "lbs", "lb", "oz"), or null if unknown. */
export function parseWeightUnit(text: string): WeightUnit | null {
  const unit = text.trim().toLowerCase();
  if (unit === 'g' || unit === 'kg' || unit === 'oz') return unit;
  if (unit === 'lb' || unit === 'lbs') return 'lb';
  return null;
}

/** A non-negative decimal weight in `unit`, converted to whole grams. */
export function parseWeightCell(text: string, unit: WeightUnit, at: CellRef): CellResult<number | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  if (!/^(?:\d+\.?\d*|\.\d+)$/.test(value)) {
    return fail(
      at,
      'invalid_weight',
      `${at.column} must be a plain number of ${unit === 'lb' ? 'lbs' : unit} such as 0.5 (got ${quoted(text)}).`,
    );
  }
  const grams = Math.round(Number(value) * gramsPerUnit[unit]);
  if (!Number.isSafeInteger(grams)) {
    return fail(at, 'invalid_weight', `${at.column} is too large (got ${quoted(text)}).`);
  }
  return ok(grams);
}

/** Whole grams written in `unit` with enough decimals that reading it back gives the same grams. */
export function formatWeight(grams: number, unit: WeightUnit): string {
  if (unit === 'g') return String(grams);
  if (unit === 'kg') {
    const whole = Math.floor(grams / 1000);
    const rest = String(grams % 1000)
      .padStart(3, '0')
      .replace(/0+$/, '');
    return rest === '' ? String(whole) : `${whole}.${rest}`;
  }
  const digits = unit === 'lb' ? 4 : 3;
  return (grams / gramsPerUnit[unit]).toFixed(digits).replace(/\.?0+$/, '');
}
