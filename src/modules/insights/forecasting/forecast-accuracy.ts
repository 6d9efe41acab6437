/**
 * How wrong forecasts were, in two measures a store can compare across variants:
 *
 * - MASE, mean absolute scaled error: the mean absolute error divided by the in-sample mean
 *   absolute error of the seasonal naive forecast ("same as the same weekday last week").
 *   Below 1: better than that rule of thumb was on the history; above 1: worse.
 * - WAPE, weighted absolute percentage error: Σ|error| ÷ Σ actual units. 0.25 means the forecast
 *   missed by a quarter of what sold. Unlike a mean of daily percentages it survives days with
 *   zero sales.
 */

/**
 * The MASE denominator: mean |yₜ − yₜ₋ₘ| over the history, with m = `period`. Falls back to the
 * naive (m = 1) error when the history is shorter than one period and a day, or when the seasonal
 * error is zero (a pattern repeating exactly). Null when even that is zero (a constant series):
 * no error can be scaled by it.
 */
export function maseScale(history: readonly number[], period: number): number | null {
  for (const lag of period > 1 ? [period, 1] : [1]) {
    if (history.length <= lag) continue;
    let total = 0;
    for (let t = lag; t < history.length; t++) total += Math.abs(history[t]! - history[t - lag]!);
    const scale = total / (history.length - lag);
    if (scale > 0) return scale;
  }
  return null;
}

/** Accumulates absolute errors and actuals over many forecasts, for MASE and WAPE together. */
export class ErrorTally {
  private absoluteErrors = 0;
  private actuals = 0;
  private count = 0;

  add(actual: number, forecast: number): void {
    this.absoluteErrors += Math.abs(actual - forecast);
    this.actuals += Math.abs(actual);
    this.count++;
  }

  get meanAbsoluteError(): number {
    return this.count > 0 ? this.absoluteErrors / this.count : 0;
  }

  /** Null without a scale (see maseScale) or without anything tallied. */
  mase(scale: number | null): number | null {
    return scale !== null && this.count > 0 ? this.meanAbsoluteError / scale : null;
  }

  /** Null when nothing sold over the tallied days: there is no volume to weigh the misses by. */
  wape(): number | null {
    return this.actuals > 0 ? this.absoluteErrors / this.actuals : null;
  }
}
