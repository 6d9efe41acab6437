import type { Money } from '../../../platform/money.ts';
import type { ChannelGroup } from '../../analytics/channel-grouping/index.ts';
import type { ReportEncoding } from './report-text.ts';

export type AdPlatform = 'google_ads' | 'meta_ads' | 'manual';

/** One campaign's spend on one day (or over `endDate`'s range), read from a report. */
export interface AdSpendRow {
  /** The line of the file the row starts on (1-based, counting the lines before the header). */
  line: number;
  /** YYYY-MM-DD. */
  date: string;
  /**
   * The last day (inclusive) when the report has one row for several days — a Meta or Google
   * Ads report not broken down by day. Absent for a row of one day.
   */
  endDate?: string;
  platform: AdPlatform;
  campaignName: string;
  campaignId?: string;
  /** Exact, in minor units of the report's currency. */
  spend: Money;
  impressions: number;
  clicks: number;
  /** Present when the report has a conversions column; may be fractional (Google Ads credits). */
  conversions?: number;
  /** The GA4 channel the spend buys, to put beside that channel's revenue. */
  channel?: ChannelGroup;
  /** The source / medium the platform's clicks arrive with, to join spend to sessions. */
  source?: string;
  medium?: string;
}

export type AdSpendIssueCode =
  /** The header matches none of the accepted layouts. */
  | 'unknown_layout'
  /** A column the layout needs (campaign, spend, date) is not in the header. */
  | 'missing_column'
  /** A number cell is not a number, or an amount has more decimals than its currency. */
  | 'bad_number'
  /** A date cell is not a day, or slashed dates whose order the file never shows. */
  | 'bad_date'
  /** No currency in the row, the header or the options. */
  | 'missing_currency'
  /** A currency that is not an ISO 4217 code. */
  | 'unknown_currency'
  /** A row without a campaign name or id. */
  | 'missing_campaign'
  /** A channel that is not one of GA4's default channel groups (manual layout). */
  | 'unknown_channel'
  /** The file cannot be read as CSV (an unclosed quote), or is empty. */
  | 'unreadable_file'
  /** More rows than one import takes. */
  | 'too_many_rows';

export interface AdSpendIssue {
  /** The line in the file, or null for the file as a whole. */
  line: number | null;
  /** The column as the file names it, when one cell is at fault. */
  column: string | null;
  code: AdSpendIssueCode;
  message: string;
}

export interface AdSpendImport {
  /** The layout the header matched, or null when none did. */
  platform: AdPlatform | null;
  encoding: ReportEncoding;
  delimiter: ',' | ';' | '\t';
  rows: AdSpendRow[];
  /** Rows left out, each with why; the other rows are still read. */
  errors: AdSpendIssue[];
  /** Summary rows the platform adds ("Total: Account"), left out on purpose. */
  totalRowsSkipped: number;
}
