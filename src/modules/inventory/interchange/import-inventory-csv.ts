import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import {
  findStockVariants,
  findStockVariantsByHandle,
  findStockVariantsBySku,
  type StockVariant,
  type StockVariantWithOptions,
} from '../../catalog/index.ts';
import { type MovementInput, recordMovements } from '../ledger/record-movements.ts';
import { type Location, listLocations } from '../locations/locations.ts';
import { shopifyNoOptions } from './inventory-csv-formats.ts';
import type { InventoryFile, InventoryFileRow, InventoryRowError } from './read-inventory-csv.ts';

export interface InventoryImportChange {
  row: number;
  variantId: string;
  sku: string | null;
  location: string;
  from: number;
  to: number;
}

export interface InventoryImportReport {
  /** The `referenceId` of the import's ledger movements (null for a dry run). */
  importId: string | null;
  format: InventoryFile['format'];
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  /** Rows whose on hand differs from the store's (one `adjustment` movement each). */
  changed: number;
  unchanged: number;
  /** Rows that leave the level alone: "not stocked" or no number. */
  skipped: number;
  unitsAdded: number;
  unitsRemoved: number;
  errorCount: number;
  /** The first problems, by row (all of them are counted in `errorCount`). */
  errors: InventoryRowError[];
  /** The first changes, by row. */
  changes: InventoryImportChange[];
}

const listedAtMost = 500;
/** Variants, SKUs or levels looked up per query, and movements written per call. */
const batch = 1000;

const chunks = <T>(items: readonly T[], size = batch): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** Variant lookups for every row at once (batched), then matching row by row. */
async function variantFinder(db: Db, storeId: string, file: InventoryFile) {
  const rows = file.rows.filter((r) => r.onHand !== null);
  const byId = new Map<string, StockVariant>();
  const bySku = new Map<string, StockVariantWithOptions>();
  const byHandle = new Map<string, StockVariantWithOptions[]>();
  for (const ids of chunks([...new Set(rows.map((r) => r.variantId).filter(Boolean))])) {
    for (const [id, v] of await findStockVariants(db, storeId, ids)) byId.set(id, v);
  }
  for (const skus of chunks([...new Set(rows.map((r) => r.sku).filter(Boolean))])) {
    for (const [sku, v] of await findStockVariantsBySku(db, storeId, skus)) bySku.set(sku, v);
  }
  // Shopify rows are named by handle and options too: used when the SKU is blank or unknown.
  const handles = rows.filter((r) => r.handle && !bySku.has(r.sku)).map((r) => r.handle);
  for (const part of chunks([...new Set(handles)])) {
    for (const v of await findStockVariantsByHandle(db, storeId, part)) {
      byHandle.set(v.productHandle, [...(byHandle.get(v.productHandle) ?? []), v]);
    }
  }
  const byOptions = (row: InventoryFileRow) => {
    const wanted = row.optionValues.map(fold).filter((v) => v !== '' && v !== fold(shopifyNoOptions.value));
    return (byHandle.get(row.handle) ?? []).find(
      (v) => v.options.length === wanted.length && v.options.every((o, i) => fold(o.value) === wanted[i]),
    );
  };

  return (row: InventoryFileRow, columns: InventoryFile['columns']): StockVariant | InventoryRowError => {
    const column = (i: number | undefined, fallback: string) =>
      i === undefined ? fallback : columns.names[i]!;
    if (row.variantId) {
      return (
        byId.get(row.variantId) ?? {
          row: row.row,
          column: column(columns.variantId, 'Variant ID'),
          code: 'unknown_variant',
          message: `No variant ${row.variantId} in this store.`,
        }
      );
    }
    const found = (row.sku && bySku.get(row.sku)) || (row.handle && byOptions(row)) || undefined;
    if (found) return found;
    if (row.sku) {
      return {
        row: row.row,
        column: column(columns.sku, 'SKU'),
        code: 'unknown_sku',
        message: `No variant with SKU "${row.sku.slice(0, 100)}" in this store.`,
      };
    }
    if (row.handle) {
      const options = row.optionValues.filter(Boolean).join(' / ');
      return {
        row: row.row,
        column: column(columns.handle, 'Handle'),
        code: 'unknown_variant',
        message: `No variant of "${row.handle.slice(0, 100)}"${options ? ` with ${options.slice(0, 100)}` : ''} in this store.`,
      };
    }
    return {
      row: row.row,
      column: column(columns.sku, 'SKU'),
      code: 'missing_variant',
      message: 'Name the variant: its SKU, or its Handle and option values.',
    };
  };
}

function locationFinder(locations: readonly Location[]) {
  const exact = new Map(locations.map((l) => [l.name, l]));
  const folded = new Map<string, Location | null>();
  for (const l of locations) folded.set(fold(l.name), folded.has(fold(l.name)) ? null : l);
  return (name: string) => exact.get(name) ?? folded.get(fold(name)) ?? undefined;
}

interface Level {
  onHand: number;
  reserved: number;
}

/** Current levels of these (variant, location) pairs; locked until the end of the transaction unless only looking. */
async function currentLevels(
  tx: Db,
  storeId: string,
  pairs: readonly { variantId: string; locationId: string }[],
  lock: boolean,
): Promise<Map<string, Level>> {
  const levels = new Map<string, Level>();
  // Locked in (variant, location) order, as every writer of levels does, so writers cannot deadlock.
  const sorted = [...pairs].sort((a, b) =>
    a.variantId === b.variantId
      ? a.locationId.localeCompare(b.locationId)
      : a.variantId.localeCompare(b.variantId),
  );
  for (const part of chunks(sorted)) {
    const rows = resultRows<{ variant_id: string; location_id: string; on_hand: number; reserved: number }>(
      await tx.execute(sql`
        select l.variant_id, l.location_id, l.on_hand, l.reserved from inventory_levels l
        join unnest(${sql.param(part.map((p) => p.variantId))}::text[], ${sql.param(part.map((p) => p.locationId))}::text[])
          as wanted(variant_id, location_id)
          on l.variant_id = wanted.variant_id and l.location_id = wanted.location_id
        where l.store_id = ${storeId}
        order by l.variant_id, l.location_id
        ${lock ? sql`for update of l` : sql``}`),
    );
    for (const r of rows) {
      levels.set(`${r.variant_id} ${r.location_id}`, {
        onHand: Number(r.on_hand),
        reserved: Number(r.reserved),
      });
    }
  }
  return levels;
}

/**
 * Sets on hand per (variant, location) to the file's numbers. Each difference is written to the
 * ledger as an `adjustment` with reason `correction` (reference type `import`, one id per import),
 * so the file's numbers become the levels and the ledger says why. A row equal to the store's
 * changes nothing, so importing an export changes nothing.
 *
 * All rows or none: with any row error (unknown SKU or location, a bad number, a duplicate, less
 * than is reserved) nothing is written and `import_invalid` (422) carries the report. A dry run
 * reports the same without writing (and without locking). Audited with a summary.
 */
export async function importInventoryCsv(
  tx: Db,
  storeId: string,
  actor: Actor,
  file: InventoryFile,
  options: { dryRun: boolean },
): Promise<InventoryImportReport> {
  const errors: InventoryRowError[] = [...file.errors];
  const findVariant = await variantFinder(tx, storeId, file);
  const findLocation = locationFinder(await listLocations(tx, storeId));
  const wanted: { row: InventoryFileRow; variant: StockVariant; location: Location; onHand: number }[] = [];
  const firstRowOf = new Map<string, number>();
  let skipped = 0;
  for (const row of file.rows) {
    if (row.onHand === null) {
      skipped++;
      continue;
    }
    const variant = findVariant(row, file.columns);
    const location = findLocation(row.location);
    if ('code' in variant) errors.push(variant);
    if (!location) {
      errors.push({
        row: row.row,
        column: file.columns.location === undefined ? 'Location' : file.columns.names[file.columns.location]!,
        code: 'unknown_location',
        message: `No location named "${row.location.slice(0, 100)}" in this store.`,
      });
    }
    if ('code' in variant || !location) continue;
    const key = `${variant.variantId} ${location.id}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      errors.push({
        row: row.row,
        column: file.columns.location === undefined ? 'Location' : file.columns.names[file.columns.location]!,
        code: 'duplicate_row',
        message: `Row ${earlier} already sets this variant at ${location.name}.`,
      });
      continue;
    }
    firstRowOf.set(key, row.row);
    wanted.push({ row, variant, location, onHand: row.onHand });
  }

  const levels = await currentLevels(
    tx,
    storeId,
    wanted.map((w) => ({ variantId: w.variant.variantId, locationId: w.location.id })),
    !options.dryRun,
  );
  const changes: InventoryImportChange[] = [];
  const movements: MovementInput[] = [];
  const importId = options.dryRun ? null : newId('importRun');
  let unitsAdded = 0;
  let unitsRemoved = 0;
  for (const w of wanted) {
    const level = levels.get(`${w.variant.variantId} ${w.location.id}`) ?? { onHand: 0, reserved: 0 };
    const delta = w.onHand - level.onHand;
    if (delta === 0) continue;
    if (w.onHand < level.reserved && w.variant.inventoryPolicy !== 'continue') {
      errors.push({
        row: w.row.row,
        column: file.columns.names[file.columns.onHand!] ?? 'On hand',
        code: 'below_reserved',
        message: `${level.reserved} units are reserved at ${w.location.name}; on hand cannot go below that (${w.onHand}).`,
      });
      continue;
    }
    if (delta > 0) unitsAdded += delta;
    else unitsRemoved -= delta;
    changes.push({
      row: w.row.row,
      variantId: w.variant.variantId,
      sku: w.variant.sku,
      location: w.location.name,
      from: level.onHand,
      to: w.onHand,
    });
    movements.push({
      variantId: w.variant.variantId,
      locationId: w.location.id,
      kind: 'adjustment',
      reason: 'correction',
      quantity: delta,
      referenceType: 'import',
      referenceId: importId,
    });
  }

  errors.sort((a, b) => a.row - b.row);
  const report: InventoryImportReport = {
    importId,
    format: file.format,
    dryRun: options.dryRun,
    rows: file.rows.length + file.errors.length,
    changed: changes.length,
    unchanged: wanted.length - changes.length - errors.filter((e) => e.code === 'below_reserved').length,
    skipped,
    unitsAdded,
    unitsRemoved,
    errorCount: errors.length,
    errors: errors.slice(0, listedAtMost),
    changes: changes.slice(0, listedAtMost),
  };
  if (options.dryRun) return report;
  if (errors.length > 0) {
    throw unprocessable(
      'import_invalid',
      `${errors.length} row${errors.length === 1 ? '' : 's'} cannot be imported; nothing was changed.`,
      report,
    );
  }
  const variants = new Map(wanted.map((w) => [w.variant.variantId, w.variant]));
  for (const part of chunks(movements, 500)) {
    await recordMovements(tx, storeId, actor, part, { variants });
  }
  const { errors: _none, changes: _listed, ...summary } = report;
  await recordAudit(tx, actor, {
    storeId,
    action: 'inventory.imported',
    entityType: 'inventory_import',
    entityId: importId,
    after: summary,
  });
  return report;
}
