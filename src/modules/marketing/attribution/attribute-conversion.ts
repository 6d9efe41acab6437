import { badRequest } from '../../../platform/errors.ts';
import { allocate, type Money, moneyOf } from '../../../platform/money.ts';
import {
  type AttributionModel,
  attributionModels,
  defaultAttributionModel,
  modelWeights,
} from './attribution-models.ts';
import { type Touchpoint, touchpointsInWindow } from './touchpoints.ts';

export interface AttributionOptions {
  /** Default: last non-direct click. */
  model?: AttributionModel;
  /** Touchpoints older than this many days before the conversion take no credit. Default 30. */
  lookbackDays?: number;
  /** Time decay only: days in which a touchpoint's weight halves. Default 7 (GA4's choice). */
  halfLifeDays?: number;
}

export interface TouchpointCredit<T extends Touchpoint> {
  touchpoint: T;
  /** The touchpoint's share of the conversion, 0 to 1; the shares of one conversion sum to 1. */
  credit: number;
}

export interface TouchpointValue<T extends Touchpoint> extends TouchpointCredit<T> {
  /** The touchpoint's part of the conversion value; the parts sum exactly to the value. */
  value: Money;
}

export const defaultLookbackDays = 30;
export const defaultHalfLifeDays = 7;

/**
 * Shares the credit for one conversion among the touchpoints of its lookback window, by `model`.
 * Returns every touchpoint of the window in time order, each with its credit (0 for those a
 * single-touch model passes over); an empty list when no touchpoint is in the window, which
 * reports count as Direct (nothing brought the customer but the customer).
 * Errors: 400 `invalid_journey`, `invalid_attribution_model`, `invalid_attribution_options`.
 */
export function attributeConversion<T extends Touchpoint>(
  journey: readonly T[],
  convertedAt: Date,
  options: AttributionOptions = {},
): TouchpointCredit<T>[] {
  const { touchpoints, weights } = weigh(journey, convertedAt, options);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return touchpoints.map((touchpoint, i) => ({ touchpoint, credit: weights[i]! / total }));
}

/**
 * Like attributeConversion, and also splits the conversion's value (in minor units) among the
 * touchpoints by the largest-remainder method, so the parts add up to the value to the unit.
 */
export function attributeConversionValue<T extends Touchpoint>(
  journey: readonly T[],
  conversion: { at: Date; value: Money },
  options: AttributionOptions = {},
): TouchpointValue<T>[] {
  const value = moneyOf(conversion.value.amount, conversion.value.currency);
  const { touchpoints, weights } = weigh(journey, conversion.at, options);
  if (touchpoints.length === 0) return [];
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const parts = allocate(value.amount, wholeWeights(weights));
  return touchpoints.map((touchpoint, i) => ({
    touchpoint,
    credit: weights[i]! / total,
    value: moneyOf(parts[i]!, value.currency),
  }));
}

function weigh<T extends Touchpoint>(journey: readonly T[], convertedAt: Date, options: AttributionOptions) {
  const model = options.model ?? defaultAttributionModel;
  if (!(attributionModels as readonly string[]).includes(model)) {
    throw badRequest('invalid_attribution_model', `Unknown attribution model: ${JSON.stringify(model)}.`, {
      model,
      models: attributionModels,
    });
  }
  const lookbackDays = positive(options.lookbackDays, defaultLookbackDays, 'lookbackDays');
  const halfLifeDays = positive(options.halfLifeDays, defaultHalfLifeDays, 'halfLifeDays');
  const touchpoints = touchpointsInWindow(journey, convertedAt, lookbackDays);
  const weights = touchpoints.length === 0 ? [] : modelWeights(model, touchpoints, halfLifeDays);
  return { touchpoints, weights };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw badRequest('invalid_attribution_options', `${name} must be a positive number of days.`, {
      [name]: value,
    });
  }
  return value;
}

// 2^50 for the largest weight keeps every weight a safe integer (allocate sums them exactly) and
// moves a share by under one part in 10^15: less than a minor unit below 10^15 units.
const wholeWeightScale = 2 ** 50;

/** Weights as whole numbers for `allocate`: as they are when already whole, else scaled and rounded. */
function wholeWeights(weights: readonly number[]): number[] {
  if (weights.every((weight) => Number.isSafeInteger(weight))) return [...weights];
  const largest = Math.max(...weights);
  return weights.map((weight) => Math.round((weight / largest) * wholeWeightScale));
}
