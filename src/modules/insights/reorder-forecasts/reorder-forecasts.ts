import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import {
  dailyVariantSales,
  type ReorderSupplier,
  reorderSuggestions,
  storeToday,
  variantsSoldRecently,
} from '../../inventory/index.ts';
import type { DemandPattern } from '../forecasting/demand-pattern.ts';
import type { ForecastMethod } from '../forecasting/forecaster.ts';
import type { SuggestedOrder } from '../forecasting/order-quantity.ts';
import { isStockOutDay, observedDemand } from './observed-demand.ts';
import { forecastHorizons, planVariantReorder } from './plan-variant-reorder.ts';
import { demandForecastsOfDay } from './stored-forecasts.ts';

/**
 * Forecasts and reorders for a store: every tracked variant that sold in the last year, its demand
 * forecast (method chosen per variant by backtest), days of cover, stock-out date, reorder point
 * and the order to place, grouped by supplier into what one draft purchase order each would hold
 * (docs/forecasting.md, "Forecasts and reorders in the store").
 *
 * The inventory module supplies the numbers it owns (history, stock, suppliers' terms, drafts)
 * through its index; the forecasting is this module's. Inventory never imports insights.
 */

export const historyDays = 365;
/** As many variants as one request forecasts: the best sellers of the year first. */
export const maxForecastVariants = 500;
/** Days of history the screen's chart shows. */
const chartHistoryDays = 56;

export const reorderForecastSettings = z
  .object({
    /** Share of replenishment cycles to get through without running out. */
    serviceLevel: z.coerce
      .number()
      .gt(0, 'The service level is a share between 0 and 1, e.g. 0.95.')
      .lt(1, 'The service level is a share between 0 and 1, e.g. 0.95.')
      .default(0.95),
    /**
     * Days until the next chance to order. Four weeks by default, the cover the rate-of-sale
     * suggestion gives beyond the lead time, so both agree on a steady seller.
     */
    reviewPeriodDays: z.coerce.number().int().min(0).max(365).default(28),
  })
  .strict();
export type ReorderForecastSettings = z.output<typeof reorderForecastSettings>;

export const reorderForecastQuery = reorderForecastSettings
  .extend({ supplierId: z.string().min(1).max(64).optional() })
  .strict();
export type ReorderForecastQuery = z.output<typeof reorderForecastQuery>;

export interface ReorderForecastItem {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  supplier: ReorderSupplier | null;
  unitCost: { amount: number; currency: string } | null;
  method: ForecastMethod;
  pattern: DemandPattern;
  /** The chosen method's backtest; null when the history was too short to backtest. */
  accuracy: { mase: number | null; wape: number | null; origins: number } | null;
  /** Units per day the safety stock is sized with. */
  demandSd: number;
  /** The last eight weeks, oldest first; `stockOut` days are left out of fitting. */
  history: { day: string; units: number; stockOut: boolean }[];
  /** Units per day from today. */
  forecast: number[];
  /** Stock-out days left out of the fit over the year. */
  censoredDays: number;
  available: number;
  incoming: number;
  leadTimeDays: number | null;
  /** Null beyond the forecast. */
  daysOfCover: number | null;
  stockOutDate: string | null;
  /** Null without a supplier (no lead time to protect). */
  safetyStock: number | null;
  reorderPoint: number | null;
  reorderNow: boolean;
  /** Null without a supplier. */
  order: (SuggestedOrder & { packSize: number; minimumOrderQuantity: number }) | null;
  /** Draft purchase orders that already hold the variant (not yet incoming). */
  drafts: { id: string; label: string; supplierId: string; quantity: number }[];
}

export interface ReorderForecastGroup {
  supplier: ReorderSupplier;
  lines: { variantId: string; quantity: number }[];
  units: number;
  /** In the supplier's currency. */
  total: { amount: number; currency: string };
  /** The units fall short of the supplier's minimum order, so the draft cannot be sent as is. */
  belowSupplierMinimum: boolean;
}

export interface ReorderForecasts {
  today: string;
  settings: ReorderForecastSettings;
  /** Soonest to run out first; a variant with nothing to order and ample cover last. */
  items: ReorderForecastItem[];
  /** Suppliers with something to order, by name. */
  groups: ReorderForecastGroup[];
}

export async function reorderForecasts(
  db: Db,
  store: Pick<Store, 'id' | 'baseCurrency' | 'timezone'>,
  query: ReorderForecastQuery,
): Promise<ReorderForecasts> {
  const settings = { serviceLevel: query.serviceLevel, reviewPeriodDays: query.reviewPeriodDays };
  const window = { days: historyDays, timeZone: store.timezone };
  const today = storeToday(store.timezone).toISODate()!;
  const sold = await variantsSoldRecently(db, store.id, window, maxForecastVariants);
  // The ledger outlives variants deleted from the catalog; they have nothing left to reorder.
  const known = await findStockVariants(db, store.id, sold);
  const ids = sold.filter((id) => known.has(id));
  if (ids.length === 0) return { today, settings, items: [], groups: [] };
  const [suggestions, histories] = await Promise.all([
    reorderSuggestions(db, store, { variantIds: ids }),
    dailyVariantSales(db, store.id, ids, window),
  ]);

  type Prepared = {
    suggestion: (typeof suggestions.items)[number];
    days: { units: number; openingOnHand: number }[];
    observed: ReturnType<typeof observedDemand>;
    firstDay: string;
  };
  const prepared: Prepared[] = [];
  for (const suggestion of suggestions.items) {
    if (suggestion.reason === 'untracked') continue;
    if (query.supplierId && suggestion.supplier?.id !== query.supplierId) continue;
    const sales = histories.get(suggestion.variantId)!;
    const days = sales.sold.map((units, i) => ({ units, openingOnHand: sales.openingOnHand[i]! }));
    prepared.push({ suggestion, days, observed: observedDemand(days), firstDay: sales.firstDay });
  }
  const forecasts = await demandForecastsOfDay(
    db,
    store.id,
    today,
    prepared.map(({ suggestion, observed }) => ({
      variantId: suggestion.variantId,
      series: observed.series,
      ...forecastHorizons(suggestion.supplier?.leadTimeDays ?? 0, settings.reviewPeriodDays),
    })),
  );

  const items: ReorderForecastItem[] = [];
  for (const { suggestion, days, observed, firstDay: historyStart } of prepared) {
    const forecast = forecasts.get(suggestion.variantId)!;
    const { calculation: numbers, supplier } = suggestion;
    const leadTimeDays = supplier?.leadTimeDays ?? 0;
    const packSize = numbers.packSize ?? 1;
    const minimumOrderQuantity = numbers.minimumOrderQuantity ?? 1;
    const { demandSd, plan } = planVariantReorder(forecast, {
      today,
      available: numbers.available,
      incoming: numbers.incoming,
      leadTimeDays,
      reviewPeriodDays: settings.reviewPeriodDays,
      serviceLevel: settings.serviceLevel,
      packSize,
      minimumOrderQuantity,
    });
    const firstDay = DateTime.fromISO(historyStart, { zone: 'utc' });
    const chartStart = Math.max(0, days.length - chartHistoryDays);
    items.push({
      variantId: suggestion.variantId,
      productTitle: suggestion.productTitle,
      variantTitle: suggestion.variantTitle,
      sku: suggestion.sku,
      supplier,
      unitCost: suggestion.unitCost,
      method: forecast.method as ForecastMethod,
      pattern: forecast.pattern as DemandPattern,
      accuracy: forecast.backtest
        ? { mase: forecast.backtest.mase, wape: forecast.backtest.wape, origins: forecast.backtest.origins }
        : null,
      demandSd,
      history: days.slice(chartStart).map((d, i) => ({
        day: firstDay.plus({ days: chartStart + i }).toISODate()!,
        units: d.units,
        stockOut: isStockOutDay(d),
      })),
      forecast: forecast.forecast,
      censoredDays: observed.censoredDays,
      available: numbers.available,
      incoming: numbers.incoming,
      leadTimeDays: supplier?.leadTimeDays ?? null,
      daysOfCover: plan.daysOfCover,
      stockOutDate: plan.stockOutDate,
      safetyStock: supplier ? plan.safetyStock : null,
      reorderPoint: supplier ? plan.reorderPoint : null,
      reorderNow: supplier !== null && plan.reorderNow,
      order: supplier ? { ...plan.order, packSize, minimumOrderQuantity } : null,
      drafts: suggestion.drafts,
    });
  }
  items.sort(
    (a, b) =>
      (a.daysOfCover ?? Number.POSITIVE_INFINITY) - (b.daysOfCover ?? Number.POSITIVE_INFINITY) ||
      a.variantId.localeCompare(b.variantId),
  );
  return { today, settings, items, groups: groupOrdersBySupplier(items) };
}

/** What to order, one group per supplier (one draft purchase order each), suppliers by name. */
export function groupOrdersBySupplier(items: readonly ReorderForecastItem[]): ReorderForecastGroup[] {
  const groups = new Map<string, ReorderForecastGroup>();
  for (const item of items) {
    if (!item.supplier || !item.unitCost || !item.order || item.order.quantity <= 0) continue;
    let group = groups.get(item.supplier.id);
    if (!group) {
      group = {
        supplier: item.supplier,
        lines: [],
        units: 0,
        total: { amount: 0, currency: item.supplier.currency },
        belowSupplierMinimum: false,
      };
      groups.set(item.supplier.id, group);
    }
    group.lines.push({ variantId: item.variantId, quantity: item.order.quantity });
    group.units += item.order.quantity;
    group.total.amount += item.order.quantity * item.unitCost.amount;
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      belowSupplierMinimum:
        g.supplier.minimumOrderQuantity !== null && g.units < g.supplier.minimumOrderQuantity,
    }))
    .sort(
      (a, b) => a.supplier.name.localeCompare(b.supplier.name) || a.supplier.id.localeCompare(b.supplier.id),
    );
}
