import { fitByOneStepError, interior, logistic, logit } from './fit-smoothing-parameters.ts';
import { type FittedForecaster, type ForecastCandidate, residualSdOf } from './forecaster.ts';

/**
 * The Teunter-Syntetos-Babai (TSB) method for intermittent demand. Where Croston updates only on
 * sale days, TSB updates the chance of a sale every day (towards 1 after a sale day, towards 0
 * after a quiet one), so a variant that has stopped selling sees its forecast fade instead of
 * staying at the last rate for ever. The size of a sale-day's demand is smoothed on sale days.
 *   every day:  p̂ ← p̂ + αₚ(1[y > 0] − p̂)
 *   sale days:  ẑ ← ẑ + α_d(y − ẑ)
 *   forecast per day: p̂ · ẑ
 */

export interface TsbParameters {
  /** Weight of a new sale-day size, in (0, 1). */
  alphaDemand: number;
  /** Weight of a new day in the chance of a sale, in (0, 1). */
  alphaProbability: number;
  /** Chance of a sale and sale-day size before the first day. */
  initialProbability: number;
  initialDemand: number;
}

export function tsbFixed(
  history: readonly number[],
  parameters: TsbParameters,
  fittedParameters = 0,
): FittedForecaster {
  const { alphaDemand, alphaProbability } = parameters;
  let probability = parameters.initialProbability;
  let demand = parameters.initialDemand;
  let sumOfSquares = 0;
  for (const y of history) {
    const error = y - probability * demand;
    sumOfSquares += error * error;
    if (y > 0) {
      probability += alphaProbability * (1 - probability);
      demand += alphaDemand * (y - demand);
    } else {
      probability -= alphaProbability * probability;
    }
  }
  const perDay = probability * demand;
  return {
    method: 'tsb',
    parameters: { alphaDemand, alphaProbability },
    forecast: (horizon) => new Array<number>(horizon).fill(perDay),
    residualSd: residualSdOf(sumOfSquares, history.length, fittedParameters),
    rerun: (other) => tsbFixed(other, parameters, fittedParameters),
  };
}

/**
 * The starting state when fitting, from the first four weeks: the share of days with a sale and
 * the mean size on those days (so one odd first day does not set either).
 */
export function tsbInitialState(history: readonly number[]): {
  initialProbability: number;
  initialDemand: number;
} {
  const days = Math.min(history.length, 28);
  let saleDays = 0;
  let units = 0;
  for (let t = 0; t < days; t++) {
    if (history[t]! > 0) {
      saleDays++;
      units += history[t]!;
    }
  }
  if (saleDays === 0) {
    // No sale in the first weeks: start from no chance of a sale and the first sale's size.
    return { initialProbability: 0, initialDemand: history.find((y) => y > 0) ?? 0 };
  }
  return { initialProbability: saleDays / days, initialDemand: units / saleDays };
}

/** TSB with both weights chosen to minimise the one-step-ahead squared error. */
export function fitTsb(
  history: readonly number[],
  warmStart?: Readonly<Record<string, number>>,
): FittedForecaster {
  const initial = tsbInitialState(history);
  const sumOfSquares = ([freeDemand = 0, freeProbability = 0]: number[]) => {
    const alphaDemand = logistic(freeDemand);
    const alphaProbability = logistic(freeProbability);
    let probability = initial.initialProbability;
    let demand = initial.initialDemand;
    let total = 0;
    for (const y of history) {
      const error = y - probability * demand;
      total += error * error;
      if (y > 0) {
        probability += alphaProbability * (1 - probability);
        demand += alphaDemand * (y - demand);
      } else {
        probability -= alphaProbability * probability;
      }
    }
    return total;
  };
  const [freeDemand = 0, freeProbability = 0] = fitByOneStepError(
    sumOfSquares,
    [logit(interior(warmStart?.alphaDemand ?? 0.1)), logit(interior(warmStart?.alphaProbability ?? 0.05))],
    history,
  );
  return tsbFixed(
    history,
    { alphaDemand: logistic(freeDemand), alphaProbability: logistic(freeProbability), ...initial },
    2,
  );
}

export const tsbCandidate: ForecastCandidate = { method: 'tsb', minimumHistory: 2, fit: fitTsb };
