import type { AdPlatform, AdSpendRow } from './ad-spend-rows.ts';
import type { ReportHeader } from './report-header.ts';

/** What one layout's columns are called, and what its rows mean. */
export interface ReportLayout {
  platform: AdPlatform;
  /** For messages: "a Google Ads campaign report". */
  description: string;
  /** The header a valid file of this layout starts with, for messages. */
  exampleHeader: string;
  /** Column names only this layout uses; detection counts them. */
  signature: readonly string[];
  signaturePatterns?: readonly RegExp[];
  columns: {
    campaign: readonly string[];
    campaignId: readonly string[];
    /** A column with one day per row. */
    day: readonly string[];
    /** First and last day of a row that covers a range (Meta's "Reporting starts" / "ends"). */
    rangeStart?: readonly string[];
    rangeEnd?: readonly string[];
    spend: readonly string[];
    /** A spend column that names its currency: "Amount spent (EUR)"; group 1 is the code. */
    spendWithCurrency?: RegExp;
    currency: readonly string[];
    impressions: readonly string[];
    clicks: readonly string[];
    /** In order of preference: the first present is read. */
    conversions: readonly string[];
    /** Further columns the layout reads for `traffic`, by role. */
    extra?: Readonly<Record<string, readonly string[]>>;
  };
  /**
   * Whether the report can state its date range on a line above the header (Google Ads:
   * "March 1, 2024 - March 31, 2024"), which then dates rows when there is no day column.
   */
  rangeAbove: boolean;
  /** Summary rows the platform appends, recognised by their first non-empty cell. */
  totalRow?: RegExp;
  /**
   * The channel, source and medium of the traffic a row's spend buys, from the campaign and the
   * layout's extra cells (by role, '' when absent), or what is wrong with one of those cells.
   */
  traffic(row: {
    campaignName: string;
    extra: Readonly<Record<string, string>>;
  }): Pick<AdSpendRow, 'channel' | 'source' | 'medium'> | { error: string; column: string };
}

/**
 * How well a header fits a layout: 0 when it is not this layout's header at all. A detected
 * layout needs one of its signature columns; a layout the caller named (`named`) does not.
 */
export function layoutScore(layout: ReportLayout, header: ReportHeader, named = false): number {
  const signature =
    header.count(layout.signature) +
    (layout.signaturePatterns ?? []).filter((pattern) => header.findMatching(pattern)).length;
  if (signature === 0 && !named) return 0;
  const { columns } = layout;
  const roles = [
    columns.campaign,
    columns.campaignId,
    columns.day,
    columns.spend,
    columns.currency,
    columns.impressions,
    columns.clicks,
    columns.conversions,
  ];
  let known = roles.filter((names) => header.find(names) !== undefined).length;
  if (columns.spendWithCurrency && header.findMatching(columns.spendWithCurrency)) known++;
  // A header names at least a campaign or a spend column and one more column the layout knows.
  return known >= 2 ? signature * 10 + known : 0;
}
