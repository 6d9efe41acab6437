/**
 * Which kind of demand a series shows, by the Syntetos-Boylan-Croston classification:
 * ADI, the average number of days per sale day, and CV², the squared coefficient of variation of
 * the units on sale days. Cut-offs 1.32 and 0.49 are where, in their comparison, Croston-type
 * methods start to beat smoothing the daily series.
 *
 *                 CV² ≤ 0.49      CV² > 0.49
 *   ADI ≤ 1.32    smooth          erratic
 *   ADI > 1.32    intermittent    lumpy
 */

export type DemandPattern = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'no-sales';

export interface DemandClassification {
  pattern: DemandPattern;
  /** Days of history per day with a sale (Infinity with no sale). */
  averageDemandInterval: number;
  /** Squared coefficient of variation of sale-day units (0 with fewer than two sale days). */
  squaredVariation: number;
}

export const intermittentIntervalCutoff = 1.32;
export const erraticVariationCutoff = 0.49;

export function classifyDemand(history: readonly number[]): DemandClassification {
  let saleDays = 0;
  let sum = 0;
  let squares = 0;
  for (const y of history) {
    if (y > 0) {
      saleDays++;
      sum += y;
      squares += y * y;
    }
  }
  if (saleDays === 0) {
    return { pattern: 'no-sales', averageDemandInterval: Number.POSITIVE_INFINITY, squaredVariation: 0 };
  }
  const mean = sum / saleDays;
  const variance = Math.max(0, squares / saleDays - mean * mean);
  const squaredVariation = variance / (mean * mean);
  const averageDemandInterval = history.length / saleDays;
  const sparse = averageDemandInterval > intermittentIntervalCutoff;
  const erratic = squaredVariation > erraticVariationCutoff;
  const pattern = sparse ? (erratic ? 'lumpy' : 'intermittent') : erratic ? 'erratic' : 'smooth';
  return { pattern, averageDemandInterval, squaredVariation };
}

/** Intermittent and lumpy series are forecast with Croston-type methods. */
export function isIntermittent(pattern: DemandPattern): boolean {
  return pattern === 'intermittent' || pattern === 'lumpy';
}
