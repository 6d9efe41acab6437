import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { correlation, dailySeriesModel, firstActiveDay } from './daily-series-model.ts';

/**
 * A goal's pacing, pure arithmetic: what has happened so far, what the remaining days are expected
 * to add, and the chance of reaching the target (docs/goals.md).
 *
 * A metric is a sum (net sales, orders, sessions …: `denominator` absent) or a ratio of two sums
 * (conversion rate = purchasing sessions ÷ sessions, AOV = sales ÷ orders). Ratios are projected
 * from the projected sums, never from daily ratios.
 */
export interface PaceInput {
  target: number;
  /** Sums over the goal's days up to yesterday. */
  actual: { numerator: number; denominator?: number };
  /** Daily values before today, oldest first (about twelve weeks), for the forecast. */
  history: { numerator: readonly number[]; denominator?: readonly number[] };
  /** Goal days from today (or its start, if later) to its end; 0 when it is over. */
  remainingDays: number;
  /** Days from today to a future goal's start: forecast, but not the goal's (0 once it has started). */
  daysBeforeStart?: number;
  /** Whether the goal's days have all passed. */
  ended: boolean;
}

export const paceStatuses = ['on_pace', 'at_risk', 'behind', 'achieved', 'missed'] as const;
export type PaceStatus = (typeof paceStatuses)[number];

export interface Pace {
  /** The metric over the days so far (null: a ratio with nothing to divide by yet). */
  actual: number | null;
  /** The metric over the whole period: the days so far plus the forecast of the rest. */
  projected: number | null;
  /** projected ÷ target. */
  projectedShare: number | null;
  /** actual ÷ target (the bar's filled part). */
  actualShare: number | null;
  /** Chance of reaching the target; null when there is too little history to say. */
  probability: number | null;
  status: PaceStatus;
  /** How the remaining days were forecast. */
  method: 'holt-winters' | 'mean' | 'none';
  remainingDays: number;
}

/** Sample paths per goal: the probability's sampling error is under ±1.2 points (95%) with 2,000. */
export const simulatedPaths = 2000;
/** On pace from this chance of reaching the target; behind below `behindBelow`; at risk between. */
export const onPaceFrom = 0.65;
export const behindBelow = 0.35;

const ratioOf = (numerator: number, denominator: number | undefined): number | null =>
  denominator === undefined ? numerator : denominator === 0 ? null : numerator / denominator;

export function paceGoal(input: PaceInput): Pace {
  const { target, actual, history, ended } = input;
  const horizon = ended ? 0 : input.remainingDays;
  const skip = ended ? 0 : (input.daysBeforeStart ?? 0);
  const goalDaysOf = (values: number[]) => values.slice(skip);
  const isRatio = history.denominator !== undefined;
  const start = isRatio
    ? firstActiveDay(history.numerator, history.denominator!)
    : firstActiveDay(history.numerator);
  const numeratorModel = dailySeriesModel(history.numerator.slice(start));
  const denominatorModel = isRatio ? dailySeriesModel(history.denominator!.slice(start)) : null;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const projectedNumerator = actual.numerator + sum(goalDaysOf(numeratorModel.expected(skip + horizon)));
  const projectedDenominator = denominatorModel
    ? (actual.denominator ?? 0) + sum(goalDaysOf(denominatorModel.expected(skip + horizon)))
    : undefined;
  const actualValue = ratioOf(actual.numerator, isRatio ? (actual.denominator ?? 0) : undefined);
  const projected = ratioOf(projectedNumerator, projectedDenominator);
  const method = numeratorModel.method;

  let probability: number | null;
  if (horizon === 0) probability = projected !== null && projected >= target ? 1 : 0;
  else if (method === 'none' || denominatorModel?.method === 'none') probability = null;
  else probability = simulatedProbability(input, skip, horizon, numeratorModel, denominatorModel);

  return {
    actual: actualValue,
    projected,
    projectedShare: projected === null ? null : projected / target,
    actualShare: actualValue === null ? null : actualValue / target,
    probability,
    status: statusOf(ended, probability, projected, target),
    method: horizon === 0 ? 'none' : method,
    remainingDays: horizon,
  };
}

/**
 * Share of simulated periods that reach the target. For a ratio, the two series' daily errors are
 * drawn with the correlation their one-step errors had (busier days bring more orders too), so the
 * ratio's spread is not overstated as independent draws would.
 */
function simulatedProbability(
  input: PaceInput,
  skip: number,
  goalDays: number,
  numeratorModel: ReturnType<typeof dailySeriesModel>,
  denominatorModel: ReturnType<typeof dailySeriesModel> | null,
): number {
  // A fixed seed: the same data give the same probability on every reload.
  const random = seededRandom(0x60a1);
  const rho = denominatorModel ? correlation(numeratorModel.residuals(), denominatorModel.residuals()) : 0;
  const spare = Math.sqrt(1 - rho * rho);
  const horizon = skip + goalDays;
  const first = new Array<number>(horizon);
  const second = new Array<number>(horizon);
  let reached = 0;
  for (let path = 0; path < simulatedPaths; path++) {
    for (let h = 0; h < horizon; h++) {
      first[h] = random.normal();
      if (denominatorModel) second[h] = rho * first[h]! + spare * random.normal();
    }
    const numerator = input.actual.numerator + numeratorModel.simulatedSum(first, skip);
    const value = denominatorModel
      ? ratioOf(numerator, (input.actual.denominator ?? 0) + denominatorModel.simulatedSum(second, skip))
      : numerator;
    if (value !== null && value >= input.target) reached++;
  }
  return reached / simulatedPaths;
}

function statusOf(ended: boolean, probability: number | null, projected: number | null, target: number) {
  if (ended) return projected !== null && projected >= target ? 'achieved' : 'missed';
  if (probability !== null)
    return probability >= onPaceFrom ? 'on_pace' : probability >= behindBelow ? 'at_risk' : 'behind';
  // Without a probability (too little history), by the projection alone.
  const share = projected === null ? 0 : projected / target;
  return share >= 1 ? 'on_pace' : share >= 0.9 ? 'at_risk' : 'behind';
}
