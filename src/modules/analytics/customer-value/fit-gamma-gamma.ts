import { preparedSpendLogLikelihood, prepareSpendSample } from './gamma-gamma-likelihood.ts';
import type { GammaGammaParameters } from './gamma-gamma-parameters.ts';
import { maximiseLogLikelihood } from './maximise-log-likelihood.ts';
import type { SpendHistory } from './purchase-history.ts';

export interface GammaGammaFit {
  readonly parameters: GammaGammaParameters;
  /** Σ ln f over the repeat buyers at the parameters. */
  readonly logLikelihood: number;
  /** See LikelihoodFit.converged: false means the predictions are not to be trusted. */
  readonly converged: boolean;
  readonly iterations: number;
  /** How many customers the fit read (those with at least one repeat purchase). */
  readonly repeatBuyers: number;
}

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on the customers with a repeat purchase; the
 * others are passed over, so the same list as for fitBgNbd can be given.
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaFit {
  const sample = prepareSpendSample(histories);
  if (sample.repeatBuyers === 0) throw new RangeError('fitGammaGamma needs at least one repeat buyer');
  // p = 2, q = 3 and v such that the model's mean spend v·p/(q−1) is the observed one: right in scale
  // whatever the currency's minor unit, and no value at exactly 1 (see fitBgNbd's start).
  const start = [2, 3, sample.meanSpend === 1 ? 1.5 : sample.meanSpend];
  const fit = maximiseLogLikelihood(
    ([p = 0, q = 0, v = 0]) => preparedSpendLogLikelihood({ p, q, v }, sample),
    start,
    sample.repeatBuyers,
  );
  const [p = 0, q = 0, v = 0] = fit.parameters;
  return {
    parameters: { p, q, v },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    repeatBuyers: sample.repeatBuyers,
  };
}
