import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { ImportReport } from '../import/import-products.ts';
import {
  type CatalogFormat,
  type ParsedProduct,
  parseProductCsv,
  type RowIssue,
} from '../interchange/index.ts';
import { products } from '../schema.ts';
import type { PreviewProduct } from './import-documents.ts';

/** Products shown before the import is confirmed. */
export const PREVIEW_PRODUCTS = 20;

/**
 * The first products of a file as parsed, read from the top and no further (the stream is left
 * for the caller to destroy). Issues the import itself adds are merged in later by
 * `previewWithReport`, once the dry run is over.
 */
export async function readFirstProducts(
  input: Readable,
  options: { format: CatalogFormat | 'auto'; currency: string },
  limit = PREVIEW_PRODUCTS,
): Promise<ParsedProduct[]> {
  const first: ParsedProduct[] = [];
  if (limit <= 0) return first;
  for await (const event of parseProductCsv(input, options)) {
    if (event.kind !== 'product') continue;
    first.push(event.product);
    if (first.length >= limit) break;
  }
  return first;
}

const issueKey = (issue: RowIssue) => `${issue.row}|${issue.column}|${issue.code}|${issue.message}`;

/**
 * The preview as the import will write it: the parser's issues plus those the dry run pinned to
 * the product's first row (a SKU taken by another product, a status the uploader may not set),
 * and the status the product will actually get.
 */
export async function previewWithReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  parsed: ParsedProduct[],
  report: ImportReport,
  canPublish: boolean,
): Promise<PreviewProduct[]> {
  const handles = [...new Set(parsed.map((p) => p.record.handle))];
  const stored =
    handles.length === 0
      ? []
      : await db
          .select({ handle: products.handle, status: products.status })
          .from(products)
          .where(and(eq(products.storeId, store.id), inArray(products.handle, handles)));
  const storedStatus = new Map(stored.map((row) => [row.handle, row.status]));
  const reportIssuesByRow = new Map<number, RowIssue[]>();
  for (const issue of report.issues) {
    const list = reportIssuesByRow.get(issue.row) ?? [];
    list.push(issue);
    reportIssuesByRow.set(issue.row, list);
  }

  return parsed.map(({ record, rows, issues: parseIssues }) => {
    const seen = new Set(parseIssues.map(issueKey));
    const issues = [...parseIssues];
    for (const issue of reportIssuesByRow.get(rows.first) ?? []) {
      if (seen.has(issueKey(issue))) continue;
      seen.add(issueKey(issue));
      issues.push(issue);
    }
    const existing = storedStatus.get(record.handle) as PreviewProduct['status'] | undefined;
    // The import's rule: making a product live needs catalog:publish; without it a new product
    // stays a draft and an existing one keeps its status.
    const status =
      record.status === 'active' && existing !== 'active' && !canPublish
        ? (existing ?? 'draft')
        : record.status;
    const prices = record.variants.map((v) => v.priceAmount);
    return {
      rows,
      handle: record.handle,
      title: record.title,
      variants: record.variants.length,
      price: {
        min: prices.length > 0 ? Math.min(...prices) : 0,
        max: prices.length > 0 ? Math.max(...prices) : 0,
        currency: store.baseCurrency,
      },
      images: record.images.length,
      fileStatus: record.status,
      status,
      exists: existing !== undefined,
      importable: !issues.some((issue) => issue.severity === 'error'),
      issues,
    };
  });
}
