import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { guardFormula, listStockVariants, type StockVariantWithOptions } from '../../catalog/index.ts';
import { incomingStock } from '../levels.ts';
import { listLocations } from '../locations/locations.ts';
import {
  type InventoryCsvFormat,
  notStocked,
  shopifyInventoryHeader,
  shopifyNoOptions,
  storepilotInventoryHeader,
} from './inventory-csv-formats.ts';

/** Variants read per page while the file streams out. */
const page = 500;

interface LevelCells {
  onHand: number;
  reserved: number;
}

function shopifyRow(
  variant: StockVariantWithOptions,
  locationName: string,
  level: LevelCells | undefined,
  incoming: number,
): string[] {
  const options = variant.options.length > 0 ? variant.options : [shopifyNoOptions];
  const optionCells = [0, 1, 2].flatMap((i) => {
    const option = options[i];
    return option ? [guardFormula(option.name), guardFormula(option.value)] : ['', ''];
  });
  const quantities = level
    ? ['0', String(level.reserved), String(level.onHand - level.reserved), String(level.onHand)]
    : [notStocked, notStocked, notStocked, notStocked];
  return [
    variant.productHandle,
    guardFormula(variant.productTitle),
    ...optionCells,
    guardFormula(variant.sku ?? ''),
    '',
    '',
    guardFormula(locationName),
    String(incoming),
    ...quantities,
  ];
}

function storepilotRow(
  variant: StockVariantWithOptions,
  locationName: string,
  level: LevelCells | undefined,
) {
  return [
    guardFormula(variant.sku ?? ''),
    variant.variantId,
    guardFormula(locationName),
    level ? String(level.onHand) : '',
  ];
}

/**
 * Every variant of the store at every location, one row each, as Shopify's inventory CSV or
 * Storepilot's own (inventory-csv-formats.ts), streamed a page of variants at a time. A variant
 * never kept at a location (no stock level there) is written "not stocked" (Shopify) or with an
 * empty On hand (Storepilot), which the import reads as "leave as it is", so importing the file
 * changes nothing.
 */
export function exportInventoryCsv(db: Db, storeId: string, format: InventoryCsvFormat): Readable {
  async function* records(): AsyncGenerator<string[]> {
    yield format === 'shopify' ? [...shopifyInventoryHeader] : [...storepilotInventoryHeader];
    const locations = await listLocations(db, storeId);
    let after: { productHandle: string; position: number } | undefined;
    for (;;) {
      const variants = await listStockVariants(db, storeId, { after, limit: page });
      if (variants.length === 0) return;
      const ids = variants.map((v) => v.variantId);
      const levels = new Map(
        resultRows<{ variant_id: string; location_id: string; on_hand: number; reserved: number }>(
          await db.execute(sql`
            select variant_id, location_id, on_hand, reserved from inventory_levels
            where store_id = ${storeId} and variant_id = any(${sql.param(ids)}::text[])`),
        ).map((r) => [
          `${r.variant_id} ${r.location_id}`,
          { onHand: Number(r.on_hand), reserved: Number(r.reserved) },
        ]),
      );
      const incoming =
        format === 'shopify' ? await incomingStock(db, storeId, ids) : new Map<string, number>();
      for (const variant of variants) {
        for (const location of locations) {
          const key = `${variant.variantId} ${location.id}`;
          yield format === 'shopify'
            ? shopifyRow(variant, location.name, levels.get(key), incoming.get(key) ?? 0)
            : storepilotRow(variant, location.name, levels.get(key));
        }
      }
      const last = variants.at(-1)!;
      after = { productHandle: last.productHandle, position: last.position };
    }
  }
  const source = Readable.from(records());
  // A byte-order mark: spreadsheet programs need it to read UTF-8 names correctly.
  const csv = stringify({ bom: true });
  // pipe() does not pass errors on: a failed read must end the download, not leave it hanging.
  source.on('error', (err) => csv.destroy(err));
  return source.pipe(csv);
}
