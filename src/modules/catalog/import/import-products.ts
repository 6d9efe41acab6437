import type { Readable } from 'node:stream';
import { and, eq, inArray, or } from 'drizzle-orm';
import { type Db, databaseKindOf } from '../../../platform/db/database.ts';
import { growthAnalyzer } from '../../../platform/db/statistics-upkeep.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { withThroughputMode } from '../../../platform/runtime/v8-memory-mode.ts';
import { ensureCategoryPath, knownCategoryId } from '../categories.ts';
import { type CarriedField, carriedFieldNames, parseProductCsv } from '../interchange/index.ts';
import type { CatalogFormat, ParsedProduct, RowIssue } from '../interchange/product-record.ts';
import {
  type BatchOutcome,
  createNewProducts,
  type NewProductsPlan,
  planNewProducts,
  writeNewProducts,
} from '../new-products-batch.ts';
import { loadProductDetails, type ProductDetail } from '../product-detail.ts';
import type { CreateProductInput } from '../product-input.ts';
import { type CatalogWriter, createProduct, updateProduct } from '../products.ts';
import { productImages, products, productVariants } from '../schema.ts';
import { changesAreStagedFor, stageProductChange } from '../workflow/stage-product-change.ts';
import {
  type FileStock,
  fileStockOf,
  ImportStock,
  type ImportStockCounts,
  type ImportStockOptions,
  type StockTarget,
} from './import-stock.ts';
import { inputFromRecord, inputMatchesStored, recordFromDetail, withStoredFields } from './record-mapping.ts';

export interface ImportOptions {
  format: CatalogFormat | 'auto';
  /** Check everything, write nothing: every product is applied and rolled back. */
  dryRun: boolean;
  /** Called after each batch with the rows read so far. */
  onProgress?: (progress: ImportProgress) => void;
  /** Issues kept in the report (all are counted). */
  maxIssues?: number;
  /**
   * Where the file's stock quantities go (the inventory module's port, wired by the caller). Without
   * it the quantities are not read.
   */
  stock?: ImportStockOptions;
}

export interface ImportProgress {
  rowsRead: number;
  products: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Live products whose changes wait for review (the importer may not publish). */
  staged: number;
  failed: number;
}

export interface ImportReport extends ImportProgress {
  dryRun: boolean;
  /** The file's format (told from its header with format 'auto'); null when the header was unusable. */
  format: CatalogFormat | null;
  issues: RowIssue[];
  issueCount: { errors: number; warnings: number };
  /** The variants the file tracks stock for: set, already equal, or left alone (with a warning). */
  stock: ImportStockCounts;
  durationMs: number;
}

/**
 * Products applied per transaction: big enough to be fast, small enough not to hold the database
 * long. PostgreSQL, in a process of its own, gains from fewer and larger statements (a 100,000-row
 * import: about 9,300 rows/s with 100 products a batch, 10,900 with 250); embedded PGlite does not,
 * and its larger batches only raise the importing server's peak memory (464 → 490 MB).
 */
const batchSizes = { pglite: 100, postgres: 250 } as const;

/** Thrown inside a dry run's transaction to roll it back. */
class DryRunRollback extends Error {}

/**
 * Imports a product CSV into a store. Products are matched by handle: new ones are created, changed
 * ones updated (variants matched by their options, so ids survive), identical ones left alone, so
 * importing the same file twice changes nothing. A product whose rows have errors is not written;
 * the rest are. Every write goes through the catalog service: validated, audited, announced.
 */
export function importProducts(
  db: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  return withThroughputMode(() => runImport(db, writer, store, input, options));
}

async function runImport(
  db: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const maxIssues = options.maxIssues ?? 1_000;
  const stock = new ImportStock(options.stock, options.stock?.importId ?? newId('importRun'));
  const report: ImportReport = {
    dryRun: options.dryRun,
    format: null,
    rowsRead: 0,
    products: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    staged: 0,
    failed: 0,
    issues: [],
    issueCount: { errors: 0, warnings: 0 },
    stock: stock.counts,
    durationMs: 0,
  };
  const note = (issue: RowIssue) => {
    if (issue.severity === 'error') report.issueCount.errors++;
    else report.issueCount.warnings++;
    if (report.issues.length < maxIssues) report.issues.push(issue);
  };
  const batchSize = batchSizes[databaseKindOf(db) ?? 'pglite'];
  const categoryIds = new Map<string, string>();
  // Until the header is read, assume every field is carried (a file without a layout has no products).
  let carries: ReadonlySet<CarriedField> = new Set(carriedFieldNames);
  let batch: ParsedProduct[] = [];
  // The store's catalog (and stock) may grow from nothing to 100,000 rows within the import.
  const statistics = growthAnalyzer(db, [
    products,
    productVariants,
    productImages,
    ...(options.stock?.allowed ? options.stock.port.writtenTables : []),
  ]);

  // A batch is written while the next is read: on PostgreSQL the database works while this process
  // parses. Batches are still written one after another, in file order.
  let writing: Promise<void> | undefined;
  // On PostgreSQL a batch of new products is also checked and turned into statements while the one
  // before is written (see headStartFor); PGlite runs in this thread, so nothing would overlap.
  const headStarts = databaseKindOf(db) === 'postgres' && !options.dryRun;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const head = headStarts ? await headStartFor(db, writer, store, current, { carries, categoryIds }) : null;
    await writing;
    writing = write(current, head);
    // Its failure is seen by whoever awaits it next (the next flush or the end of the file).
    writing.catch(() => {});
  };
  // A batch prepared in its transaction: stored products matched and updated, new ones created.
  const applyBatch = async (tx: Db, current: ParsedProduct[], issues: RowIssue[]): Promise<BatchResult> => {
    const outcomes: Outcome[] = [];
    const targets: StockTarget[] = [];
    const matches = await findStoredProducts(tx, store.id, current, carries);
    const fresh: PreparedProduct[] = [];
    for (const parsed of current) {
      const stored = matches.get(parsed);
      const prepared = await prepareOne(tx, writer, store, parsed, stored, {
        carries,
        categoryIds,
        issues,
      });
      if (!prepared) outcomes.push('failed');
      else if (stored) {
        const outcome = await updateOne(tx, writer, store, prepared, stored, issues);
        outcomes.push(outcome);
        // An updated product's variants are read again (new ones have ids only now).
        if (outcome !== 'failed') {
          targets.push(
            stockTarget(
              prepared,
              stored.product.id,
              outcome === 'updated' ? undefined : stored.variants,
              false,
            ),
          );
        }
      } else fresh.push(prepared);
    }
    const created = await createAll(tx, writer, store, fresh, issues);
    return { outcomes: [...outcomes, ...created.outcomes], targets: [...targets, ...created.targets] };
  };
  const write = async (current: ParsedProduct[], head: HeadStart | null) => {
    const outcomes: Outcome[] = [];
    const issues: RowIssue[] = [];
    try {
      await db.transaction(async (tx) => {
        const planned = head ? await createPlanned(tx, writer, store, head) : null;
        let written: BatchResult;
        if (planned) {
          written = planned;
          issues.push(...head!.issues);
        } else {
          written = await applyBatch(tx, current, issues);
        }
        outcomes.push(...written.outcomes);
        // In the batch's transaction: a batch that fails (or a dry run) leaves no stock behind.
        await stock.apply(tx, store.id, writer.actor, written.targets, issues);
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
      // Categories made in a rolled-back transaction do not exist.
      categoryIds.clear();
    }
    for (const outcome of outcomes) report[outcome]++;
    if (!options.dryRun) await statistics.wrote(current.length);
    for (const issue of issues.sort((a, b) => a.row - b.row)) note(issue);
    report.rowsRead = Math.max(report.rowsRead, current.at(-1)!.rows.last - 1);
    options.onProgress?.({ ...report });
  };

  try {
    for await (const event of parseProductCsv(input, {
      format: options.format,
      currency: store.baseCurrency,
    })) {
      if (event.kind === 'layout') {
        report.format = event.format;
        carries = event.carries;
        continue;
      }
      if (event.kind === 'file_issue') {
        note(event.issue);
        continue;
      }
      report.products++;
      batch.push(event.product);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    // Never return (or fail) with a batch still being written.
    await writing?.catch(() => {});
  }
  await writing;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'staged' | 'failed';

/** What a batch did with each product, and the written products whose stock the file gives. */
interface BatchResult {
  outcomes: Outcome[];
  targets: StockTarget[];
}

/**
 * The stored product each file product updates: by handle when the file has handles; by SKU when it
 * has none (WooCommerce), falling back to the handle made from the name.
 */
async function findStoredProducts(
  tx: Db,
  storeId: string,
  batch: ParsedProduct[],
  carries: ReadonlySet<CarriedField>,
): Promise<Map<ParsedProduct, ProductDetail>> {
  const found = new Map<ParsedProduct, ProductDetail>();
  const productIdBySku = new Map<string, string>();
  if (!carries.has('handle')) {
    const skus = batch.flatMap((p) => p.record.variants.flatMap((v) => (v.sku ? [v.sku] : [])));
    if (skus.length > 0) {
      const rows = await tx
        .select({ sku: productVariants.sku, productId: productVariants.productId })
        .from(productVariants)
        .where(and(eq(productVariants.storeId, storeId), inArray(productVariants.sku, skus)));
      for (const row of rows) if (row.sku) productIdBySku.set(row.sku, row.productId);
    }
  }
  const ids = [...new Set(productIdBySku.values())];
  const handles = batch.map((p) => p.record.handle);
  const rows = await tx
    .select()
    .from(products)
    .where(
      and(
        eq(products.storeId, storeId),
        ids.length > 0
          ? or(inArray(products.handle, handles), inArray(products.id, ids))
          : inArray(products.handle, handles),
      ),
    );
  const details = await loadProductDetails(tx, rows);
  const byId = new Map(details.map((d) => [d.product.id, d]));
  const byHandle = new Map(details.map((d) => [d.product.handle, d]));
  for (const parsed of batch) {
    const bySku = parsed.record.variants
      .map((v) => (v.sku ? productIdBySku.get(v.sku) : undefined))
      .find((id) => id !== undefined);
    const match = (bySku && byId.get(bySku)) || byHandle.get(parsed.record.handle);
    if (match) found.set(parsed, match);
  }
  return found;
}

interface PreparedProduct {
  row: number;
  handle: string;
  input: CreateProductInput;
  categoryId: string | null;
  /** The file's quantities of the variants it tracks. */
  stock: FileStock[];
}

/** Where a written product's stock goes: its variants, when at hand. */
const stockTarget = (
  prepared: PreparedProduct,
  productId: string,
  variants: StockTarget['variants'],
  created: boolean,
): StockTarget => ({
  row: prepared.row,
  handle: prepared.handle,
  productId,
  variants,
  created,
  stock: prepared.stock,
});

/**
 * The catalog input for a file product: stored values for what the file does not carry, drafts
 * for callers who may not publish, its category made if new. Null when the product has errors.
 */
async function prepareOne(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string },
  parsed: ParsedProduct,
  stored: ProductDetail | undefined,
  context: {
    carries: ReadonlySet<CarriedField>;
    categoryIds: Map<string, string>;
    issues: RowIssue[];
  },
): Promise<PreparedProduct | null> {
  const { carries, categoryIds, issues } = context;
  const record = recordToWrite(writer, parsed, stored, carries, issues);
  if (!record) return null;
  const categoryId =
    stored && !carries.has('category')
      ? stored.product.categoryId
      : record.category
        ? await ensureCategoryPath(tx, store.id, record.category, categoryIds)
        : null;
  return preparedFrom(record, categoryId, parsed.rows.first, issues);
}

/** What prepareOne writes for a file product, before its category is resolved; null for errors. */
function recordToWrite(
  writer: CatalogWriter,
  parsed: ParsedProduct,
  stored: ProductDetail | undefined,
  carries: ReadonlySet<CarriedField>,
  issues: RowIssue[],
): ParsedProduct['record'] | null {
  const row = parsed.rows.first;
  issues.push(...parsed.issues);
  if (parsed.issues.some((i) => i.severity === 'error')) return null;
  const record = stored
    ? withStoredFields(parsed.record, recordFromDetail(stored, null), carries)
    : { ...parsed.record };
  if (record.status === 'active' && stored?.product.status !== 'active' && !writer.canPublish) {
    record.status = stored ? (stored.product.status as typeof record.status) : 'draft';
    issues.push({
      row,
      column: null,
      code: 'publish_not_allowed',
      message: `${record.handle}: publishing needs the catalog:publish permission; kept as ${record.status}.`,
      severity: 'warning',
    });
  }
  return record;
}

function preparedFrom(
  record: ParsedProduct['record'],
  categoryId: string | null,
  row: number,
  issues: RowIssue[],
): PreparedProduct {
  const { input, warnings } = inputFromRecord(record, categoryId, row);
  issues.push(...warnings);
  return { row, handle: record.handle, input, categoryId, stock: fileStockOf(record) };
}

/**
 * A batch of new products made ready before its turn to write: checked, given ids and turned into
 * insert statements while the database still writes the batch before (a third of an import's time
 * on PostgreSQL went to this work with the database idle). Its handle lookup runs on a connection
 * of its own. Null when the batch is not all new products with known categories, or the file has
 * no handles: such a batch is prepared in its transaction as before.
 */
interface HeadStart {
  /** Products with errors in the file. */
  failed: number;
  fresh: PreparedProduct[];
  plan: NewProductsPlan;
  issues: RowIssue[];
}

async function headStartFor(
  db: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  batch: ParsedProduct[],
  context: { carries: ReadonlySet<CarriedField>; categoryIds: ReadonlyMap<string, string> },
): Promise<HeadStart | null> {
  if (!context.carries.has('handle')) return null;
  const issues: RowIssue[] = [];
  const fresh: PreparedProduct[] = [];
  let failed = 0;
  for (const parsed of batch) {
    const record = recordToWrite(writer, parsed, undefined, context.carries, issues);
    if (!record) {
      failed++;
      continue;
    }
    const categoryId = record.category ? knownCategoryId(record.category, context.categoryIds) : null;
    // A category this run has not made yet is made in the batch's transaction.
    if (categoryId === undefined) return null;
    fresh.push(preparedFrom(record, categoryId, parsed.rows.first, issues));
  }
  if (fresh.length > 0) {
    const [stored] = await db
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          eq(products.storeId, store.id),
          inArray(
            products.handle,
            fresh.map((p) => p.handle),
          ),
        ),
      )
      .limit(1);
    if (stored) return null;
  }
  return {
    failed,
    fresh,
    plan: planNewProducts(
      writer,
      store,
      fresh.map((p) => p.input),
    ),
    issues,
  };
}

/**
 * Writes a head-started batch, trusting the unique indexes. Null when one refused a handle or SKU
 * (taken since the lookup, or by an earlier batch): the batch then goes the usual way.
 */
async function createPlanned(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string },
  head: HeadStart,
): Promise<BatchResult | null> {
  try {
    const results = await tx.transaction((savepoint) =>
      writeNewProducts(savepoint, writer, store, head.plan, { optimistic: true }),
    );
    const written = outcomesOf(results, head.fresh, head.issues);
    return { ...written, outcomes: [...new Array<Outcome>(head.failed).fill('failed'), ...written.outcomes] };
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

async function updateOne(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string },
  prepared: PreparedProduct,
  stored: ProductDetail,
  issues: RowIssue[],
): Promise<Outcome> {
  if (inputMatchesStored(prepared.input, stored, prepared.categoryId)) return 'unchanged';
  try {
    if (await changesAreStagedFor(tx, writer, stored.product)) {
      return await stageOne(tx, writer, store, prepared, stored, issues);
    }
    // A savepoint per product: one that fails leaves the rest of the batch intact.
    await tx.transaction((savepoint) =>
      updateProduct(savepoint, writer, store.id, stored.product.id, prepared.input, 'product.imported'),
    );
    return 'updated';
  } catch (err) {
    issues.push(...issuesFromError(err, prepared.row, prepared.handle));
    return 'failed';
  }
}

/**
 * A change to a live product by an importer who may not publish: staged in the product's revision
 * for review, as the editor stages it; the storefront keeps the live version until it is published.
 * Publishing and unpublishing are not staged: a status the file asks for is kept as it is.
 */
async function stageOne(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string },
  prepared: PreparedProduct,
  stored: ProductDetail,
  issues: RowIssue[],
): Promise<Outcome> {
  const { status, ...change } = prepared.input;
  if (status !== undefined && status !== stored.product.status) {
    issues.push({
      row: prepared.row,
      column: null,
      code: 'status_not_allowed',
      message: `${prepared.handle}: changing the status needs the catalog:publish permission; kept as ${stored.product.status}.`,
      severity: 'warning',
    });
  }
  const outcome = await tx.transaction((savepoint) =>
    stageProductChange(savepoint, {
      store,
      product: stored.product.id,
      actor: writer.actor,
      change,
      auditContext: { source: 'import' },
    }),
  );
  return outcome.changed ? 'staged' : 'unchanged';
}

/**
 * New products of a batch in a few statements: first trusting the unique indexes to refuse a taken
 * handle or SKU, then (if one was) with the store-wide checks that say which product it was. If
 * another writer took one between those checks and the insert, the products go one at a time.
 */
async function createAll(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  fresh: PreparedProduct[],
  issues: RowIssue[],
): Promise<BatchResult> {
  if (fresh.length === 0) return { outcomes: [], targets: [] };
  const inputs = fresh.map((p) => p.input);
  for (const optimistic of [true, false]) {
    try {
      const results = await tx.transaction((savepoint) =>
        createNewProducts(savepoint, writer, store, inputs, { optimistic }),
      );
      return outcomesOf(results, fresh, issues);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  const result: BatchResult = { outcomes: [], targets: [] };
  for (const prepared of fresh) {
    try {
      const detail = await tx.transaction((savepoint) =>
        createProduct(savepoint, writer, store, prepared.input),
      );
      result.outcomes.push('created');
      result.targets.push(stockTarget(prepared, detail.product.id, detail.variants, true));
    } catch (err) {
      issues.push(...issuesFromError(err, prepared.row, prepared.handle));
      result.outcomes.push('failed');
    }
  }
  return result;
}

function outcomesOf(results: BatchOutcome[], fresh: PreparedProduct[], issues: RowIssue[]): BatchResult {
  const targets: StockTarget[] = [];
  const outcomes = results.map((result, i): Outcome => {
    const prepared = fresh[i]!;
    if (result.ok) {
      targets.push(stockTarget(prepared, result.detail.product.id, result.detail.variants, true));
      return 'created';
    }
    issues.push(...issuesFromError(result.error, prepared.row, prepared.handle));
    return 'failed';
  });
  return { outcomes, targets };
}

/** A rejected product's reasons, pinned to its first row. */
function issuesFromError(err: unknown, row: number, handle: string): RowIssue[] {
  if (err instanceof AppError) {
    const details = Array.isArray(err.details)
      ? (err.details as Array<{ path?: string; message?: string }>)
      : [];
    if (details.length > 0) {
      return details.map((d) => ({
        row,
        column: d.path ?? null,
        code: err.code,
        message: `${handle}: ${d.message ?? err.message}`,
        severity: 'error' as const,
      }));
    }
    return [{ row, column: null, code: err.code, message: `${handle}: ${err.message}`, severity: 'error' }];
  }
  if (err && typeof err === 'object' && 'issues' in err) {
    const zodIssues = (err as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues;
    return zodIssues.map((i) => ({
      row,
      column: i.path.join('.') || null,
      code: 'invalid_value',
      message: `${handle}: ${i.message}`,
      severity: 'error' as const,
    }));
  }
  throw err;
}
