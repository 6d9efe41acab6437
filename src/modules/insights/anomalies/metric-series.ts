/**
 * What a daily metric series is, and how each kind of metric is put on the scale its baseline works on.
 *
 * Four kinds, because they are judged differently:
 * - count: orders, sessions, refunds — whole numbers; log1p scale; low counts tested against Poisson;
 * - amount: revenue, refunded amount — integer minor units of one currency; log1p scale; with the
 *   count of orders behind it (`units`), low volume is tested like a count of orders;
 * - proportion: conversion rate = orders ÷ sessions; judged with its denominator (a rate from 40
 *   sessions says little);
 * - mean: average order value = revenue ÷ orders; its noise shrinks with √orders, so residuals are
 *   weighted by √orders.
 * `null` is a day without data (the rollup is missing), not a zero.
 */

export type MetricKind = 'count' | 'amount' | 'proportion' | 'mean';

interface SeriesStart {
  /** The first day, ISO date (YYYY-MM-DD); values are consecutive days from it, oldest first. */
  start: string;
}

export interface CountSeries extends SeriesStart {
  kind: 'count';
  values: readonly (number | null)[];
}

export interface AmountSeries extends SeriesStart {
  kind: 'amount';
  /** Integer minor units of one currency. */
  values: readonly (number | null)[];
  /** The number of orders (or refunds) that made each day's amount, when known. */
  units?: readonly (number | null)[];
}

export interface ProportionSeries extends SeriesStart {
  kind: 'proportion';
  /** Successes, e.g. orders (or sessions with an order). */
  numerators: readonly (number | null)[];
  /** Trials, e.g. sessions. */
  denominators: readonly (number | null)[];
}

export interface MeanSeries extends SeriesStart {
  kind: 'mean';
  /** The total, e.g. revenue in minor units. */
  numerators: readonly (number | null)[];
  /** How many it is spread over, e.g. orders. */
  denominators: readonly (number | null)[];
}

export type MetricSeries = CountSeries | AmountSeries | ProportionSeries | MeanSeries;

export function seriesLength(series: MetricSeries): number {
  return series.kind === 'count' || series.kind === 'amount'
    ? series.values.length
    : series.numerators.length;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day `index` after a start given in epoch milliseconds, as an ISO date (UTC calendar arithmetic). */
export function dateOfDay(startMs: number, index: number): string {
  return new Date(startMs + index * 86_400_000).toISOString().slice(0, 10);
}

export function startEpochMs(start: string): number {
  const match = isoDate.exec(start);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== start) {
    throw new RangeError(`series start must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(start)}`);
  }
  return ms;
}

const usableNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** One day of a series, read once: the shown value, its log-scale value and its event count. */
export interface DayReading {
  /** The value an owner sees: a count, an amount, a rate or a mean; null without data. */
  actual: number | null;
  /** On the baseline's scale; NaN without data. */
  scaled: number;
  /** How many events (orders, sessions, refunds) stand behind the value, when known. */
  events: number | null;
  /** proportion / mean: the day's denominator. */
  denominator: number | null;
}

const noReading: DayReading = { actual: null, scaled: Number.NaN, events: null, denominator: null };

export function readDay(series: MetricSeries, day: number): DayReading {
  switch (series.kind) {
    case 'count': {
      const value = series.values[day];
      return usableNumber(value)
        ? { actual: value, scaled: Math.log1p(value), events: value, denominator: null }
        : noReading;
    }
    case 'amount': {
      const value = series.values[day];
      const units = series.units?.[day];
      if (!usableNumber(value)) return noReading;
      return {
        actual: value,
        scaled: Math.log1p(value),
        events: usableNumber(units) ? units : null,
        denominator: null,
      };
    }
    case 'proportion': {
      const successes = series.numerators[day];
      const trials = series.denominators[day];
      if (!usableNumber(successes) || !usableNumber(trials) || trials === 0) {
        return {
          ...noReading,
          events: usableNumber(successes) ? successes : null,
          denominator: usableNumber(trials) ? trials : null,
        };
      }
      // Half a success and one trial added keep the logarithm finite on a day with no orders.
      return {
        actual: successes / trials,
        scaled: Math.log((successes + 0.5) / (trials + 1)),
        events: successes,
        denominator: trials,
      };
    }
    case 'mean': {
      const total = series.numerators[day];
      const count = series.denominators[day];
      if (!usableNumber(total) || !usableNumber(count) || count === 0) {
        return {
          ...noReading,
          events: usableNumber(count) ? count : null,
          denominator: usableNumber(count) ? count : null,
        };
      }
      return { actual: total / count, scaled: Math.log1p(total / count), events: count, denominator: count };
    }
  }
}

/** From the baseline's scale back to the value an owner sees (a proportion needs the day's trials). */
export function unscale(kind: MetricKind, scaled: number, denominator: number | null): number {
  if (kind === 'proportion') {
    const trials = denominator ?? 0;
    if (trials <= 0) return Math.exp(scaled);
    return Math.max(0, (Math.exp(scaled) * (trials + 1) - 0.5) / trials);
  }
  return Math.max(0, Math.expm1(scaled));
}
