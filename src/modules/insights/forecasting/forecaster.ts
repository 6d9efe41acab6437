/**
 * What every forecasting method offers, so model choice and backtests can treat them alike.
 */

export type ForecastMethod =
  | 'ses'
  | 'holt'
  | 'damped-holt'
  | 'holt-winters'
  | 'croston'
  | 'sba'
  | 'tsb'
  /** No sales in the history at all: the forecast is zero. */
  | 'zero';

/** A method with its parameters settled, run over one history. */
export interface FittedForecaster {
  method: ForecastMethod;
  /** The smoothing parameters by name (alpha, beta, phi, gamma, …), as the method uses them. */
  parameters: Readonly<Record<string, number>>;
  /**
   * Point forecasts for the `horizon` days after the history. Trend methods can go below zero here;
   * `forecastDemand` clips, the methods themselves stay faithful to their equations.
   */
  forecast(horizon: number): number[];
  /** Standard deviation of the one-step-ahead errors over the history. */
  residualSd: number;
  /**
   * The same parameters and the same starting state, run over another history that begins where
   * this one began. Backtests forecast from each origin this way without refitting.
   */
  rerun(history: readonly number[]): FittedForecaster;
}

/** A method model choice can try: fitted afresh, or warm-started from earlier parameters. */
export interface ForecastCandidate {
  method: ForecastMethod;
  /** Fewest days of history the method can be fitted on. */
  minimumHistory: number;
  fit(history: readonly number[], warmStart?: Readonly<Record<string, number>>): FittedForecaster;
}

/**
 * √(SSE / (count − fitted parameters)): the usual estimate of the error spread, which would be too
 * small if the parameters chosen to fit the same errors were not paid for.
 */
export function residualSdOf(sumOfSquares: number, count: number, fittedParameters: number): number {
  const degrees = count - fittedParameters;
  return degrees > 0 ? Math.sqrt(sumOfSquares / degrees) : 0;
}
