/**
 * One metric of one experiment, start to verdict: the split check, each variant against control
 * with the chosen engine (Holm-adjusted when frequentist with several variants), the visitors still
 * needed, and the sentence.
 */
import type { ArmMoments } from './arm-moments.ts';
import { bayesianTest, type EffectPrior } from './bayesian-test.ts';
import type { EffectMoments } from './effect-moments.ts';
import { frequentistTest } from './frequentist-test.ts';
import { holmAdjusted } from './holm-bonferroni.ts';
import { checkSampleRatio, type SampleRatioCheck } from './sample-ratio-mismatch.ts';
import { visitorsPerArmNeeded } from './sample-size.ts';
import { sequentialTest } from './sequential-interval.ts';
import {
  evidenceFromBayesian,
  evidenceFromFrequentist,
  evidenceFromSequential,
  type VariantEvidence,
  type Verdict,
  verdict,
} from './verdict.ts';

export type StatisticsEngine = 'bayesian' | 'frequentist' | 'sequential';

export interface MetricAnalysisInput {
  /** The metric in words, for the sentence. */
  metric: string;
  engine: StatisticsEngine;
  /** The control arm's unadjusted moments (for sizing). */
  control: ArmMoments;
  /** Each variant's effect against control (effectMoments, or cupedEffectMoments). */
  variants: { name: string; key?: string; effect: EffectMoments }[];
  /** Visitors per arm, control first, and the configured weights in the same order. */
  visitors: number[];
  weights: number[];
  alpha?: number;
  /** The relative change the experiment is sized for (default 0.05). */
  targetChange?: number;
  /** Lower is better. */
  inverse?: boolean;
  prior?: EffectPrior;
  /** Sequential tuning: the expected total visitors. */
  tuning?: number;
}

export interface MetricAnalysis {
  sampleRatio: SampleRatioCheck;
  variants: VariantEvidence[];
  visitorsPerArmNeeded: number;
  visitorsStillNeeded: number;
  verdict: Verdict;
}

export function analyseMetric(input: MetricAnalysisInput): MetricAnalysis {
  const alpha = input.alpha ?? 0.05;
  const targetChange = input.targetChange ?? 0.05;
  const inverse = input.inverse ?? false;
  const sampleRatio = checkSampleRatio(input.visitors, input.weights);

  let variants: VariantEvidence[];
  if (input.engine === 'bayesian') {
    variants = input.variants.map((v) =>
      evidenceFromBayesian(v.name, bayesianTest(v.effect, { alpha, inverse, prior: input.prior }), alpha),
    );
  } else if (input.engine === 'sequential') {
    variants = input.variants.map((v) =>
      evidenceFromSequential(
        v.name,
        // Bonferroni on the level of each always-valid interval when there are several variants.
        sequentialTest(v.effect, { alpha: alpha / input.variants.length, tuning: input.tuning }),
        alpha / input.variants.length,
        inverse,
      ),
    );
  } else {
    const results = input.variants.map((v) => ({
      name: v.name,
      result: frequentistTest(v.effect, { alpha }),
    }));
    const adjusted = holmAdjusted(results.map((r) => r.result.pValue));
    variants = results.map((r, i) =>
      evidenceFromFrequentist(r.name, r.result, adjusted[i] ?? r.result.pValue, inverse),
    );
  }

  // Evidence carries the variant's key where the caller gave one (the verdict names the winner by it).
  variants = variants.map((evidence, i) => {
    const key = input.variants[i]?.key;
    return key ? { ...evidence, key } : evidence;
  });

  const needed = visitorsPerArmNeeded(targetChange, input.control.mean, input.control.variance, {
    alpha,
  });
  const smallestArm = Math.min(...input.visitors);
  const visitorsStillNeeded = Number.isFinite(needed) ? Math.max(0, needed - smallestArm) : needed;
  return {
    sampleRatio,
    variants,
    visitorsPerArmNeeded: needed,
    visitorsStillNeeded,
    verdict: verdict({
      metric: input.metric,
      sampleRatio,
      variants,
      visitorsStillNeeded,
      targetChange,
      fixedHorizon: input.engine === 'frequentist',
    }),
  };
}
