import { serviceLevelZ } from './safety-stock.ts';

/**
 * The economic order quantity (EOQ): the order size at which the yearly cost of placing orders
 * (K per order, λ/Q orders a year) equals the yearly cost of holding the average stock (h per unit
 * per year on Q/2 units), which is where their sum is lowest: Q = √(2Kλ/h).
 *
 * Costs are rates, not stored amounts: only the ratio K/h matters, so both may be in minor units
 * of the same currency, or both in major units.
 */
export function economicOrderQuantity(input: {
  /** Units a year. */
  annualDemand: number;
  /** Cost of placing one order (same currency unit as the holding cost). */
  orderCost: number;
  /** Cost of holding one unit for a year. */
  holdingCostPerUnitYear: number;
}): number {
  const { annualDemand, orderCost, holdingCostPerUnitYear } = input;
  if (!(holdingCostPerUnitYear > 0)) throw new RangeError('the holding cost must be positive');
  if (!(annualDemand >= 0) || !(orderCost >= 0))
    throw new RangeError('demand and order cost must not be negative');
  return Math.sqrt((2 * orderCost * annualDemand) / holdingCostPerUnitYear);
}

/**
 * The EOQ + safety stock approximation of the (r, Q) policy with a cost per unit short (p): order
 * Q = EOQ whenever stock on hand and on order falls to r = λL + z·σ√L, where z = Φ⁻¹(p / (p + h))
 * weighs a unit short against a unit held. Demand, its spread and the lead time in one time unit
 * (years, when the costs are yearly).
 */
export function eoqWithSafetyStock(input: {
  holdingCostPerUnit: number;
  stockoutCostPerUnit: number;
  orderCost: number;
  /** Mean demand per time unit. */
  demandRate: number;
  /** Standard deviation of demand per time unit. */
  demandSd: number;
  leadTime: number;
}): { orderQuantity: number; reorderPoint: number } {
  const { holdingCostPerUnit: h, stockoutCostPerUnit: p, demandRate, demandSd, leadTime } = input;
  const orderQuantity = economicOrderQuantity({
    annualDemand: demandRate,
    orderCost: input.orderCost,
    holdingCostPerUnitYear: h,
  });
  const z = serviceLevelZ(p / (p + h));
  return { orderQuantity, reorderPoint: demandRate * leadTime + z * demandSd * Math.sqrt(leadTime) };
}
