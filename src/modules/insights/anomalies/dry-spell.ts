/**
 * Dry spells: days in a row on which a series that usually has something had nothing — a best seller
 * out of stock, a campaign paused, a payment method broken for a small country.
 *
 * A product that sells three a day has a day without a sale one day in twenty (Poisson: e⁻³), so a
 * single empty day is ordinary and the day-by-day gates rightly let it pass. Three empty days in a row
 * are not: 0.05³ ≈ 1.2 × 10⁻⁴. This rule judges the run instead of the day: the chance of the whole
 * spell is the product of each day's chance of nothing, and the spell is flagged once that falls
 * below the same tail probability the chance gate uses and the spell has missed at least `minEvents`
 * events in all.
 *
 * Each day's chance of nothing is the larger of two: the chance gate's own count law (negative
 * binomial with the series' extra variance, at the day's typical level: the expected value moved by
 * the recent average gap, since a sparse series' median is 0 while its mean is not; see
 * anomaly-band.ts), and the share of empty days the
 * series actually had in the weeks before the spell, smoothed as (empty + 1) / (days + 2). The second
 * keeps the rule honest where the law is wrong: a series with an empty day a week is not surprised by
 * two in a row, and a series that never had one still needs at least two empty days (1/86 per day
 * over twelve weeks) before it can be flagged.
 */
import { type BandInput, chanceLaws } from './anomaly-band.ts';
import { countLowerTail } from './count-tail.ts';
import type { DayReading } from './metric-series.ts';

export interface DrySpell {
  /** The spell's first day (ISO date). */
  from: string;
  /** Empty days in a row, the judged day included (closed weekdays do not break or extend it). */
  days: number;
  /** The chance of the whole spell: the product of each day's chance of nothing. */
  chance: number;
  /** Events (orders, sessions, refunds) the spell's days were expected to have, in all. */
  expectedEvents: number;
  /** The judged day's typical level in the metric's unit: what its chance of nothing was measured at. */
  typical: number;
}

/**
 * How a value maps onto a count of events for the chance of nothing. Unlike the chance gate's scale
 * for amounts (units of v(1 + cv²), for a sum's variance), an amount of exactly nothing means no
 * orders at all, so it counts orders: value ÷ average order value.
 */
function eventsPerValue(input: BandInput): number | null {
  if (input.kind === 'count') return 1;
  if (input.kind === 'proportion')
    return input.denominator && input.denominator > 0 ? input.denominator : null;
  if (input.kind === 'amount' && input.unitValue && input.unitValue > 0) return 1 / input.unitValue;
  return null;
}

/**
 * Share of empty days among the ordinary days (with data, not closed, not flagged) of the `days`
 * days before `before`, smoothed: (empty + 1) / (ordinary + 2).
 */
export function shareOfEmptyDays(
  readings: readonly DayReading[],
  history: Float64Array,
  flagged: Uint8Array,
  before: number,
  days: number,
): number {
  let empty = 0;
  let ordinary = 0;
  for (let t = Math.max(0, before - days); t < before; t++) {
    const actual = readings[t]!.actual;
    // Closed weekdays and days without data are NaN in the history the baseline sees.
    if (actual === null || flagged[t] || Number.isNaN(history[t]!)) continue;
    ordinary++;
    if (actual === 0) empty++;
  }
  return (empty + 1) / (ordinary + 2);
}

/** Follows the current spell from day to day of one series. */
export class DrySpellTracker {
  private spell: DrySpell | null = null;
  private usualShare = 1;
  private members: number[] = [];

  /** The days (indices) of the current spell, oldest first. */
  get spellDays(): readonly number[] {
    return this.members;
  }

  /** Ends the spell: the day had something, or could not be judged. */
  reset(): void {
    this.spell = null;
    this.members = [];
  }

  /**
   * Adds a judged empty day and returns the spell so far; null when the series has no count of
   * events behind it (a mean). `typical` is the day's usual level in the metric's unit (the expected
   * value moved by the recent average gap: a sparse series' median is 0, its mean is not).
   * `usualShare` is asked for only on the spell's first day, so the spell's own days never count as
   * the usual.
   */
  extend(
    day: number,
    date: string,
    input: BandInput,
    typical: number,
    usualShare: () => number,
  ): DrySpell | null {
    const perValue = eventsPerValue(input);
    if (perValue === null) {
      this.reset();
      return null;
    }
    this.members.push(day);
    if (!this.spell) {
      this.usualShare = usualShare();
      this.spell = { from: date, days: 0, chance: 1, expectedEvents: 0, typical };
    }
    // An amount's spread on the log scale is the spread of order values and of empty days together
    // (log 1 against log 3,000 minor units): no measure of how its orders cluster. Its orders are
    // taken as Poisson, and the share of empty days below is what guards against clustering.
    const overdispersion = input.kind === 'amount' ? 0 : chanceLaws(input, perValue).low.overdispersion;
    const law = { mean: typical * perValue, overdispersion };
    const chanceOfNothing = Math.max(countLowerTail(0, law), this.usualShare);
    this.spell = {
      from: this.spell.from,
      days: this.spell.days + 1,
      chance: this.spell.chance * chanceOfNothing,
      expectedEvents: this.spell.expectedEvents + law.mean,
      typical,
    };
    return this.spell;
  }
}

/** Whether a spell is beyond chance and large enough to flag. */
export function isFlaggedSpell(spell: DrySpell | null, tailAlpha: number, minEvents: number): boolean {
  return spell !== null && spell.chance < tailAlpha && spell.expectedEvents >= minEvents;
}
