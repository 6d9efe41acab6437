import { DateTime } from 'luxon';
import type { BudgetPeriod } from '../schema.ts';

export const pacingStatuses = ['not_started', 'on_pace', 'overspending', 'underspending', 'ended'] as const;
export type PacingStatus = (typeof pacingStatuses)[number];

/** Within ±10% of the pro-rated budget a campaign is on pace: daily spend is never perfectly even. */
export const pacingTolerance = 0.1;

export interface PacingWindow {
  /** The days the budget covers: the whole campaign, or this calendar month of it. */
  from: string;
  to: string;
  /** The budget for those days, in minor units. */
  budget: number;
}

/**
 * The budget window a day falls in. A total budget covers the campaign. A monthly budget is each
 * calendar month's; in a month the campaign only partly runs it is pro-rated to the campaign's days
 * in that month (a campaign from the 16th of a 30-day month has half of it).
 */
export function pacingWindow(
  campaign: { startsOn: string; endsOn: string; budget: number; budgetPeriod: BudgetPeriod },
  asOf: string,
): PacingWindow {
  if (campaign.budgetPeriod === 'total') {
    return { from: campaign.startsOn, to: campaign.endsOn, budget: campaign.budget };
  }
  const day = clamp(asOf, campaign.startsOn, campaign.endsOn);
  const month = DateTime.fromISO(day, { zone: 'utc' });
  const monthStart = month.startOf('month').toISODate()!;
  const monthEnd = month.endOf('month').toISODate()!;
  const from = latestDay(monthStart, campaign.startsOn);
  const to = earliestDay(monthEnd, campaign.endsOn);
  const budget = mulDivRound(campaign.budget, daysBetween(from, to), month.daysInMonth!);
  return { from, to, budget };
}

export interface Pacing extends PacingWindow {
  asOf: string;
  /** Days of the window up to and including `asOf`, and in all. */
  elapsedDays: number;
  totalDays: number;
  spendToDate: number;
  /** The budget pro-rated to the elapsed days: what even spending would have spent by now. */
  expectedToDate: number;
  /** Spend at the end of the window if the rest of it spends at the rate so far. */
  projectedSpend: number;
  status: PacingStatus;
}

/**
 * Budget pacing (docs/metrics.md): spend to date against the budget pro-rated to date, and the
 * spend the window will end with at the current daily rate. Overspending projects beyond the
 * budget by more than the tolerance, underspending falls short by more than it. Amounts are minor
 * units, rounded half up once.
 */
export function budgetPacing(window: PacingWindow, asOf: string, spendToDate: number): Pacing {
  const totalDays = daysBetween(window.from, window.to);
  const elapsedDays = asOf < window.from ? 0 : daysBetween(window.from, asOf < window.to ? asOf : window.to);
  const expectedToDate = mulDivRound(window.budget, elapsedDays, totalDays);
  const projectedSpend = elapsedDays === 0 ? spendToDate : mulDivRound(spendToDate, totalDays, elapsedDays);
  let status: PacingStatus;
  if (elapsedDays === 0) status = 'not_started';
  else if (projectedSpend > window.budget * (1 + pacingTolerance)) status = 'overspending';
  else if (asOf > window.to) status = 'ended';
  else if (projectedSpend < window.budget * (1 - pacingTolerance)) status = 'underspending';
  else status = 'on_pace';
  return { ...window, asOf, elapsedDays, totalDays, spendToDate, expectedToDate, projectedSpend, status };
}

/** Days from `from` to `to`, both included. */
function daysBetween(from: string, to: string): number {
  const diff = DateTime.fromISO(to, { zone: 'utc' }).diff(
    DateTime.fromISO(from, { zone: 'utc' }),
    'days',
  ).days;
  return Math.round(diff) + 1;
}

/** ISO dates sort as text (Math.min would turn them into NaN). */
export function earliestDay(...days: string[]): string {
  return [...days].sort()[0]!;
}

export function latestDay(...days: string[]): string {
  return [...days].sort().at(-1)!;
}

function clamp(day: string, from: string, to: string): string {
  return day < from ? from : day > to ? to : day;
}

/** a × b ÷ c rounded half up, in BigInt so a large budget times many days stays exact. */
function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  const product = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return Number((2n * product + divisor) / (2n * divisor));
}
