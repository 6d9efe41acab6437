import { DateTime } from 'luxon';
import { demandOverDays } from './demand-over-days.ts';
import { economicOrderQuantity } from './economic-order-quantity.ts';
import { type SuggestedOrder, suggestOrderQuantity } from './order-quantity.ts';
import { reorderPoint, safetyStock } from './safety-stock.ts';
import { type Arrival, daysOfCover, stockOutDay } from './stock-out.ts';

/**
 * Everything the reorder screen shows for one variant and supplier, from its demand forecast and
 * stock: safety stock, reorder point, days of cover, stock-out date and the suggested order.
 */

export interface ReorderPlanInput {
  /** A demand forecast (see forecastDemand): units per day from `firstDay`, and its error spread. */
  demand: { forecast: readonly number[]; residualSd: number };
  /** ISO date of the forecast's first day. */
  firstDay: string;
  /** May be negative: units sold past zero. */
  available: number;
  /** Stock on its way; without a date it is taken to arrive after the lead time. */
  incoming: readonly { units: number; arrivesOn?: string | null }[];
  leadTimeDays: number;
  /** Standard deviation of the supplier's lead time, when it varies. */
  leadTimeSdDays?: number;
  /** Days until the next chance to order. */
  reviewPeriodDays: number;
  /** Share of cycles to get through without running out, e.g. 0.95. */
  serviceLevel: number;
  packSize: number;
  minimumOrderQuantity: number;
  /** Raise orders to the economic lot: cost per order and per unit held a year, same currency unit. */
  economicLot?: { orderCost: number; holdingCostPerUnitYear: number };
}

export interface ReorderPlan {
  /** Protects the lead time; part of the reorder point. */
  safetyStock: number;
  /** Forecast demand over the lead time + safety stock. */
  reorderPoint: number;
  /** Available + incoming. */
  inventoryPosition: number;
  /** The inventory position is at or below the reorder point. */
  reorderNow: boolean;
  /** Days until stock runs out under the forecast (fractional); null beyond the forecast. */
  daysOfCover: number | null;
  /** ISO date of the first day demand is expected to exceed the stock; null beyond the forecast. */
  stockOutDate: string | null;
  economicOrderQuantity: number | null;
  /** The order to place now; its safety stock protects lead time + review period. */
  order: SuggestedOrder;
}

export function planReorder(input: ReorderPlanInput): ReorderPlan {
  const { forecast, residualSd } = input.demand;
  const start = DateTime.fromISO(input.firstDay, { zone: 'utc' });
  if (!start.isValid) throw new RangeError(`firstDay is not an ISO date: ${input.firstDay}`);
  const leadTime = input.leadTimeDays;
  const protectedDays = leadTime + input.reviewPeriodDays;
  const leadTimeDemand = demandOverDays(forecast, leadTime);
  const bufferFor = (days: number, demand: number) =>
    safetyStock({
      serviceLevel: input.serviceLevel,
      demandSd: residualSd,
      days,
      meanDemand: days > 0 ? demand / days : 0,
      leadTimeSdDays: input.leadTimeSdDays,
    });
  const leadTimeSafety = bufferFor(leadTime, leadTimeDemand);
  const point = reorderPoint(leadTimeDemand, leadTimeSafety);

  const arrivals: Arrival[] = input.incoming.map(({ units, arrivesOn }) => ({
    units,
    day: arrivesOn
      ? Math.max(0, Math.ceil(DateTime.fromISO(arrivesOn, { zone: 'utc' }).diff(start, 'days').days))
      : Math.ceil(leadTime),
  }));
  const incoming = input.incoming.reduce((sum, { units }) => sum + units, 0);
  const cover = daysOfCover(forecast, input.available, arrivals);
  const outDay = stockOutDay(forecast, input.available, arrivals);

  const lot = input.economicLot
    ? economicOrderQuantity({
        annualDemand: (demandOverDays(forecast, protectedDays) / Math.max(protectedDays, 1e-9)) * 365,
        ...input.economicLot,
      })
    : null;
  const order = suggestOrderQuantity({
    forecast,
    leadTimeDays: leadTime,
    reviewPeriodDays: input.reviewPeriodDays,
    safetyStock: bufferFor(protectedDays, demandOverDays(forecast, protectedDays)),
    available: input.available,
    incoming,
    packSize: input.packSize,
    minimumOrderQuantity: input.minimumOrderQuantity,
    economicOrderQuantity: lot ?? undefined,
  });

  return {
    safetyStock: leadTimeSafety,
    reorderPoint: point,
    inventoryPosition: input.available + incoming,
    reorderNow: input.available + incoming <= point,
    daysOfCover: cover,
    stockOutDate: outDay === null ? null : start.plus({ days: outDay }).toISODate(),
    economicOrderQuantity: lot,
    order,
  };
}
