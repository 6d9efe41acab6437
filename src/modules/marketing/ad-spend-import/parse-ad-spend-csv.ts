import { isCurrencyCode } from '../../../platform/money.ts';
import type { AdPlatform, AdSpendImport, AdSpendIssue, AdSpendRow } from './ad-spend-rows.ts';
import { googleAdsLayout } from './google-ads-layout.ts';
import { manualLayout } from './manual-layout.ts';
import { metaAdsLayout } from './meta-ads-layout.ts';
import { type ReportColumns, reportColumns } from './report-columns.ts';
import { readReportDate, slashOrderOf } from './report-dates.ts';
import { type ReportHeader, reportHeader } from './report-header.ts';
import { layoutScore, type ReportLayout } from './report-layout.ts';
import { decimalMarkOf, readAmount, readCount, readDecimalCount } from './report-numbers.ts';
import {
  isBlankRecord,
  likelyDelimiters,
  type ReportDelimiter,
  type ReportRecord,
  readReportRecords,
} from './report-records.ts';
import { decodeReport } from './report-text.ts';

export interface AdSpendImportOptions {
  /** Read the file as this layout instead of detecting it from the header. */
  platform?: AdPlatform;
  /** The ad account's currency, for reports that state none (no currency column or header). */
  defaultCurrency?: string;
  /** Data rows read at most; the rest are reported once as `too_many_rows`. Default 100,000. */
  maxRows?: number;
}

// In the order detection prefers them when a header fits two equally well.
const layouts: readonly ReportLayout[] = [googleAdsLayout, metaAdsLayout, manualLayout];
/** Records looked at for the header: Google Ads puts a title and a date range above it. */
const headerSearchDepth = 12;
const defaultMaxRows = 100_000;

/**
 * Reads an ad platform's spend report — Google Ads, Meta Ads Manager or Storepilot's manual
 * layout, told apart by the header — into one row per campaign and day, with exact amounts.
 * Accepts UTF-8 (with or without a byte-order mark), UTF-16 and Windows-1252; comma, semicolon or
 * tab delimiters; columns in any order; "1,234.56" or "1.234,56". Never throws on bad input: what
 * cannot be read is in `errors` with its line, column and a machine-readable code, and every
 * other row is still read.
 */
export function parseAdSpendCsv(
  input: string | Uint8Array,
  options: AdSpendImportOptions = {},
): AdSpendImport {
  const { text: raw, encoding } = decodeReport(input);
  const text = raw.replace(/\r\n?/g, '\n');
  const candidates = options.platform ? layouts.filter((l) => l.platform === options.platform) : layouts;
  const delimiters = likelyDelimiters(text);
  const base = { encoding, totalRowsSkipped: 0, rows: [] };

  if (text.trim() === '') {
    return {
      ...base,
      platform: null,
      delimiter: delimiters[0]!,
      errors: [fileIssue('unreadable_file', 'The file is empty.')],
    };
  }

  for (const delimiter of delimiters) {
    const { records, unreadableFrom } = readReportRecords(text, delimiter);
    const found = findHeader(records, candidates, options.platform !== undefined);
    if (!found) continue;
    const result = readRows(found, records, delimiter, options);
    if (unreadableFrom !== null) {
      result.errors.push({
        line: unreadableFrom,
        column: null,
        code: 'unreadable_file',
        message: `From line ${unreadableFrom} on the file cannot be read as CSV: a quoted cell is never closed (a " is missing). The rows above it were read.`,
      });
    }
    return { ...result, encoding, delimiter, platform: found.layout.platform };
  }

  const expected = candidates.map((l) => `${l.description} (${l.exampleHeader})`).join('; or ');
  return {
    ...base,
    platform: null,
    delimiter: delimiters[0]!,
    errors: [
      fileIssue(
        'unknown_layout',
        `No header row of a known report was found in the first lines. Expected ${expected}.`,
      ),
    ],
  };
}

interface FoundHeader {
  layout: ReportLayout;
  header: ReportHeader;
  headerLine: number;
  /** Records above the header (Google Ads' title and date range). */
  above: ReportRecord[];
  /** Index of the first record after the header. */
  firstRow: number;
}

function findHeader(
  records: readonly ReportRecord[],
  candidates: readonly ReportLayout[],
  named: boolean,
): FoundHeader | null {
  let looked = 0;
  for (let i = 0; i < records.length && looked < headerSearchDepth; i++) {
    const record = records[i]!;
    if (isBlankRecord(record)) continue;
    looked++;
    const header = reportHeader(record.cells);
    let best: { layout: ReportLayout; score: number } | null = null;
    for (const layout of candidates) {
      const score = layoutScore(layout, header, named);
      if (score > 0 && (!best || score > best.score)) best = { layout, score };
    }
    if (best) {
      return {
        layout: best.layout,
        header,
        headerLine: record.line,
        above: records.slice(0, i),
        firstRow: i + 1,
      };
    }
  }
  return null;
}

function readRows(
  found: FoundHeader,
  records: readonly ReportRecord[],
  delimiter: ReportDelimiter,
  options: AdSpendImportOptions,
): Pick<AdSpendImport, 'rows' | 'errors' | 'totalRowsSkipped'> {
  const { layout, header } = found;
  const rows: AdSpendRow[] = [];
  const errors: AdSpendIssue[] = [];
  const bound = reportColumns(layout, header, found.headerLine, found.above, options.defaultCurrency);
  if ('issues' in bound) return { rows, errors: bound.issues, totalRowsSkipped: 0 };
  const columns = bound.columns;

  const dataRecords: ReportRecord[] = [];
  let totalRowsSkipped = 0;
  for (const record of records.slice(found.firstRow)) {
    if (isBlankRecord(record)) continue;
    const first = record.cells.find((cell) => cell.trim() !== '')!.trim();
    if (layout.totalRow?.test(first)) {
      totalRowsSkipped++;
      continue;
    }
    dataRecords.push(record);
  }
  const maxRows = options.maxRows ?? defaultMaxRows;
  if (dataRecords.length > maxRows) {
    errors.push({
      line: dataRecords[maxRows]!.line,
      column: null,
      code: 'too_many_rows',
      message: `An import reads at most ${maxRows.toLocaleString('en')} rows; the rows from this line on were not read. Split the report by date range.`,
    });
    dataRecords.length = maxRows;
  }

  const cellsOf = (index: number | undefined) =>
    index === undefined ? [] : dataRecords.map((record) => record.cells[index] ?? '');
  const mark = decimalMarkOf(
    [...cellsOf(columns.spend.index), ...cellsOf(columns.conversions?.index)],
    delimiter,
  );
  const slashOrder = slashOrderOf([
    ...cellsOf(columns.day?.index),
    ...cellsOf(columns.rangeStart?.index),
    ...cellsOf(columns.rangeEnd?.index),
  ]);

  for (const record of dataRecords) {
    const read = readRow(record, layout, columns, mark, slashOrder);
    if ('issues' in read) errors.push(...read.issues);
    else rows.push(read.row);
  }
  return { rows, errors, totalRowsSkipped };
}

function readRow(
  record: ReportRecord,
  layout: ReportLayout,
  columns: ReportColumns,
  mark: ReturnType<typeof decimalMarkOf>,
  slashOrder: ReturnType<typeof slashOrderOf>,
): { row: AdSpendRow } | { issues: AdSpendIssue[] } {
  const { line } = record;
  const issues: AdSpendIssue[] = [];
  const cell = (column: { index: number } | undefined) =>
    column === undefined ? '' : (record.cells[column.index] ?? '').trim();
  const issue = (column: string | null, code: AdSpendIssue['code'], message: string) =>
    issues.push({ line, column, code, message });
  const shown = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

  const campaignId = cell(columns.campaignId);
  const campaignName = cell(columns.campaign) || campaignId;
  if (campaignName === '') {
    issue(
      (columns.campaign ?? columns.campaignId)?.name ?? null,
      'missing_campaign',
      'The row names no campaign.',
    );
  }

  let date: string | null = null;
  let endDate: string | null = null;
  const readDay = (column: { index: number; name: string }) => {
    const text = cell(column);
    const day = readReportDate(text, slashOrder);
    if (day === null) {
      const why = /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(text)
        ? 'the file’s dates never show whether the day or the month comes first'
        : 'it is not a date such as 2024-03-01';
      issue(column.name, 'bad_date', `${shown(text)} cannot be read as a day: ${why}.`);
    }
    return day;
  };
  if (columns.day) {
    date = readDay(columns.day);
  } else if (columns.rangeStart && columns.rangeEnd) {
    date = readDay(columns.rangeStart);
    endDate = readDay(columns.rangeEnd);
    if (date && endDate && endDate < date) {
      issue(columns.rangeEnd.name, 'bad_date', `The range ends (${endDate}) before it starts (${date}).`);
    }
  } else if (columns.fileRange) {
    date = columns.fileRange.start;
    endDate = columns.fileRange.end;
  }

  const currency = cell(columns.currency).toUpperCase() || columns.headerCurrency || '';
  let currencyOk = false;
  if (currency === '') {
    issue(
      columns.currency?.name ?? null,
      'missing_currency',
      'The row has no currency and the report states none.',
    );
  } else if (!isCurrencyCode(currency)) {
    issue(
      columns.currency?.name ?? null,
      'unknown_currency',
      `${shown(currency)} is not an ISO 4217 currency code.`,
    );
  } else {
    currencyOk = true;
  }

  const spendText = cell(columns.spend);
  const spend = currencyOk ? readAmount(spendText, currency, mark) : null;
  if (currencyOk && spend === null) {
    issue(
      columns.spend.name,
      'bad_number',
      `${shown(spendText)} is not an amount in ${currency} (a number with at most the currency's decimals, decimal mark "${mark}").`,
    );
  }

  const count = (column: { index: number; name: string } | undefined) => {
    if (!column) return 0;
    const text = cell(column);
    const value = readCount(text, mark);
    if (value === null)
      issue(column.name, 'bad_number', `${shown(text)} is not a whole number of at least 0.`);
    return value ?? 0;
  };
  const impressions = count(columns.impressions);
  const clicks = count(columns.clicks);
  let conversions: number | undefined;
  if (columns.conversions) {
    const text = cell(columns.conversions);
    const value = readDecimalCount(text, mark);
    if (value === null)
      issue(columns.conversions.name, 'bad_number', `${shown(text)} is not a number of at least 0.`);
    conversions = value ?? undefined;
  }

  const extra: Record<string, string> = {};
  for (const [role, column] of Object.entries(columns.extra)) extra[role] = cell(column);
  const traffic = layout.traffic({ campaignName, extra });
  if ('error' in traffic) {
    issue(columns.extra[traffic.column]?.name ?? traffic.column, 'unknown_channel', traffic.error);
  }

  if (issues.length > 0 || date === null || spend === null || 'error' in traffic) return { issues };
  const row: AdSpendRow = {
    line,
    date,
    ...(endDate !== null && endDate !== date ? { endDate } : {}),
    platform: layout.platform,
    campaignName,
    ...(campaignId !== '' ? { campaignId } : {}),
    spend,
    impressions,
    clicks,
    ...(conversions !== undefined ? { conversions } : {}),
    ...(traffic.channel ? { channel: traffic.channel } : {}),
    ...(traffic.source ? { source: traffic.source } : {}),
    ...(traffic.medium ? { medium: traffic.medium } : {}),
  };
  return { row };
}

function fileIssue(code: AdSpendIssue['code'], message: string): AdSpendIssue {
  return { line: null, column: null, code, message };
}
