/**
 * The expected value of one day from the weeks before it, on a log scale: a robust trend plus a
 * weekly seasonal shape (the seasonal-median idea of STL and Seasonal-Hybrid-ESD, cut down to what a
 * daily store metric needs).
 *
 * For day T, with the last `windowDays` days before it cut into whole weeks ending at T − 1:
 * 1. slope b = Theil–Sen slope of the weekly medians (each week's median placed at its middle day);
 * 2. detrend to T: yₜ = xₜ − b·(t − T);
 * 3. seasonal sⱼ = median over weeks of (yₜ − that week's median of y), for each weekday j;
 * 4. level L = median of (yₜ − s_weekday(t)) over the last `levelDays` days;
 * 5. expected x̂_T = L + s_weekday(T).
 * Every step is a median, so a few odd days move nothing much; the caller also replaces days it has
 * flagged by their expected value before they come back here. On a series that is exactly
 * level + weekday shape + linear trend the result is exact (detrending first keeps the within-week
 * trend out of the weekday shape).
 */
import { medianInPlace } from './median-in-place.ts';
import { theilSenSlope } from './theil-sen-slope.ts';

export interface WeeklyBaselineOptions {
  /** How far back the shape and the trend look (days). */
  windowDays: number;
  /** How far back the level looks (days): short enough to follow a new level within a week or two. */
  levelDays: number;
}

export interface WeeklyBaseline {
  /** The expected value of day T on the series' (log) scale. */
  expected: number;
  /** Trend per day on that scale. */
  slope: number;
}

/** Days are grouped into weekdays by their index modulo 7; index 0 is any weekday. */
export const weekdaySlot = (day: number): number => day % 7;

// Scratch buffers, reused across calls (the detector calls this once per day per series).
let scratch = new Float64Array(512);
const weekTimes = new Float64Array(64);
const weekMedians = new Float64Array(64);
const weekCentres = new Float64Array(64);
const shapeValues = Array.from({ length: 7 }, () => new Float64Array(64));
const shapeCounts = new Int32Array(7);
const seasonal = new Float64Array(7);

/**
 * `values[t]` is NaN for a day without data or left out; `closedSlots[j]` marks weekdays the store is
 * closed (left out too). Returns null when fewer than two whole weeks, or no value for T's weekday.
 */
export function weeklyBaseline(
  values: ArrayLike<number>,
  day: number,
  closedSlots: readonly boolean[],
  options: WeeklyBaselineOptions,
): WeeklyBaseline | null {
  const weeks = Math.min(64, Math.floor(Math.min(day, options.windowDays) / 7));
  if (weeks < 2 || closedSlots[weekdaySlot(day)]) return null;
  if (scratch.length < options.levelDays + 7 * weeks)
    scratch = new Float64Array(options.levelDays + 7 * weeks);
  const usable = (t: number): boolean => !closedSlots[weekdaySlot(t)] && !Number.isNaN(values[t]!);

  // 1. Trend from weekly medians; a week needs 3 values to have a median worth the name.
  let validWeeks = 0;
  for (let week = 0; week < weeks; week++) {
    const end = day - 7 * week;
    let n = 0;
    for (let t = end - 7; t < end; t++) if (usable(t)) scratch[n++] = values[t]!;
    if (n >= 3) {
      weekTimes[validWeeks] = end - 4;
      weekMedians[validWeeks] = medianInPlace(scratch, n);
      validWeeks++;
    }
  }
  if (validWeeks < 2) return null;
  const slope = validWeeks >= 3 ? theilSenSlope(weekTimes, weekMedians, validWeeks) : 0;

  // 2–3. Weekday shape from the detrended values, each week against its own median.
  shapeCounts.fill(0);
  for (let week = 0; week < weeks; week++) {
    const end = day - 7 * week;
    let n = 0;
    for (let t = end - 7; t < end; t++) if (usable(t)) scratch[n++] = values[t]! - slope * (t - day);
    weekCentres[week] = n >= 3 ? medianInPlace(scratch, n) : Number.NaN;
    if (n < 3) continue;
    for (let t = end - 7; t < end; t++) {
      if (!usable(t)) continue;
      const slot = weekdaySlot(t);
      shapeValues[slot]![shapeCounts[slot]!++] = values[t]! - slope * (t - day) - weekCentres[week]!;
    }
  }
  for (let slot = 0; slot < 7; slot++) {
    seasonal[slot] =
      shapeCounts[slot]! > 0 ? medianInPlace(shapeValues[slot]!, shapeCounts[slot]!) : Number.NaN;
  }
  const todaysShape = seasonal[weekdaySlot(day)]!;
  if (Number.isNaN(todaysShape)) return null;

  // 4. Level from the most recent days, deseasonalised and detrended to T.
  const collectLevel = (from: number): number => {
    let n = 0;
    for (let t = Math.max(0, from); t < day; t++) {
      const shape = seasonal[weekdaySlot(t)]!;
      if (usable(t) && !Number.isNaN(shape)) scratch[n++] = values[t]! - slope * (t - day) - shape;
    }
    return n;
  };
  let levelCount = collectLevel(day - options.levelDays);
  // Too few recent values (a gap in the data): fall back on the whole window.
  if (levelCount < options.levelDays / 2) levelCount = collectLevel(day - 7 * weeks);
  if (levelCount === 0) return null;
  return { expected: medianInPlace(scratch, levelCount) + todaysShape, slope };
}
