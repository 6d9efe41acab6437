import type { CarriedField } from './carried-fields.ts';
import type { CatalogFormat, ParsedProduct, RowIssue } from './product-record.ts';

/**
 * What parsing a product CSV yields, in file order as far as the format allows: a product (with
 * the issues found in its rows), or an issue that belongs to no product — a header problem, a row
 * that cannot be tied to a product, or a file that stops being readable CSV part-way. A file-level
 * issue with severity 'error' can arrive after products (e.g. a broken quote near the end); a
 * caller that wants all-or-nothing must read to the end before writing anything.
 */
export type ProductCsvEvent =
  /** Once, before any product: the file's format and the fields its columns carry. */
  | { kind: 'layout'; format: CatalogFormat; carries: ReadonlySet<CarriedField> }
  | { kind: 'product'; product: ParsedProduct }
  | { kind: 'file_issue'; issue: RowIssue };

export const productEvent = (product: ParsedProduct): ProductCsvEvent => ({ kind: 'product', product });
export const fileIssueEvent = (issue: RowIssue): ProductCsvEvent => ({ kind: 'file_issue', issue });
