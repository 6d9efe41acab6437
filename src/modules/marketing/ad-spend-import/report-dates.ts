import { DateTime } from 'luxon';

/**
 * Days as reports write them, read to ISO "YYYY-MM-DD". Meta and Google Ads write "2024-03-01";
 * Google Ads' range line says "March 1, 2024"; a report re-saved from a spreadsheet may say
 * "01.03.2024", "3/1/2024" or "1/3/2024". Day-first versus month-first slashes cannot be told from
 * one date, so the order is decided once per file from the dates that show it (`slashOrderOf`).
 */

export type SlashOrder = 'day_first' | 'month_first';

const monthNumbers = new Map<string, number>(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [
    m,
    i + 1,
  ]),
);

const isoDay = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const compactDay = /^(\d{4})(\d{2})(\d{2})$/;
const dottedDay = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const slashedDay = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
// "Mar 1, 2024", "March 1 2024", "Fri, Mar 1, 2024"
const monthFirstWords = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
// "1 Mar 2024", "01-Mar-2024", "1. März" is not read: month names are English only.
const dayFirstWords = /^(?:[a-z]+,?\s+)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})$/;

/** The ISO day a cell names, or null when it names none (or names an impossible day). */
export function readReportDate(text: string, slashOrder: SlashOrder | null): string | null {
  const cell = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let match = isoDay.exec(cell) ?? compactDay.exec(cell);
  if (match) return isoOf(match[1]!, match[2]!, match[3]!);
  match = dottedDay.exec(cell);
  if (match) return isoOf(match[3]!, match[2]!, match[1]!);
  match = slashedDay.exec(cell);
  if (match) {
    if (slashOrder === null) return null;
    const [first, second] = [match[1]!, match[2]!];
    return slashOrder === 'day_first' ? isoOf(match[3]!, second, first) : isoOf(match[3]!, first, second);
  }
  match = monthFirstWords.exec(cell);
  if (match) return isoOf(match[3]!, monthOf(match[1]!), match[2]!);
  match = dayFirstWords.exec(cell);
  if (match) return isoOf(match[3]!, monthOf(match[2]!), match[1]!);
  return null;
}

/**
 * Whether the file's slashed dates put the day or the month first: a first number above 12 can
 * only be a day, a second number above 12 only a day in second place. Null when the dates never
 * tell (every number ≤ 12) or contradict each other; such dates are then not read, since a wrong
 * guess would book a day's spend in another month.
 */
export function slashOrderOf(cells: Iterable<string>): SlashOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const cell of cells) {
    const match = slashedDay.exec(cell.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'day_first' : 'month_first';
}

/** A report's date-range line, "March 1, 2024 - March 31, 2024" (or ISO days), as ISO days. */
export function readDateRange(text: string): { start: string; end: string } | null {
  const parts = text.trim().split(/\s+(?:-|–|—|to)\s+/i);
  if (parts.length !== 2) return null;
  const start = readReportDate(parts[0]!, null);
  const end = readReportDate(parts[1]!, null);
  return start && end && start <= end ? { start, end } : null;
}

function monthOf(name: string): string {
  return String(monthNumbers.get(name.slice(0, 3)) ?? 0);
}

function isoOf(yearText: string, monthText: string, dayText: string): string | null {
  // Two-digit years are what a spreadsheet's short date shows; ad reports are all this century.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const date = DateTime.fromObject({ year, month: Number(monthText), day: Number(dayText) }, { zone: 'utc' });
  return date.isValid ? date.toISODate() : null;
}
