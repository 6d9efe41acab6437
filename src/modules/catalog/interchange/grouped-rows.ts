import type { Column } from './csv-header.ts';
import type { CsvRecord } from './csv-source.ts';
import { checkedHandle } from './handle-check.ts';
import { fileIssueEvent, type ProductCsvEvent, productEvent } from './product-csv-event.ts';
import { ProductDraft, type ProductFields, SkuRegistry, type VariantCells } from './product-draft.ts';
import type { VariantRecord } from './product-record.ts';
import { RowReader } from './row-reader.ts';

/** Option values as a row gives them (trimmed), with the headers of their columns. */
export interface RowOptionValues {
  values: string[];
  columns: Array<string | null>;
}

export interface RowImage {
  src: string;
  position: number | null;
  alt: string | null;
  column: string;
}

/**
 * How one "rows grouped by handle" format (Shopify's, Storepilot's) maps its columns. The engine
 * below does the grouping and the shared checks; a layout only reads cells.
 */
export interface GroupedRowLayout {
  handle: Column;
  titleHeader: string;
  skuHeader: string | null;
  /** Product fields and option names, from a product's first row (`handle` already checked). */
  readProduct(row: RowReader, handle: string): { fields: ProductFields; options: OptionDeclaration[] };
  /** The row's option values for the product being assembled. */
  readOptionValues(row: RowReader, draft: ProductDraft): RowOptionValues;
  /** Whether a row after the first carries a variant (otherwise it may carry only an image). */
  hasVariant(row: RowReader): boolean;
  readVariant(row: RowReader, optionValues: string[]): VariantRecord;
  readImage(row: RowReader): RowImage | null;
  /** Checks a row after the first against the product (e.g. product fields that disagree). */
  checkContinuation?(row: RowReader, draft: ProductDraft): void;
}

/** What every row of one file is read with. */
export interface RowContext {
  currency: string;
  header: readonly string[];
  /** Whether the format's writer guards formula-like cells with a leading ' (see formula-guard.ts). */
  unguardFormulas: boolean;
}

export interface OptionDeclaration {
  name: string;
  /** A value order fixed up front; values met on variant rows are appended. */
  values?: string[];
}

/**
 * Groups consecutive rows with the same handle into products and yields each as soon as the next
 * handle starts, so memory holds one product at a time (plus the file's SKUs and handles, to
 * report repeats). The first row of a handle carries the product (and usually its first variant);
 * later rows carry further variants and/or images.
 */
export async function* parseGroupedRows(
  rows: AsyncIterable<CsvRecord>,
  layout: GroupedRowLayout,
  context: RowContext,
): AsyncGenerator<ProductCsvEvent, void, undefined> {
  const skus = new SkuRegistry();
  const firstRowOfHandle = new Map<string, number>();
  let draft: ProductDraft | null = null;
  let groupKey: string | null = null;

  for await (const record of rows) {
    const row = new RowReader(record, context.currency, context.header, context.unguardFormulas);
    const rawHandle = row.text(layout.handle);
    if (rawHandle === '') {
      row.error(
        layout.handle,
        'missing_handle',
        draft
          ? `This row has no ${layout.handle.header}; it is read as part of the product above, which is therefore not imported. Fill in the handle on every row.`
          : `This row has no ${layout.handle.header}, so it belongs to no product.`,
      );
      if (draft) {
        draft.touch(row.line);
        draft.addIssues(row.issues);
      } else {
        for (const issue of row.issues) yield fileIssueEvent(issue);
      }
      continue;
    }

    if (rawHandle !== groupKey) {
      if (draft) yield productEvent(draft.finish(layout.titleHeader));
      groupKey = rawHandle;
      draft = startProduct(row, rawHandle, layout, skus, firstRowOfHandle);
    } else if (draft) {
      continueProduct(row, draft, layout);
    }
    draft?.addIssues(row.issues);
  }
  if (draft) yield productEvent(draft.finish(layout.titleHeader));
}

function startProduct(
  row: RowReader,
  rawHandle: string,
  layout: GroupedRowLayout,
  skus: SkuRegistry,
  firstRowOfHandle: Map<string, number>,
): ProductDraft {
  const handle = checkedHandle(rawHandle, row, layout.handle.header) ?? rawHandle;
  const { fields, options } = layout.readProduct(row, handle);
  const draft = new ProductDraft(fields, row.line, skus);
  for (const option of options) draft.addOption(option.name, option.values);

  const earlier = firstRowOfHandle.get(handle);
  if (earlier !== undefined) {
    row.error(
      layout.handle,
      'handle_not_consecutive',
      `The handle "${handle}" already started a product on row ${earlier}; all rows of a product must be next to each other. Sort the file by ${layout.handle.header} or merge the rows.`,
    );
  } else {
    firstRowOfHandle.set(handle, row.line);
  }

  // The first row normally carries the first variant too; a row with only product cells is allowed.
  if (layout.hasVariant(row)) addVariantFromRow(row, draft, layout);
  const image = layout.readImage(row);
  if (image) draft.addImage(image, row.line, image.column);
  return draft;
}

function continueProduct(row: RowReader, draft: ProductDraft, layout: GroupedRowLayout): void {
  layout.checkContinuation?.(row, draft);
  if (layout.hasVariant(row)) addVariantFromRow(row, draft, layout);
  const image = layout.readImage(row);
  if (image) draft.addImage(image, row.line, image.column);
  draft.touch(row.line);
}

function addVariantFromRow(row: RowReader, draft: ProductDraft, layout: GroupedRowLayout): void {
  const { values, columns } = layout.readOptionValues(row, draft);
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  const variant = layout.readVariant(row, values);
  const cells: VariantCells = { row: row.line, sku: layout.skuHeader, optionValues: columns };
  draft.addVariant(variant, cells);
}
