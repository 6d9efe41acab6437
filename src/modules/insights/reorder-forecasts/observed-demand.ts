/**
 * The days of a variant's sales history that say something about demand (docs/forecasting.md,
 * "Where the history comes from"). Two kinds of day are left out of the series a forecast is
 * fitted on:
 *
 * - Days before its first sale in the window: a variant not yet listed (or just received) had no
 *   demand to observe, and a run of leading zeros would make a steady seller look intermittent.
 * - Stock-out days: a day that opened with nothing on hand and sold nothing. Nobody could buy, so
 *   the zero is censored demand, not zero demand; counting it would forecast low exactly after a
 *   stock-out, when the reorder matters most. The days are dropped and the rest joined up, which
 *   keeps the weekly rhythm only approximately when a gap is not whole weeks.
 *
 * A day that opened empty but still sold (stock received during the day) is kept: it under-reads a
 * little, which is better than losing what it did show.
 */

export interface SalesDay {
  units: number;
  openingOnHand: number;
}

export interface ObservedDemand {
  /** Units per day of the days kept, in order: what the forecast is fitted on. */
  series: number[];
  /** Days left out because the variant was out of stock. */
  censoredDays: number;
  /** Index of the first day kept (the first sale); null when nothing sold. */
  firstSaleIndex: number | null;
}

export function observedDemand(days: readonly SalesDay[]): ObservedDemand {
  const firstSaleIndex = days.findIndex((d) => d.units > 0);
  if (firstSaleIndex < 0) return { series: [], censoredDays: 0, firstSaleIndex: null };
  const series: number[] = [];
  let censoredDays = 0;
  for (let i = firstSaleIndex; i < days.length; i++) {
    const day = days[i]!;
    if (day.units <= 0 && day.openingOnHand <= 0) {
      censoredDays++;
      continue;
    }
    series.push(day.units);
  }
  return { series, censoredDays, firstSaleIndex };
}

/** Whether a day's zero is a stock-out (for charts: shown as a gap, not as no demand). */
export function isStockOutDay(day: SalesDay): boolean {
  return day.units <= 0 && day.openingOnHand <= 0;
}
