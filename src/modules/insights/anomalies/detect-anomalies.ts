/**
 * Judges every day of one daily metric against what the weeks before it lead one to expect.
 *
 * Per day T, using only days before T (no look-ahead):
 * - expected: weekly baseline (weekly-baseline.ts) on the metric's log scale, plus the median of the
 *   recent one-day-ahead errors (so a baseline that lags a growing store is corrected);
 * - spread σ: a robust standard deviation of those one-day-ahead errors over the last `historyDays`
 *   days (robust-scale.ts), at least `scaleFloor`. Measuring it on errors made before each day was
 *   seen, rather than on the fit's own residuals, folds the baseline's own uncertainty into the band;
 * - band and flag: anomaly-band.ts (robust z beyond the threshold, a material change, beyond chance).
 * Flagged days are replaced by their expected value in the history later days see, so an incident
 * does not drag the baseline — unless `levelShiftDays` days in a row are flagged the same way: then
 * it is a new level, and the history gets the real values back so the baseline can follow.
 */
import { anomalyBand, type BandInput, chanceOf } from './anomaly-band.ts';
import { closedWeekdays } from './closed-weekdays.ts';
import { type DrySpell, DrySpellTracker, isFlaggedSpell, shareOfEmptyDays } from './dry-spell.ts';
import { medianInPlace } from './median-in-place.ts';
import {
  type DayReading,
  dateOfDay,
  type MetricSeries,
  readDay,
  seriesLength,
  startEpochMs,
  unscale,
} from './metric-series.ts';
import { robustScale } from './robust-scale.ts';
import type { StockOutCause } from './stock-out-cause.ts';
import { weekdaySlot, weeklyBaseline } from './weekly-baseline.ts';
import { zThreshold } from './z-threshold.ts';

export interface DetectionOptions {
  /**
   * |robust z| beyond which a day can be flagged (default 3.5), on the normal scale; the cut-off
   * actually used is the Student-t quantile with the same tail, since σ is estimated (z-threshold.ts).
   */
  threshold?: number;
  /** Smallest relative change that can be flagged (default 0.15 = 15%). */
  minRelativeChange?: number;
  /** Smallest change, in events (orders, sessions, refunds), that can be flagged (default 3). */
  minEvents?: number;
  /** Smallest change in the metric's own unit (amounts: minor units) that can be flagged (default 0). */
  minAbsoluteChange?: number;
  /** Tail probability below which a count is beyond chance (default 0.001). */
  tailAlpha?: number;
  /** Days of history the weekly shape, the trend and the spread use (default 84, twelve weeks). */
  historyDays?: number;
  /** Days of history the level uses (default 14). */
  levelDays?: number;
  /** Days of history the average gap between actual and expected (for the chance gate) uses (default 56). */
  recentDays?: number;
  /** Days of history before anything is flagged (default 28). */
  minHistoryDays?: number;
  /** One-day-ahead errors needed to measure the spread (default 14). */
  minErrors?: number;
  /** An average over fewer units than this (e.g. AOV from 12 orders) is not judged (default 20). */
  minUnitsForMean?: number;
  /** The smallest spread on the log scale (default 0.02): no store is more predictable than ±2%. */
  scaleFloor?: number;
  /** Flagged days in a row, same direction, after which the change is taken as a new level (default 7). */
  levelShiftDays?: number;
  /**
   * Flagged empty days in a row after which nothing is taken as the new normal (default 28): a
   * best seller out of stock for two weeks is still news, one discontinued a month ago is not.
   */
  dryLevelShiftDays?: number;
  /**
   * Squared coefficient of variation of single order values (default 1), for the chance gate on
   * amounts: an amount from N orders varies like N orders of value (1 + cv²) × the average order.
   */
  orderValueVariation?: number;
}

export const defaultDetectionOptions: Required<DetectionOptions> = {
  threshold: 3.5,
  minRelativeChange: 0.15,
  minEvents: 3,
  minAbsoluteChange: 0,
  tailAlpha: 0.001,
  historyDays: 84,
  levelDays: 14,
  recentDays: 56,
  minHistoryDays: 28,
  minErrors: 14,
  minUnitsForMean: 20,
  scaleFloor: 0.02,
  levelShiftDays: 7,
  dryLevelShiftDays: 28,
  orderValueVariation: 1,
};

export type JudgementStatus = 'judged' | 'short-history' | 'no-data' | 'closed' | 'too-few-units';
export type Direction = 'up' | 'down' | 'none';
export type Severity = 'none' | 'low' | 'medium' | 'high';

export interface DayJudgement {
  date: string;
  /** 'judged' unless the day could not be: too little history, no data, a closed weekday, too few units. */
  status: JudgementStatus;
  /** The day's value (count, minor units, rate or mean); null without data. */
  actual: number | null;
  /** What the weeks before led one to expect; null when there was not enough history. */
  expected: number | null;
  /**
   * The band: a judged day is flagged exactly when `actual` is below `lower` or above `upper`.
   * `upper` is Infinity when nothing could be flagged high that day (an amount from fewer than
   * `minEvents` orders).
   */
  lower: number | null;
  upper: number | null;
  /** Robust z on the log scale. */
  z: number | null;
  /** Probability of a count at least this far out in its direction (count-like metrics), see anomaly-band.ts. */
  tailProbability: number | null;
  /** actual / expected − 1. */
  relativeChange: number | null;
  flagged: boolean;
  direction: Direction;
  severity: Severity;
  /** Why a day was not judged, in words; null when it was. */
  note: string | null;
  /** proportion / mean: the expected denominator (sessions, orders), for explaining a change by mix. */
  expectedDenominator: number | null;
  /**
   * On a judged day with nothing (no orders, no sessions, no sales of a product): the run of empty
   * days it ends, judged as a whole (dry-spell.ts); a day can be flagged by its spell alone.
   */
  drySpell: DrySpell | null;
  /**
   * A product's empty day while it had nothing to sell: when its stock-out began. Set by the
   * store's morning run from the inventory (stock-out-cause.ts), never by the detector itself.
   */
  stockOut?: StockOutCause;
}

/** Severity from how far off the day is: halved or doubled is high; −25% / +33% medium. */
export function severityOf(actual: number, expected: number): Severity {
  if (expected <= 0 || actual <= 0) return 'high';
  const distance = Math.abs(Math.log(actual / expected));
  if (distance >= Math.log(2)) return 'high';
  if (distance >= Math.log(4 / 3)) return 'medium';
  return 'low';
}

export function resolveDetectionOptions(options: DetectionOptions = {}): Required<DetectionOptions> {
  const resolved = { ...defaultDetectionOptions };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as Record<string, number>)[key] = value;
  }
  return resolved;
}

/**
 * Recent average of (actual − expected) over ordinary days (not flagged, not closed), in the metric's
 * unit; for rates and means weighted by their denominators. Near 0 on a busy series; on a sparse one
 * it is the mean the median baseline misses.
 */
function meanGapOf(
  readings: readonly DayReading[],
  expectations: Float64Array,
  flagged: Uint8Array,
  day: number,
  days: number,
): number | null {
  let total = 0;
  let weight = 0;
  for (let t = Math.max(0, day - days); t < day; t++) {
    const reading = readings[t]!;
    const expected = expectations[t]!;
    if (flagged[t] || reading.actual === null || Number.isNaN(expected)) continue;
    const w = reading.denominator ?? 1;
    total += (reading.actual - expected) * w;
    weight += w;
  }
  return weight > 0 ? total / weight : null;
}

/** Amount per unit (order, refund) over the history window, for amounts that come with units. */
function unitValueOf(series: MetricSeries, day: number, historyDays: number): number | null {
  if (series.kind !== 'amount' || !series.units) return null;
  let total = 0;
  let units = 0;
  for (let t = Math.max(0, day - historyDays); t < day; t++) {
    const value = series.values[t];
    const count = series.units[t];
    if (typeof value === 'number' && typeof count === 'number' && count > 0 && value >= 0) {
      total += value;
      units += count;
    }
  }
  return units > 0 ? total / units : null;
}

export function detectAnomalies(series: MetricSeries, options: DetectionOptions = {}): DayJudgement[] {
  const settings = resolveDetectionOptions(options);
  const startMs = startEpochMs(series.start); // also validates the start date
  const days = seriesLength(series);
  const { kind } = series;
  const baselineOptions = { windowDays: settings.historyDays, levelDays: settings.levelDays };

  const readings = Array.from({ length: days }, (_, day) => readDay(series, day));
  const activity = Float64Array.from(readings, (reading) => reading.events ?? reading.actual ?? Number.NaN);
  // What later days see of the past: flagged days replaced by their expected value.
  const history = Float64Array.from(readings, (reading) => reading.scaled);
  // One-day-ahead errors (weighted by √units for a mean), NaN where there was no baseline.
  const errors = new Float64Array(days).fill(Number.NaN);
  const flagged = new Uint8Array(days);
  // Each judged day's expected value on the log scale, NaN where none.
  const centres = new Float64Array(days).fill(Number.NaN);
  // Expected values in the metric's unit, NaN where none (closed days are left out).
  const expectations = new Float64Array(days).fill(Number.NaN);
  const ratio = kind === 'proportion' || kind === 'mean';
  const denominators = Float64Array.from(readings, (reading) =>
    reading.denominator === null ? Number.NaN : Math.log1p(reading.denominator),
  );
  const denominatorActivity = Float64Array.from(readings, (reading) => reading.denominator ?? Number.NaN);
  const pool = new Float64Array(settings.historyDays);
  let run: number[] = [];
  let runDirection: Direction = 'none';
  let runIsDry = false;
  const dry = new DrySpellTracker();

  const judgements: DayJudgement[] = [];
  for (let day = 0; day < days; day++) {
    const reading = readings[day]!;
    const closed = closedWeekdays(activity, day, settings.minEvents);
    let expectedDenominator: number | null = null;
    if (ratio) {
      const denominatorClosed = closedWeekdays(denominatorActivity, day, settings.minEvents);
      const denominatorBase = weeklyBaseline(denominators, day, denominatorClosed, baselineOptions);
      if (denominatorClosed[weekdaySlot(day)]) expectedDenominator = 0;
      else if (denominatorBase) expectedDenominator = Math.max(0, Math.expm1(denominatorBase.expected));
    }
    const unjudged: DayJudgement = {
      date: dateOfDay(startMs, day),
      status: 'short-history',
      actual: reading.actual,
      expected: null,
      lower: null,
      upper: null,
      z: null,
      tailProbability: null,
      relativeChange: null,
      flagged: false,
      direction: 'none',
      severity: 'none',
      note: null,
      expectedDenominator,
      drySpell: null,
    };

    // A closed weekday neither breaks nor extends a dry spell; every other day not judged ends it.
    if (closed[weekdaySlot(day)]) {
      history[day] = Number.NaN;
      judgements.push({
        ...unjudged,
        expected: 0,
        status: 'closed',
        note: 'Usually none on this weekday (closed): not judged.',
      });
      continue;
    }
    const baseline = weeklyBaseline(history, day, closed, baselineOptions);
    const weight = kind === 'mean' && reading.denominator ? Math.sqrt(reading.denominator) : 1;
    if (baseline && !Number.isNaN(reading.scaled))
      errors[day] = (reading.scaled - baseline.expected) * weight;

    let pooled = 0;
    for (let t = Math.max(0, day - settings.historyDays); t < day; t++) {
      if (!Number.isNaN(errors[t]!)) pool[pooled++] = errors[t]!;
    }
    const ready = baseline !== null && day >= settings.minHistoryDays && pooled >= settings.minErrors;
    const bias = ready ? medianInPlace(pool, pooled) : 0;
    const centre = baseline ? baseline.expected + bias / weight : Number.NaN;
    const expected = baseline ? unscale(kind, centre, reading.denominator) : null;
    if (expected !== null) expectations[day] = expected;

    if (Number.isNaN(reading.scaled)) {
      dry.reset();
      judgements.push({ ...unjudged, expected, status: 'no-data', note: 'No data for this day.' });
      continue;
    }
    if (!ready || expected === null) {
      dry.reset();
      judgements.push({
        ...unjudged,
        expected,
        note: `Not judged yet: ${day} days of history, and judging starts after ${settings.minHistoryDays} (two weeks to learn the weekly shape, two more to learn how far off the expectation usually is).`,
      });
      continue;
    }

    centres[day] = centre;
    const sigma = Math.max(settings.scaleFloor, robustScale(pool, bias, pooled) / weight);
    const actual = reading.actual!;
    const relativeChange = expected > 0 ? actual / expected - 1 : null;
    const direction: Direction = actual > expected ? 'up' : actual < expected ? 'down' : 'none';
    const z = (reading.scaled - centre) / sigma;

    if (kind === 'mean' && (reading.denominator ?? 0) < settings.minUnitsForMean) {
      dry.reset();
      judgements.push({
        ...unjudged,
        expected,
        z,
        relativeChange,
        direction,
        status: 'too-few-units',
        note: `Only ${reading.denominator} behind this average (fewer than ${settings.minUnitsForMean}): not judged.`,
      });
      continue;
    }

    const bandInput: BandInput = {
      kind,
      centre,
      sigma,
      expected,
      meanGap: meanGapOf(readings, expectations, flagged, day, settings.recentDays),
      denominator: reading.denominator,
      unitValue: unitValueOf(series, day, settings.historyDays),
      units: kind === 'amount' ? reading.events : null,
      threshold: zThreshold(settings.threshold, pooled),
      minRelativeChange: settings.minRelativeChange,
      minEvents: settings.minEvents,
      minAbsoluteChange: settings.minAbsoluteChange,
      tailAlpha: settings.tailAlpha,
      orderValueVariation: settings.orderValueVariation,
    };
    const band = anomalyBand(bandInput);
    // A spell is judged against the day's typical level: the expected value moved by the recent
    // average gap. On a sparse series (a product selling about one a day) the median baseline is 0
    // while the product plainly sells; its mean is what a run of empty days is measured against.
    const typical = Math.max(0, expected + (bandInput.meanGap ?? 0));
    let drySpell: DrySpell | null = null;
    if (actual === 0 && typical > 0) {
      drySpell = dry.extend(day, unjudged.date, bandInput, typical, () =>
        shareOfEmptyDays(readings, history, flagged, day, settings.historyDays),
      );
    } else dry.reset();
    const dryFlag = isFlaggedSpell(drySpell, settings.tailAlpha, settings.minEvents);
    let shown = { expected, direction, relativeChange };
    if (dryFlag) {
      // The spell is measured against the typical level, so that is what the day is shown against,
      // and the band's floor sits just above nothing: one event would have ended the spell, so it is
      // ordinary, and flagged ⇔ outside the band still holds.
      const level = Math.max(expected, typical);
      shown = { expected: level, direction: 'down', relativeChange: -1 };
      const oneEvent = kind === 'proportion' ? 1 / reading.denominator! : 1;
      band.lower = Math.max(band.lower, Math.min(oneEvent, level));
      band.upper = Math.max(band.upper, level);
    }
    const isFlagged = actual < band.lower || actual > band.upper;
    judgements.push({
      ...unjudged,
      status: 'judged',
      expected: shown.expected,
      lower: band.lower,
      upper: band.upper,
      z,
      tailProbability: chanceOf(bandInput, actual),
      relativeChange: shown.relativeChange,
      flagged: isFlagged,
      direction: shown.direction,
      severity: isFlagged ? severityOf(actual, shown.expected) : 'none',
      drySpell,
    });

    if (!isFlagged) {
      run = [];
      runDirection = 'none';
      continue;
    }
    flagged[day] = 1;
    if (dryFlag) {
      // The spell's earlier empty days were the incident too, though not yet beyond chance when they
      // were judged: the whole spell is the run, and none of it is what later days learn from.
      run = [...dry.spellDays];
      runDirection = direction;
      runIsDry = true;
    } else {
      if (direction !== runDirection || runIsDry) {
        run = [];
        runDirection = direction;
        runIsDry = false;
      }
      run.push(day);
    }
    if (run.length < (runIsDry ? settings.dryLevelShiftDays : settings.levelShiftDays)) {
      for (const t of runIsDry ? run : [day]) {
        history[t] = centres[t]!;
        flagged[t] = 1;
        // A spell's errors are not the series' usual noise: left in, a month of them would move the
        // median error (the bias) and with it every expectation the spell's days are replaced by.
        if (runIsDry) errors[t] = Number.NaN;
      }
    } else {
      // A week of the same change is the new normal: give the baseline the real values back.
      for (const t of run) history[t] = readings[t]!.scaled;
      if (runIsDry) {
        // Four weeks of nothing are the new normal too, and ordinary days from now on: the average
        // gap and the share of empty days count them, so the typical level falls to nothing.
        for (const t of run) flagged[t] = 0;
        dry.reset();
        run = [];
        runDirection = 'none';
        runIsDry = false;
      }
    }
  }
  return judgements;
}
