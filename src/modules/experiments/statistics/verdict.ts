/**
 * The one sentence a shop manager reads about a metric of an experiment: is there a winner, and
 * can the numbers be trusted? Order of concern: a broken split first (nothing else is valid), then
 * a winner, then control winning (every variant worse), then how far there is still to go.
 */
import type { BayesianResult } from './bayesian-test.ts';
import type { FrequentistResult } from './frequentist-test.ts';
import type { SampleRatioCheck } from './sample-ratio-mismatch.ts';
import type { SequentialResult } from './sequential-interval.ts';

export type Decision = 'better' | 'worse' | 'undecided';

export interface VariantEvidence {
  name: string;
  /** The variant's key, when the caller has one (the verdict then names the winner by it too). */
  key?: string;
  /** Relative lift over control (0.041 = +4.1%). */
  lift: number;
  interval: [number, number];
  /** 0.95 for a 95% interval. */
  intervalLevel: number;
  chanceToBeatControl?: number;
  /** The p-value the decision used (Holm-adjusted when there are several variants). */
  pValue?: number;
  decision: Decision;
  testable: boolean;
}

/** Chance to beat control needed to call a Bayesian winner (GrowthBook's default 95%). */
export const defaultChanceThreshold = 0.95;

export function evidenceFromBayesian(
  name: string,
  result: BayesianResult,
  alpha = 0.05,
  threshold = defaultChanceThreshold,
): VariantEvidence {
  const chance = result.chanceToBeatControl;
  return {
    name,
    lift: result.estimate,
    interval: result.interval,
    intervalLevel: 1 - alpha,
    chanceToBeatControl: chance,
    decision: !result.testable
      ? 'undecided'
      : chance >= threshold
        ? 'better'
        : chance <= 1 - threshold
          ? 'worse'
          : 'undecided',
    testable: result.testable,
  };
}

/** `pValue` defaults to the test's own; pass the Holm-adjusted one when there are several variants. */
export function evidenceFromFrequentist(
  name: string,
  result: FrequentistResult,
  pValue: number = result.pValue,
  inverse = false,
): VariantEvidence {
  const goodDirection = inverse ? result.estimate < 0 : result.estimate > 0;
  return {
    name,
    lift: result.estimate,
    interval: result.interval,
    intervalLevel: 1 - result.alpha,
    pValue,
    decision: result.testable && pValue < result.alpha ? (goodDirection ? 'better' : 'worse') : 'undecided',
    testable: result.testable,
  };
}

export function evidenceFromSequential(
  name: string,
  result: SequentialResult,
  alpha = 0.05,
  inverse = false,
): VariantEvidence {
  const goodDirection = inverse ? result.estimate < 0 : result.estimate > 0;
  return {
    name,
    lift: result.estimate,
    interval: result.interval,
    intervalLevel: 1 - alpha,
    decision: result.significant ? (goodDirection ? 'better' : 'worse') : 'undecided',
    testable: result.testable,
  };
}

export interface VerdictInput {
  /** What is measured, in words: "conversion rate", "revenue per visitor". */
  metric: string;
  sampleRatio: SampleRatioCheck;
  variants: VariantEvidence[];
  /** Visitors per variant still needed to detect `targetChange`; 0 when reached. */
  visitorsStillNeeded: number;
  /** The relative change the experiment is sized for (0.05 = 5%). */
  targetChange: number;
  /**
   * The decision came from a fixed-horizon test (frequentist without sequential intervals), which
   * is only valid when read once, at its planned sample: before that, a lead is reported as a
   * peeking warning, not a winner.
   */
  fixedHorizon?: boolean;
}

export type VerdictKind =
  | 'sample_ratio_mismatch'
  | 'winner'
  | 'early_lead'
  | 'control_winning'
  | 'no_winner_yet'
  | 'no_difference'
  | 'no_data';

export interface Verdict {
  kind: VerdictKind;
  /** The winning (or leading) variant's name and, when the evidence had one, key. */
  variantName?: string;
  variantKey?: string;
  sentence: string;
}

function signedPercent(x: number): string {
  const value = (x * 100).toFixed(1);
  return x >= 0 ? `+${value}%` : `${value.replace('-', '−')}%`;
}

function chancePercent(x: number): string {
  if (x > 0.99) return 'over 99%';
  if (x < 0.01) return 'under 1%';
  return `${Math.round(x * 100)}%`;
}

function pValueText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function effectText(evidence: VariantEvidence, metric: string): string {
  const level = Math.round(evidence.intervalLevel * 100);
  const [low, high] = evidence.interval;
  return `${signedPercent(evidence.lift)} (${level}% CI ${signedPercent(low)} to ${signedPercent(high)}) ${metric}`;
}

function strengthText(evidence: VariantEvidence, against: 'control' | 'variant'): string {
  if (evidence.chanceToBeatControl !== undefined) {
    const chance = against === 'control' ? evidence.chanceToBeatControl : 1 - evidence.chanceToBeatControl;
    return against === 'control'
      ? `${chancePercent(chance)} chance to beat control`
      : `${chancePercent(chance)} chance control is better`;
  }
  if (evidence.pValue !== undefined) return pValueText(evidence.pValue);
  return 'a difference that holds however often the results are checked';
}

function visitorsText(n: number): string {
  if (n >= 10_000) return `${Math.round(n / 1000).toLocaleString('en-US')}k`;
  if (n >= 1000) return (Math.round(n / 100) * 100).toLocaleString('en-US');
  return Math.max(1, Math.round(n)).toLocaleString('en-US');
}

export function verdict(input: VerdictInput): Verdict {
  if (input.sampleRatio.mismatch) {
    return {
      kind: 'sample_ratio_mismatch',
      sentence: `Sample ratio mismatch: the split is broken (p ${
        input.sampleRatio.pValue < 0.0001 ? '< 0.0001' : `= ${input.sampleRatio.pValue.toFixed(4)}`
      }), do not trust the results.`,
    };
  }
  const testable = input.variants.filter((v) => v.testable);
  if (testable.length === 0) {
    return { kind: 'no_data', sentence: `No results yet: too few visitors to measure the ${input.metric}.` };
  }
  const winners = testable.filter((v) => v.decision === 'better').sort((a, b) => b.lift - a.lift);
  const [best] = winners;
  const early =
    (input.fixedHorizon ?? false) &&
    input.visitorsStillNeeded > 0 &&
    Number.isFinite(input.visitorsStillNeeded);
  if (best && early) {
    return {
      kind: 'early_lead',
      variantName: best.name,
      ...(best.key ? { variantKey: best.key } : {}),
      sentence: `${best.name} is ahead (${strengthText(best, 'control')}, ${effectText(best, input.metric)}), but not final: about ${visitorsText(input.visitorsStillNeeded)} more visitors per variant are planned, and reading a fixed-horizon test before then inflates false positives.`,
    };
  }
  if (best) {
    return {
      kind: 'winner',
      variantName: best.name,
      ...(best.key ? { variantKey: best.key } : {}),
      sentence: `${best.name} is winning: ${strengthText(best, 'control')}, ${effectText(best, input.metric)}.`,
    };
  }
  const [closest] = [...testable].sort((a, b) => b.lift - a.lift);
  if (closest && testable.every((v) => v.decision === 'worse')) {
    const which = testable.length === 1 ? closest.name : `every variant (best: ${closest.name})`;
    return {
      kind: 'control_winning',
      sentence: `Control is winning: ${which} does worse, ${strengthText(closest, 'variant')}, ${effectText(closest, input.metric)}.`,
    };
  }
  const change = `${Math.round(input.targetChange * 100)}%`;
  if (input.visitorsStillNeeded > 0 && Number.isFinite(input.visitorsStillNeeded)) {
    return {
      kind: 'no_winner_yet',
      sentence: `No winner yet: about ${visitorsText(input.visitorsStillNeeded)} more visitors per variant needed to detect a ${change} change in ${input.metric}.`,
    };
  }
  return {
    kind: 'no_difference',
    sentence: `No winner: enough visitors to detect a ${change} change in ${input.metric}, and no variant differs clearly from control.`,
  };
}
