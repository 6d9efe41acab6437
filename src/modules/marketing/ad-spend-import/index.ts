/**
 * Public face of ad spend import: Google Ads, Meta Ads Manager and manual spend reports (CSV)
 * read into exact per-campaign, per-day spend rows, with row-level errors instead of exceptions.
 */
export type {
  AdPlatform,
  AdSpendImport,
  AdSpendIssue,
  AdSpendIssueCode,
  AdSpendRow,
} from './ad-spend-rows.ts';
export { type AdSpendImportOptions, parseAdSpendCsv } from './parse-ad-spend-csv.ts';
export type { ReportEncoding } from './report-text.ts';
