/**
 * The experiments' statistics engine: pure computation from sufficient statistics, no database.
 * docs/experiments-stats.md has every formula and the references the tests are checked against.
 */

export {
  analyseMetric,
  type MetricAnalysis,
  type MetricAnalysisInput,
  type StatisticsEngine,
} from './analyse-metric.ts';
export {
  type ArmMoments,
  type MeanStatistic,
  meanMoments,
  type ProportionStatistic,
  proportionMoments,
  type RatioStatistic,
  ratioMoments,
} from './arm-moments.ts';
export {
  type BayesianResult,
  bayesianTest,
  type EffectPrior,
  flatPrior,
} from './bayesian-test.ts';
export { type CovariateStatistic, cupedEffectMoments, pooledTheta } from './cuped.ts';
export {
  cupedRatioEffectMoments,
  pooledRatioTheta,
  type RatioCovariateStatistic,
} from './cuped-ratio.ts';
export {
  type DifferenceType,
  type EffectMoments,
  effectMoments,
} from './effect-moments.ts';
export { type FrequentistResult, frequentistTest } from './frequentist-test.ts';
export { holmAdjusted } from './holm-bonferroni.ts';
export {
  checkSampleRatio,
  type SampleRatioCheck,
  sampleRatioMismatchThreshold,
} from './sample-ratio-mismatch.ts';
export { visitorsPerArmNeeded } from './sample-size.ts';
export {
  defaultSequentialTuning,
  type SequentialResult,
  sequentialTest,
} from './sequential-interval.ts';
export {
  type Decision,
  evidenceFromBayesian,
  evidenceFromFrequentist,
  evidenceFromSequential,
  type VariantEvidence,
  type Verdict,
  verdict,
} from './verdict.ts';
