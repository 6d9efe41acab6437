/**
 * A product that sold nothing while it had nothing to sell. The dry-spell rule (dry-spell.ts) judges
 * an empty run by chance alone, and an irregular seller — one a day, with an empty day in three —
 * needs a week or more of nothing before chance says anything. The inventory knows sooner: when
 * every variant opened the day with nothing on hand and sold nothing, the empty day has a cause, and
 * the evidence the day needs is only that the product would more likely than not have sold.
 *
 * So a product's empty day in a stock-out is flagged once its spell (the run of empty days it ends)
 * has a chance of at most `STOCK_OUT_SPELL_CHANCE` (one half) at the product's usual rhythm: a
 * product that sells most days is flagged on its first day out, one that sells every other day on
 * its second, one that sells now and then not for days (its empty days are ordinary, stock or no
 * stock). The judgement then carries the
 * cause, so the briefing and the screens can say "out of stock since …" instead of "find out why".
 */
import type { DayJudgement } from './detect-anomalies.ts';

/** The largest chance of the empty run, at the product's rhythm, that a stock-out flags. */
export const STOCK_OUT_SPELL_CHANCE = 0.5;

export interface StockOutCause {
  /** The first day of the current stock-out (every variant opened empty and sold nothing). */
  since: string;
}

/** The judgement of a product's day, flagged and given its cause when it is an empty stock-out day. */
export function withStockOutCause(
  judgement: DayJudgement,
  stockOut: StockOutCause | undefined,
): DayJudgement {
  const { drySpell } = judgement;
  if (!stockOut || judgement.status !== 'judged' || judgement.actual !== 0 || !drySpell) return judgement;
  if (!judgement.flagged && drySpell.chance > STOCK_OUT_SPELL_CHANCE) return judgement;
  // A sparse seller's median day is empty while it plainly sells: its typical level is what it lost.
  const expected = Math.max(judgement.expected ?? 0, drySpell.typical);
  if (expected <= 0) return judgement;
  return {
    ...judgement,
    expected,
    flagged: true,
    direction: 'down',
    relativeChange: -1,
    severity: 'high',
    // Flagged ⇔ outside the band still holds: anything sold would have been ordinary.
    lower: Math.max(judgement.lower ?? 0, Math.min(expected, 1)),
    stockOut,
  };
}
