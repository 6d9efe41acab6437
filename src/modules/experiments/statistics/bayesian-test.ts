/**
 * The Bayesian reading of an experiment, as GrowthBook's engine (gbstats EffectBayesianABTest)
 * does it: a normal model of the effect itself rather than of each arm.
 *
 * Likelihood: the estimated lift is normal around the true lift with the delta-method variance
 * (effect-moments.ts). Prior on the true lift: normal(priorMean, priorVariance) when `prior.proper`,
 * otherwise flat (improper) — the default, so the data speak alone and the posterior is
 * normal(estimate, variance). With a proper prior the two combine by precision:
 *   posterior precision = 1/v + 1/τ²,  posterior mean = (L̂/v + μ₀/τ²) / precision.
 * From the posterior N(μ, s²):
 *   chance to beat control = P(lift > 0) = Φ(μ/s)
 *   risk of shipping the variant (expected loss) = E[max(−lift, 0)] = s φ(μ/s) − μ Φ(−μ/s)
 *   risk of keeping control                      = E[max(lift, 0)]  = μ Φ(μ/s) + s φ(μ/s)
 *   credible interval = μ ± z_{1−α/2} s.
 * For a metric where lower is better (`inverse`, e.g. bounce rate) the roles of win and loss swap.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { type DifferenceType, type EffectMoments, isTestable } from './effect-moments.ts';

export interface EffectPrior {
  /** When false (default), a flat prior: the posterior is the likelihood. */
  proper: boolean;
  mean: number;
  variance: number;
}

/** GrowthBook's default: improper flat prior on the relative effect (mean 0, sd 0.3 when proper). */
export const flatPrior: EffectPrior = { proper: false, mean: 0, variance: 0.09 };

export interface BayesianOptions {
  prior?: EffectPrior;
  difference?: DifferenceType;
  /** 1 − credibility of the interval (default 0.05 → a 95% credible interval). */
  alpha?: number;
  /** True when lower values are better. */
  inverse?: boolean;
}

export interface BayesianResult {
  difference: DifferenceType;
  /** Posterior mean of the effect. */
  estimate: number;
  posteriorStandardDeviation: number;
  interval: [number, number];
  chanceToBeatControl: number;
  /** Expected loss of shipping the variant, in units of the effect. */
  riskOfVariant: number;
  /** Expected loss of keeping control. */
  riskOfControl: number;
  testable: boolean;
}

function standardNormalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

export function bayesianTest(moments: EffectMoments, options: BayesianOptions = {}): BayesianResult {
  const difference = options.difference ?? 'relative';
  const prior = options.prior ?? flatPrior;
  const alpha = options.alpha ?? 0.05;
  if (!isTestable(moments, difference)) {
    return {
      difference,
      estimate: 0,
      posteriorStandardDeviation: 0,
      interval: [0, 0],
      chanceToBeatControl: 0.5,
      riskOfVariant: 0,
      riskOfControl: 0,
      testable: false,
    };
  }
  const { estimate, variance } = moments[difference];
  let mean = estimate;
  let posteriorVariance = variance;
  if (prior.proper && prior.variance > 0) {
    const precision = 1 / variance + 1 / prior.variance;
    posteriorVariance = 1 / precision;
    mean = (estimate / variance + prior.mean / prior.variance) / precision;
  }
  const s = Math.sqrt(posteriorVariance);
  const z = mean / s;
  const gainIfShipped = mean * normalCdf(z, 0, 1) + s * standardNormalDensity(z);
  const lossIfShipped = gainIfShipped - mean;
  const half = normalQuantile(1 - alpha / 2, 0, 1) * s;
  const inverse = options.inverse ?? false;
  return {
    difference,
    estimate: mean,
    posteriorStandardDeviation: s,
    interval: [mean - half, mean + half],
    chanceToBeatControl: inverse ? normalCdf(-z, 0, 1) : normalCdf(z, 0, 1),
    riskOfVariant: inverse ? gainIfShipped : lossIfShipped,
    riskOfControl: inverse ? lossIfShipped : gainIfShipped,
    testable: true,
  };
}
