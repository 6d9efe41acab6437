import { prepareBgNbdSample, preparedLogLikelihood } from './bg-nbd-likelihood.ts';
import type { BgNbdParameters } from './bg-nbd-parameters.ts';
import { maximiseLogLikelihood } from './maximise-log-likelihood.ts';
import type { PurchaseHistory } from './purchase-history.ts';

export interface BgNbdFit {
  readonly parameters: BgNbdParameters;
  /** Σ ln L at the parameters. */
  readonly logLikelihood: number;
  /** See LikelihoodFit.converged: false means the predictions are not to be trusted. */
  readonly converged: boolean;
  readonly iterations: number;
}

/** Fits the BG/NBD model to the customers' histories by maximum likelihood. */
export function fitBgNbd(histories: readonly PurchaseHistory[]): BgNbdFit {
  if (histories.length === 0) throw new RangeError('fitBgNbd needs at least one purchase history');
  const sample = prepareBgNbdSample(histories);
  const fit = maximiseLogLikelihood(
    ([r = 0, alpha = 0, a = 0, b = 0]) => preparedLogLikelihood({ r, alpha, a, b }, sample),
    startingPoint(histories),
    histories.length,
  );
  const [r = 0, alpha = 0, a = 0, b = 0] = fit.parameters;
  return {
    parameters: { r, alpha, a, b },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
  };
}

/**
 * A start near typical store values for the unit-free r, a, b (purchase rates spread widely, a
 * dropout chance of roughly 1 in 4 per purchase), and α from the observed purchase rate so that the
 * start suits days and weeks alike: the mean rate is r/α. None is exactly 1, whose logarithm 0 would
 * give the minimiser's first simplex a tiny step.
 */
function startingPoint(histories: readonly PurchaseHistory[]): number[] {
  const r = 0.5;
  let purchases = 0;
  let time = 0;
  for (const history of histories) {
    purchases += history.repeatPurchases;
    time += history.age;
  }
  const rate = purchases > 0 && time > 0 ? purchases / time : 0;
  const alpha = rate > 0 ? r / rate : Math.max(time / histories.length, 2);
  return [r, alpha === 1 ? 1.5 : alpha, 0.5, 1.5];
}
