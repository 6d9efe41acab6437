import { parse } from 'csv-parse/sync';
import type { Db } from '../../platform/db/database.ts';
import { AppError, unprocessable } from '../../platform/errors.ts';
import { parseMoney } from '../../platform/money.ts';
import type { Actor } from '../access/index.ts';
import { findStockVariants, findStockVariantsBySku, unguardFormula } from '../catalog/index.ts';
import {
  type ExplicitPrice,
  findExplicitPrices,
  lockPricedMarket,
  writeExplicitPrices,
} from './explicit-prices.ts';
import type { Market, MarketStore } from './primary-market.ts';

/** Data rows an imported file may have. */
export const maxImportRows = 50_000;
/** Variants looked up per query. */
const batch = 1000;
/** Row problems listed in the error (all are counted). */
const listedErrors = 100;

export interface ExplicitPricesRowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ExplicitPricesImportReport {
  dryRun: boolean;
  rows: number;
  /** Variants whose explicit price is new or different. */
  set: number;
  /** Variants whose explicit price the file empties. */
  removed: number;
  unchanged: number;
}

/**
 * Reads a market's explicit prices from CSV (the export's columns; `price` and one of `variant_id` /
 * `sku` are required, the others are read when present) and writes what changed, all rows or none:
 * any problem is 422 `import_invalid` with the first problems by row in `details.errors`.
 */
export async function importExplicitPricesCsv(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  marketId: string,
  text: string,
  options: { dryRun: boolean },
): Promise<ExplicitPricesImportReport> {
  const market = await lockPricedMarket(tx, store.id, marketId);
  const rows = readRows(text);
  const errors: ExplicitPricesRowError[] = [];
  const fail = (row: number, column: string | null, code: string, message: string) => {
    errors.push({ row, column, code, message });
  };
  const variantOf = await identifyVariants(tx, store.id, rows);
  const wanted = new Map<string, ExplicitPrice | null>();
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const variantId = variantOf.get(row.line);
    if (!variantId) {
      const [column, what] = row.variantId
        ? ['variant_id', `No variant ${row.variantId}`]
        : ['sku', row.sku ? `No variant with SKU ${row.sku}` : 'No variant id or SKU'];
      fail(row.line, column, 'unknown_variant', `${what} in this store.`);
      continue;
    }
    const first = firstRowOf.get(variantId);
    if (first !== undefined) {
      fail(row.line, null, 'duplicate_variant', `The variant is also on row ${first}.`);
      continue;
    }
    firstRowOf.set(variantId, row.line);
    if (row.currency && row.currency.toUpperCase() !== market.currency) {
      fail(
        row.line,
        'currency',
        'currency_mismatch',
        `This market sells in ${market.currency}, not ${row.currency}.`,
      );
      continue;
    }
    const price = readPrice(row, market, fail);
    if (price !== undefined) wanted.set(variantId, price && { variantId, ...price });
  }
  if (errors.length > 0) throw importInvalid(rows.length, errors);

  const existing = await findExplicitPrices(tx, market.id, [...wanted.keys()]);
  const sets: ExplicitPrice[] = [];
  const removals: string[] = [];
  for (const [variantId, price] of wanted) {
    const before = existing.get(variantId);
    if (price === null) {
      if (before) removals.push(variantId);
    } else if (
      !before ||
      before.amount !== price.amount ||
      before.compareAtAmount !== price.compareAtAmount
    ) {
      sets.push(price);
    }
  }
  if (!options.dryRun) await writeExplicitPrices(tx, store.id, actor, market, sets, removals);
  return {
    dryRun: options.dryRun,
    rows: rows.length,
    set: sets.length,
    removed: removals.length,
    unchanged: rows.length - sets.length - removals.length,
  };
}

interface PriceRow {
  line: number;
  variantId: string;
  sku: string;
  currency: string;
  price: string;
  compareAt: string;
}

function readRows(text: string): PriceRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: 64 * 1024,
    });
  } catch (err) {
    throw unprocessable('malformed_csv', `The file is not well-formed CSV: ${(err as Error).message}`);
  }
  const header = records.length > 0 ? Object.keys(records[0]!.record) : [];
  if (records.length === 0) throw unprocessable('empty_file', 'The file has no rows of prices.');
  const missing = [
    ...(header.includes('price') ? [] : ['price']),
    ...(header.includes('variant_id') || header.includes('sku') ? [] : ['variant_id or sku']),
  ];
  if (missing.length > 0) {
    throw unprocessable('missing_columns', `The file needs the column(s) ${missing.join(', ')}.`, {
      missing,
    });
  }
  if (records.length > maxImportRows) {
    throw unprocessable('too_many_rows', `A file can have at most ${maxImportRows} rows; split it.`, {
      rows: records.length,
      maximum: maxImportRows,
    });
  }
  const cell = (record: Record<string, string>, name: string) => (record[name] ?? '').trim();
  return records.map(({ record, info }) => ({
    line: info.lines,
    variantId: cell(record, 'variant_id'),
    sku: unguardFormula(cell(record, 'sku')),
    currency: cell(record, 'currency'),
    price: cell(record, 'price'),
    compareAt: cell(record, 'compare_at_price'),
  }));
}

/** By file line: the variant a row names (its id first, else its SKU); rows naming none are left out. */
async function identifyVariants(
  db: Db,
  storeId: string,
  rows: readonly PriceRow[],
): Promise<Map<number, string>> {
  const byId = new Set<string>();
  const bySku = new Map<string, string>();
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    const ids = slice.filter((r) => r.variantId).map((r) => r.variantId);
    for (const id of (await findStockVariants(db, storeId, ids)).keys()) byId.add(id);
    const skus = slice.filter((r) => !r.variantId && r.sku).map((r) => r.sku);
    for (const [sku, v] of await findStockVariantsBySku(db, storeId, skus)) bySku.set(sku, v.variantId);
  }
  const found = new Map<number, string>();
  for (const row of rows) {
    const id = row.variantId ? (byId.has(row.variantId) ? row.variantId : undefined) : bySku.get(row.sku);
    if (id) found.set(row.line, id);
  }
  return found;
}

/** The row's price (null: the file empties it), or undefined after reporting a problem. */
function readPrice(
  row: PriceRow,
  market: Market,
  fail: (row: number, column: string, code: string, message: string) => void,
): Omit<ExplicitPrice, 'variantId'> | null | undefined {
  if (row.price === '') {
    if (row.compareAt === '') return null;
    fail(row.line, 'price', 'price_required', 'A compare-at price needs a price.');
    return undefined;
  }
  const amount = decimal(row.price, market.currency, 'price', row.line, fail);
  if (amount === undefined) return undefined;
  if (row.compareAt === '') return { amount, compareAtAmount: null };
  const compareAtAmount = decimal(row.compareAt, market.currency, 'compare_at_price', row.line, fail);
  if (compareAtAmount === undefined) return undefined;
  if (compareAtAmount <= amount) {
    fail(row.line, 'compare_at_price', 'invalid_compare_at', 'A compare-at price must be above the price.');
    return undefined;
  }
  return { amount, compareAtAmount };
}

function decimal(
  text: string,
  currency: string,
  column: string,
  line: number,
  fail: (row: number, column: string, code: string, message: string) => void,
): number | undefined {
  try {
    const { amount } = parseMoney(text, currency);
    if (amount >= 0 && amount <= 1_000_000_000_000) return amount;
    fail(
      line,
      column,
      'invalid_amount',
      'A price is not negative and at most 1,000,000,000,000 minor units.',
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    fail(line, column, err.code, err.message);
  }
  return undefined;
}

function importInvalid(rows: number, errors: ExplicitPricesRowError[]) {
  return unprocessable(
    'import_invalid',
    `${errors.length} row(s) of the file have problems; nothing was written.`,
    {
      rows,
      errorCount: errors.length,
      errors: errors.slice(0, listedErrors),
    },
  );
}
