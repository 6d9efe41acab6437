import { isCurrencyCode } from '../../../platform/money.ts';
import type { AdSpendIssue } from './ad-spend-rows.ts';
import { readDateRange } from './report-dates.ts';
import type { ReportHeader } from './report-header.ts';
import type { ReportLayout } from './report-layout.ts';
import type { ReportRecord } from './report-records.ts';

/** A column found in the header: where it is and how the file names it. */
export interface BoundColumn {
  index: number;
  name: string;
}

/** Where a layout's columns are in one file, and what the file states once for all rows. */
export interface ReportColumns {
  campaign?: BoundColumn;
  campaignId?: BoundColumn;
  day?: BoundColumn;
  rangeStart?: BoundColumn;
  rangeEnd?: BoundColumn;
  /** The date range above the header, dating every row when there is no day column. */
  fileRange?: { start: string; end: string };
  spend: BoundColumn;
  currency?: BoundColumn;
  /** The currency every row is in unless its currency cell says otherwise. */
  headerCurrency?: string;
  impressions?: BoundColumn;
  clicks?: BoundColumn;
  conversions?: BoundColumn;
  extra: Record<string, BoundColumn>;
}

/**
 * Finds the layout's columns in the header. A file without a campaign column, a spend column, a
 * way to date its rows, or any currency cannot give a single row, so that is one file-level issue
 * (on the header's line) instead of the same issue on every row.
 */
export function reportColumns(
  layout: ReportLayout,
  header: ReportHeader,
  headerLine: number,
  above: readonly ReportRecord[],
  defaultCurrency: string | undefined,
): { columns: ReportColumns } | { issues: AdSpendIssue[] } {
  const issues: AdSpendIssue[] = [];
  const missing = (column: string, message: string) =>
    issues.push({ line: headerLine, column, code: 'missing_column', message });
  const bind = (names: readonly string[] | undefined): BoundColumn | undefined => {
    const index = names ? header.find(names) : undefined;
    return index === undefined ? undefined : { index, name: header.cells[index]! };
  };
  const { columns: names } = layout;

  const campaign = bind(names.campaign);
  const campaignId = bind(names.campaignId);
  if (!campaign && !campaignId) {
    missing(names.campaign[0]!, `The header has no campaign column ("${names.campaign[0]}").`);
  }

  const withCurrency = names.spendWithCurrency ? header.findMatching(names.spendWithCurrency) : undefined;
  const spend: BoundColumn | undefined = withCurrency
    ? { index: withCurrency.index, name: header.cells[withCurrency.index]! }
    : bind(names.spend);
  if (!spend) {
    const example = layout.platform === 'meta_ads' ? 'Amount spent (EUR)' : names.spend[0]!;
    missing(example, `The header has no spend column ("${example}").`);
  }

  const day = bind(names.day);
  const rangeStart = bind(names.rangeStart);
  const rangeEnd = bind(names.rangeEnd);
  const fileRange = layout.rangeAbove ? rangeAboveHeader(above) : undefined;
  if (!day && !(rangeStart && rangeEnd) && !fileRange) {
    const range = names.rangeStart ? ` or "${names.rangeStart[0]}" and "${names.rangeEnd?.[0]}"` : '';
    missing(
      names.day[0]!,
      `The rows cannot be dated: the header has no "${names.day[0]}" column${range}${layout.rangeAbove ? ', and no date range line is above it' : ''}.`,
    );
  }

  const currency = bind(names.currency);
  const stated = withCurrency?.match[1]?.toUpperCase() ?? defaultCurrency?.trim().toUpperCase();
  // Without a spend column there is nothing for a currency to apply to, so no currency issue.
  if (spend && stated !== undefined && !isCurrencyCode(stated)) {
    issues.push({
      line: withCurrency ? headerLine : null,
      column: withCurrency ? header.cells[withCurrency.index]! : null,
      code: 'unknown_currency',
      message: `"${stated}" is not an ISO 4217 currency code.`,
    });
  } else if (spend && !currency && stated === undefined) {
    issues.push({
      line: headerLine,
      column: names.currency[0]!,
      code: 'missing_currency',
      message: `The report states no currency: add a "${names.currency[0]}" column${layout.platform === 'meta_ads' ? ' or export with the currency in the spend header ("Amount spent (EUR)")' : ''}, or give the ad account's currency.`,
    });
  }

  if (issues.length > 0 || !spend) return { issues };
  const extra: Record<string, BoundColumn> = {};
  for (const [role, roleNames] of Object.entries(names.extra ?? {})) {
    const column = bind(roleNames);
    if (column) extra[role] = column;
  }
  return {
    columns: {
      campaign,
      campaignId,
      day,
      rangeStart,
      rangeEnd,
      fileRange,
      spend,
      currency,
      headerCurrency: stated,
      impressions: bind(names.impressions),
      clicks: bind(names.clicks),
      conversions: bind(names.conversions),
      extra,
    },
  };
}

/** The first line above the header that reads as a date range ("March 1, 2024 - March 31, 2024"). */
function rangeAboveHeader(above: readonly ReportRecord[]): { start: string; end: string } | undefined {
  for (const record of above) {
    // An unquoted range line was split at its commas; joining the cells puts it back.
    const range = readDateRange(record.cells.join(',').replace(/,+$/, ''));
    if (range) return range;
  }
  return undefined;
}
