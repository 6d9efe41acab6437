import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { countName, type StockCountWithLines } from './count-records.ts';

export interface CountReportLine {
  variantId: string;
  sku: string | null;
  productTitle: string | null;
  variantTitle: string | null;
  /** On hand when the sheet was made. */
  expectedQuantity: number;
  countedQuantity: number | null;
  /** On hand at the location now. */
  onHand: number;
  /** Counted − on hand now: what applying would change (null until counted). */
  variance: number | null;
  /** Average cost per unit in the store's base currency, when receipts have set one. */
  unitCostAmount: number | null;
  /** variance × unit cost (null when either is unknown). */
  varianceValueAmount: number | null;
  /** The correction applied, once the count is applied. */
  appliedDelta: number | null;
}

export interface CountReportTotals {
  lines: number;
  countedLines: number;
  /** Counted lines whose count differs from on hand now. */
  linesWithVariance: number;
  unitsOver: number;
  unitsShort: number;
  netUnits: number;
  /** Values in minor units of `currency`, over the lines with a known cost. */
  valueOverAmount: number;
  valueShortAmount: number;
  netValueAmount: number;
  /** Lines with a variance but no average cost: their value is not in the totals. */
  linesWithoutCost: number;
  currency: string;
}

/**
 * A count as the API shows it, with its variance report: per line what was expected, what was
 * counted, what is on hand now and the difference, valued at the variant's average cost; totals
 * over the sheet. The lines come in product and variant title order, as a person counts a shelf.
 */
export async function countReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  count: StockCountWithLines,
) {
  const variantIds = count.lines.map((l) => l.variantId);
  const variants = await findStockVariants(db, store.id, variantIds);
  const stock = resultRows<{
    variant_id: string;
    on_hand: number | null;
    average_cost_amount: string | number | null;
  }>(
    await db.execute(sql`
      select i.variant_id, l.on_hand, i.average_cost_amount from inventory_items i
      left join inventory_levels l on l.variant_id = i.variant_id and l.location_id = ${count.locationId}
      where i.store_id = ${store.id} and i.variant_id = any(${sql.param(variantIds)}::text[])`),
  );
  const stockOf = new Map(stock.map((r) => [r.variant_id, r]));
  const lines: CountReportLine[] = count.lines.map((line) => {
    const variant = variants.get(line.variantId);
    const row = stockOf.get(line.variantId);
    const onHand = Number(row?.on_hand ?? 0);
    const unitCostAmount = row?.average_cost_amount == null ? null : Number(row.average_cost_amount);
    const variance = line.countedQuantity === null ? null : line.countedQuantity - onHand;
    return {
      variantId: line.variantId,
      sku: variant?.sku ?? null,
      productTitle: variant?.productTitle ?? null,
      variantTitle: variant?.title ?? null,
      expectedQuantity: line.expectedQuantity,
      countedQuantity: line.countedQuantity,
      onHand,
      variance,
      unitCostAmount,
      varianceValueAmount: variance === null || unitCostAmount === null ? null : variance * unitCostAmount,
      appliedDelta: line.appliedDelta,
    };
  });
  lines.sort(
    (a, b) =>
      (a.productTitle ?? '').localeCompare(b.productTitle ?? '') ||
      (a.variantTitle ?? '').localeCompare(b.variantTitle ?? '') ||
      a.variantId.localeCompare(b.variantId),
  );
  const differing = lines.filter((l) => l.variance !== null && l.variance !== 0);
  const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);
  const valued = differing.filter((l) => l.varianceValueAmount !== null).map((l) => l.varianceValueAmount!);
  const totals: CountReportTotals = {
    lines: lines.length,
    countedLines: lines.filter((l) => l.countedQuantity !== null).length,
    linesWithVariance: differing.length,
    unitsOver: sum(differing.filter((l) => l.variance! > 0).map((l) => l.variance!)),
    unitsShort: sum(differing.filter((l) => l.variance! < 0).map((l) => -l.variance!)),
    netUnits: sum(differing.map((l) => l.variance!)),
    valueOverAmount: sum(valued.filter((v) => v > 0)),
    valueShortAmount: sum(valued.filter((v) => v < 0).map((v) => -v)),
    netValueAmount: sum(valued),
    linesWithoutCost: differing.length - valued.length,
    currency: store.baseCurrency,
  };
  const { lines: _lines, ...rest } = count;
  const [location] = resultRows<{ name: string }>(
    await db.execute(sql`select name from inventory_locations where id = ${count.locationId}`),
  );
  return {
    count: { ...rest, name: countName(count.number), locationName: location?.name ?? '' },
    lines,
    totals,
  };
}

export type CountReport = Awaited<ReturnType<typeof countReport>>;
