import { salesRateWords } from './RunsOut.tsx';
import type { ReorderSuggestion } from './reorder-queries.ts';

/** "3 days", "1 day", "4 weeks": the lead time and buffer as people say them. */
export function daysWords(days: number): string {
  if (days > 0 && days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

/** "66 (11 packs of 6)", "1 pack of 6" when it is one, just "64" for single units. */
export function quantityWords(quantity: number, packSize: number | null): string {
  if (!packSize || packSize <= 1) return String(quantity);
  const packs = quantity / packSize;
  return `${quantity} (${packs === 1 ? '1 pack' : `${packs} packs`} of ${packSize})`;
}

/** "covers lead time 10 days + 4 weeks"; without a lead time, "covers 4 weeks". */
export function coverWords(s: Pick<ReorderSuggestion, 'calculation'>): string {
  const { leadTimeDays, bufferDays } = s.calculation;
  return leadTimeDays
    ? `covers lead time ${daysWords(leadTimeDays)} + ${daysWords(bufferDays)}`
    : `covers ${daysWords(bufferDays)}`;
}

/**
 * The arithmetic behind a suggestion, so it can be checked: "Selling 2 a day × 38 days = 76 units;
 * 12 available and 0 incoming leave 64 short, rounded up to 11 packs of 6."
 */
export function reorderWhy(s: ReorderSuggestion): string {
  const c = s.calculation;
  const rate = `Selling ${salesRateWords(c.soldPerDay)} × ${c.coverDays} days = ${c.targetUnits} units`;
  const stock = `${c.available} available and ${c.incoming} incoming`;
  if (s.reason === 'covered') return `${rate}; ${stock} cover that.`;
  const short = `${rate}; ${stock} leave ${c.shortfall} short`;
  if (c.roundedUpBy === 'minimum') {
    return `${short}, raised to the supplier’s minimum of ${c.minimumOrderQuantity}${
      c.packSize && c.packSize > 1 ? ` in packs of ${c.packSize}` : ''
    }.`;
  }
  if (c.roundedUpBy === 'packs') return `${short}, rounded up to ${c.packs} packs of ${c.packSize}.`;
  return `${short}.`;
}

/** Why this supplier, when there was a choice. */
export function supplierChoiceWords(s: Pick<ReorderSuggestion, 'supplierChoice'>): string | null {
  if (s.supplierChoice === 'preferred') return 'preferred supplier';
  if (s.supplierChoice === 'cheapest') return 'cheapest supplier';
  return null;
}
