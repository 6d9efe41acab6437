import { badRequest } from '../../../platform/errors.ts';
import { channelOf, millisecondsPerDay, type Touchpoint } from './touchpoints.ts';

/**
 * How a conversion's credit is shared among the touchpoints before it. Last non-direct click is
 * the default: it is what Shopify reports, and GA4's "paid and organic last click" likewise skips
 * direct visits, which mostly continue a journey another channel started.
 */
export const attributionModels = [
  'last_non_direct_click',
  'last_click',
  'first_click',
  'linear',
  'position_based',
  'time_decay',
] as const;

export type AttributionModel = (typeof attributionModels)[number];

export const defaultAttributionModel: AttributionModel = 'last_non_direct_click';

/**
 * Non-negative weights, one per touchpoint (in time order, at least one), proportional to each
 * touchpoint's share of the credit. Whole numbers for every model but time decay, so a money
 * split can use them exactly.
 *
 * - position-based: 40% to the first and 40% to the last touchpoint, 20% shared by those between;
 *   with two touchpoints nothing is between, so each takes half; one takes all.
 * - time decay: a touchpoint's weight halves every `halfLifeDays` before the conversion.
 */
export function modelWeights(
  model: AttributionModel,
  touchpoints: readonly Touchpoint[],
  halfLifeDays: number,
): number[] {
  const n = touchpoints.length;
  const only = (index: number) => touchpoints.map((_, i) => (i === index ? 1 : 0));
  switch (model) {
    case 'last_click':
      return only(n - 1);
    case 'first_click':
      return only(0);
    case 'last_non_direct_click': {
      const last = touchpoints.findLastIndex((touchpoint) => channelOf(touchpoint) !== 'Direct');
      // A journey of direct visits only is credited to the last of them: the conversion is Direct.
      return only(last >= 0 ? last : n - 1);
    }
    case 'linear':
      return touchpoints.map(() => 1);
    case 'position_based': {
      if (n <= 2) return touchpoints.map(() => 1);
      // Ends 2(n−2) each, middles 1 each: the ends take 2(n−2)/5(n−2) = 40%, the middles share 20%.
      const end = 2 * (n - 2);
      return touchpoints.map((_, i) => (i === 0 || i === n - 1 ? end : 1));
    }
    case 'time_decay': {
      // Measured from the newest touchpoint rather than the conversion: the same ratios, and the
      // newest weighs exactly 1, so a long lookback cannot underflow every weight to zero.
      const newest = touchpoints[n - 1]!.at.getTime();
      return touchpoints.map((touchpoint) => {
        const daysBefore = (newest - touchpoint.at.getTime()) / millisecondsPerDay;
        return 2 ** (-daysBefore / halfLifeDays);
      });
    }
    default:
      throw badRequest('invalid_attribution_model', `Unknown attribution model: ${JSON.stringify(model)}.`, {
        model,
        models: attributionModels,
      });
  }
}
