// Not yet exported through src/modules/inventory/index.ts; the import moves there once it is.
import { roundUpToPack } from '../../inventory/index.ts';
import { demandOverDays } from './demand-over-days.ts';

/**
 * How much to order now: enough to reach the next-but-one delivery. Stock ordered today arrives
 * after the lead time; the order after this one is placed a review period later and arrives a
 * lead time after that, so this order must cover lead time + review period of forecast demand,
 * plus safety stock, less what is available and already on its way. Rounded up to whole packs and
 * raised to the supplier's minimum, like the rate-of-sale reorder in the inventory module.
 */

export interface OrderQuantityInput {
  /** Forecast units per day, day 0 first; must cover lead time + review period. */
  forecast: readonly number[];
  leadTimeDays: number;
  /** Days until the next chance to order (e.g. 7 for a weekly order). */
  reviewPeriodDays: number;
  safetyStock: number;
  /** May be negative: units sold past zero must be bought too. */
  available: number;
  /** Already on its way (sent purchase orders, transfers in transit). */
  incoming: number;
  /** The supplier sells whole packs of this many units. */
  packSize: number;
  /** The supplier's minimum for this variant on one order. */
  minimumOrderQuantity: number;
  /** When given, an order due is raised to at least this economic lot (see economicOrderQuantity). */
  economicOrderQuantity?: number;
}

export interface SuggestedOrder {
  /** Lead time + review period. */
  coverDays: number;
  /** Forecast units over those days. */
  demandOverCover: number;
  safetyStock: number;
  /** Demand over the cover days + safety stock, rounded up to whole units. */
  targetUnits: number;
  /** Target − available − incoming, never below 0. */
  shortfall: number;
  /** Units to order: 0 when nothing is short, else whole packs and at least the minimum. */
  quantity: number;
  packs: number;
  /** What took the quantity above the shortfall. */
  roundedUpBy: 'nothing' | 'packs' | 'minimum' | 'economic-lot';
}

// Sums such as 0.1 × 30 days come out as 3.0000000000000004 in floating point, not 4 units.
const epsilon = 1e-9;

export function suggestOrderQuantity(input: OrderQuantityInput): SuggestedOrder {
  const coverDays = input.leadTimeDays + input.reviewPeriodDays;
  const demandOverCover = demandOverDays(input.forecast, coverDays);
  const targetUnits = Math.max(0, Math.ceil(demandOverCover + input.safetyStock - epsilon));
  const shortfall = Math.max(0, targetUnits - input.available - input.incoming);
  const packSize = Math.max(1, input.packSize);
  const common = { coverDays, demandOverCover, safetyStock: input.safetyStock, targetUnits, shortfall };
  if (shortfall === 0) return { ...common, quantity: 0, packs: 0, roundedUpBy: 'nothing' };

  const lot = Math.max(shortfall, Math.ceil((input.economicOrderQuantity ?? 0) - epsilon));
  const inPacks = roundUpToPack(lot, packSize);
  const quantity = Math.max(inPacks, roundUpToPack(input.minimumOrderQuantity, packSize));
  const roundedUpBy =
    quantity > inPacks
      ? 'minimum'
      : inPacks > roundUpToPack(shortfall, packSize)
        ? 'economic-lot'
        : quantity > shortfall
          ? 'packs'
          : 'nothing';
  return { ...common, quantity, packs: quantity / packSize, roundedUpBy };
}
