import { currencyExponent, type Money, parseMoney } from '../../../platform/money.ts';

/**
 * Numbers as ad platforms write them in reports: "1,234.56" in English, "1.234,56" in German,
 * "1 234,56" in French, "1'234.56" in Swiss exports, and "--" (Google Ads) or an empty cell
 * (Meta) for nothing. A file uses one decimal mark throughout, so it is decided once per file
 * (`decimalMarkOf`) and every cell is read with it; amounts are never passed through a float.
 */

export type DecimalMark = '.' | ',';

/** What reports write for "no value", read as zero. */
const noValue = new Set(['', '--', '-', '—', '–', 'n/a']);
// Spaces, no-break spaces and apostrophes only ever group digits.
const groupingSpaces = /[\s\u00a0\u202f'’]/g;
const currencySymbols = /^[€$£¥₹₩]|[€$£¥₹₩]$/g;

/**
 * The decimal mark of a file, from its amount and decimal cells: a cell with both marks ends in
 * the decimal one; a mark followed by other than three digits can only be decimal ("0,42",
 * "12.5"). Files that never show (only "1,234"-like or whole numbers) follow the delimiter: a
 * semicolon-separated file comes from a locale that writes decimal commas.
 */
export function decimalMarkOf(cells: Iterable<string>, delimiter: string): DecimalMark {
  for (const raw of cells) {
    const cell = bareNumber(raw);
    const dot = cell.lastIndexOf('.');
    const comma = cell.lastIndexOf(',');
    if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
    if (comma >= 0 && !/,\d{3}$/.test(cell)) return ',';
    if (dot >= 0 && !/\.\d{3}$/.test(cell)) return '.';
  }
  return delimiter === ';' ? ',' : '.';
}

/**
 * A cell as a plain decimal string ("-1234.56", "0"), or null when it is not a number in this
 * file's notation (bad grouping, two decimal marks, letters). "--" and empty cells are "0".
 */
export function plainDecimal(text: string, mark: DecimalMark): string | null {
  const cell = bareNumber(text);
  if (noValue.has(cell.toLowerCase())) return '0';
  const group = mark === '.' ? ',' : '.';
  const match = /^([-+]?)(\d[\d.,]*|[.,]\d+)$/.exec(cell);
  if (!match) return null;
  const [, sign, digits = ''] = match;
  const markAt = digits.indexOf(mark);
  if (markAt >= 0 && digits.indexOf(mark, markAt + 1) >= 0) return null;
  const whole = markAt === 0 ? '0' : markAt > 0 ? digits.slice(0, markAt) : digits;
  const fraction = markAt >= 0 ? digits.slice(markAt + 1) : '';
  if (fraction.includes(group) || (markAt >= 0 && fraction === '')) return null;
  if (whole.includes(group) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
  const wholeDigits = whole.replaceAll(group, '');
  if (!/^\d+$/.test(wholeDigits)) return null;
  const negative = sign === '-' && /[1-9]/.test(wholeDigits + fraction);
  return `${negative ? '-' : ''}${wholeDigits}${fraction === '' ? '' : `.${fraction}`}`;
}

/** A count (impressions, clicks): a whole number of at least 0, grouping allowed; "12.0" is 12. */
export function readCount(text: string, mark: DecimalMark): number | null {
  const plain = plainDecimal(text, mark);
  if (plain === null || plain.startsWith('-')) return null;
  const [whole = '', fraction = ''] = plain.split('.');
  if (/[1-9]/.test(fraction)) return null;
  const value = Number(whole);
  return Number.isSafeInteger(value) ? value : null;
}

/** A decimal count that may be fractional (Google Ads credits 0.5 of a conversion): 0 or more. */
export function readDecimalCount(text: string, mark: DecimalMark): number | null {
  const plain = plainDecimal(text, mark);
  if (plain === null || plain.startsWith('-')) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/**
 * An amount in minor units of `currency`, exactly: "1,234.56" EUR → 123456, "1,235" JPY → 1235.
 * Zeros past the currency's digits are dropped ("25.00" yen is 25 yen); any other digit there is
 * an error, never rounded away. Negative amounts (refunded spend) are kept.
 */
export function readAmount(text: string, currency: string, mark: DecimalMark): Money | null {
  const plain = plainDecimal(text, mark);
  if (plain === null) return null;
  const exponent = currencyExponent(currency);
  const [whole = '0', fraction = ''] = plain.split('.');
  const extra = fraction.slice(exponent);
  if (/[1-9]/.test(extra)) return null;
  const kept = fraction.slice(0, exponent);
  try {
    return parseMoney(kept === '' ? whole : `${whole}.${kept}`, currency);
  } catch {
    return null;
  }
}

function bareNumber(text: string): string {
  return text.trim().replace(currencySymbols, '').replace(groupingSpaces, '').replace('\u2212', '-');
}
