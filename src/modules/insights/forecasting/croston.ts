import { type FittedForecaster, type ForecastCandidate, residualSdOf } from './forecaster.ts';

/**
 * Croston's method for intermittent demand, and the Syntetos-Boylan approximation (SBA).
 *
 * Smoothing the daily series itself would pull the forecast towards zero after every quiet day and
 * up after every sale. Croston smooths two things instead, updated only on days with a sale: the
 * size of a sale-day's demand (z) and the number of days between sale days (p, counted so that a
 * sale the day after the previous one is 1, and the first from the start of the history). The
 * forecast per day is ẑ / p̂; each series starts at its first value and is smoothed with α.
 *
 * That ratio is biased upwards; SBA multiplies it by (1 − α/2), 0.95 at the classic α = 0.1.
 */

export type CrostonVariant = 'croston' | 'sba';

/** The classic fixed weight: intermittent series are too sparse to fit one reliably. */
export const crostonAlpha = 0.1;

export function crostonFixed(
  history: readonly number[],
  options: { variant: CrostonVariant; alpha?: number },
): FittedForecaster {
  const alpha = options.alpha ?? crostonAlpha;
  const factor = options.variant === 'sba' ? 1 - alpha / 2 : 1;
  let size = 0;
  let interval = 0;
  let seen = false;
  let sinceLast = 0;
  let sumOfSquares = 0;
  let errors = 0;
  for (const y of history) {
    sinceLast++;
    // Until the first sale there is nothing to forecast from, so no error to count.
    if (seen) {
      const error = y - (factor * size) / interval;
      sumOfSquares += error * error;
      errors++;
    }
    if (y > 0) {
      if (seen) {
        size += alpha * (y - size);
        interval += alpha * (sinceLast - interval);
      } else {
        [size, interval, seen] = [y, sinceLast, true];
      }
      sinceLast = 0;
    }
  }
  const perDay = seen ? (factor * size) / interval : 0;
  return {
    method: options.variant,
    parameters: { alpha },
    forecast: (horizon) => new Array<number>(horizon).fill(perDay),
    residualSd: residualSdOf(sumOfSquares, errors, 0),
    rerun: (other) => crostonFixed(other, options),
  };
}

export const crostonCandidate: ForecastCandidate = {
  method: 'croston',
  minimumHistory: 1,
  fit: (history) => crostonFixed(history, { variant: 'croston' }),
};

export const sbaCandidate: ForecastCandidate = {
  method: 'sba',
  minimumHistory: 1,
  fit: (history) => crostonFixed(history, { variant: 'sba' }),
};
