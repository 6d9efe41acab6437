import { salesRateWindowDays } from '../sales-rate.ts';

/**
 * How much to reorder and from whom, as pure arithmetic (reorder-suggestions.ts reads the numbers).
 *
 * An order placed today arrives after the supplier's lead time and should then last four more
 * weeks: the same window the rate of sale is measured over, so the estimate is not stretched
 * further than the history it comes from.
 */
export const reorderBufferDays = salesRateWindowDays;

export interface ReorderInputs {
  /** Units sold per day lately (0: nothing sells). */
  soldPerDay: number;
  /** May be negative: units sold past zero must be bought too. */
  available: number;
  /** Already on its way (sent purchase orders, transfers in transit). */
  incoming: number;
  leadTimeDays: number;
  /** The supplier sells whole packs of this many units. */
  packSize: number;
  /** The supplier's minimum for this variant on one order. */
  minimumOrderQuantity: number;
}

export interface ReorderQuantity {
  /** Lead time + the buffer: the days the stock should cover from today. */
  coverDays: number;
  /** Units those days take at the rate of sale, rounded up. */
  targetUnits: number;
  /** Target − available − incoming, never below 0. */
  shortfall: number;
  /** Units to order: 0 when nothing is short, else whole packs and at least the minimum. */
  quantity: number;
  packs: number;
  /** What took the quantity above the shortfall. */
  roundedUpBy: 'nothing' | 'packs' | 'minimum';
}

// A rate such as 0.1 a day times 30 days is 3.0000000000000004 in floating point, not 4 units.
const epsilon = 1e-9;

/**
 * Enough to cover (lead time + 4 weeks) at the rate of sale, less what is available and on its way,
 * rounded up to whole packs and raised to the supplier's minimum for the variant; 0 when nothing is
 * short (no sales, or stock and incoming cover it).
 */
export function reorderQuantity(input: ReorderInputs): ReorderQuantity {
  const coverDays = input.leadTimeDays + reorderBufferDays;
  const targetUnits = input.soldPerDay > 0 ? Math.ceil(input.soldPerDay * coverDays - epsilon) : 0;
  const shortfall = Math.max(0, targetUnits - input.available - input.incoming);
  const packSize = Math.max(1, input.packSize);
  if (shortfall === 0)
    return { coverDays, targetUnits, shortfall, quantity: 0, packs: 0, roundedUpBy: 'nothing' };
  const inPacks = roundUpToPack(shortfall, packSize);
  const quantity = Math.max(inPacks, roundUpToPack(input.minimumOrderQuantity, packSize));
  return {
    coverDays,
    targetUnits,
    shortfall,
    quantity,
    packs: quantity / packSize,
    roundedUpBy: quantity > inPacks ? 'minimum' : quantity > shortfall ? 'packs' : 'nothing',
  };
}

export function roundUpToPack(quantity: number, packSize: number): number {
  return Math.ceil(quantity / packSize) * packSize;
}

/** A supplier's terms for one variant, with the supplier's own. */
export interface SupplierOffer {
  supplierId: string;
  supplierName: string;
  currency: string;
  leadTimeDays: number;
  active: boolean;
  costAmount: number;
  packSize: number;
  minimumOrderQuantity: number;
  preferred: boolean;
}

/** Why this supplier: the variant's preferred one, the cheapest of several, or the only one. */
export type SupplierChoice = 'preferred' | 'cheapest' | 'only';

/**
 * The supplier to reorder from: the preferred one while it is active; else the cheapest active one.
 * Prices are compared within one currency only (there is no exchange rate to compare across), so
 * suppliers billing in the store's currency come first; then the quicker, then by name. Null when
 * no active supplier sells the variant.
 */
export function chooseSupplier<T extends SupplierOffer>(
  offers: readonly T[],
  baseCurrency: string,
): { offer: T; choice: SupplierChoice } | null {
  const active = offers.filter((o) => o.active);
  if (active.length === 0) return null;
  const preferred = active.find((o) => o.preferred);
  if (preferred) return { offer: preferred, choice: 'preferred' };
  if (active.length === 1) return { offer: active[0]!, choice: 'only' };
  const sorted = [...active].sort(
    (a, b) =>
      Number(a.currency !== baseCurrency) - Number(b.currency !== baseCurrency) ||
      a.currency.localeCompare(b.currency) ||
      a.costAmount - b.costAmount ||
      a.leadTimeDays - b.leadTimeDays ||
      a.supplierName.localeCompare(b.supplierName),
  );
  return { offer: sorted[0]!, choice: 'cheapest' };
}
