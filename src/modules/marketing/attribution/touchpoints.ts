import { badRequest } from '../../../platform/errors.ts';
import { type ChannelGroup, channelGroup } from '../../analytics/channel-grouping/index.ts';

/** One visit on a customer's way to a conversion: when it was and where it came from. */
export interface Touchpoint {
  at: Date;
  source?: string | null;
  medium?: string | null;
  campaign?: string | null;
  /** The visit's channel; derived from source / medium / campaign when absent. */
  channel?: ChannelGroup;
}

export const millisecondsPerDay = 86_400_000;

/** The channel a touchpoint is in, as recorded or by GA4's default rules. */
export function channelOf(touchpoint: Touchpoint): ChannelGroup {
  return touchpoint.channel ?? channelGroup(touchpoint);
}

/**
 * The touchpoints that may take credit for a conversion at `convertedAt`: those from the lookback
 * window (inclusive at both ends) in time order; touchpoints at the same instant keep their order
 * in the journey. Touches after the conversion belong to a later one.
 * Errors: 400 `invalid_journey` for a touchpoint or conversion without a valid time.
 */
export function touchpointsInWindow<T extends Touchpoint>(
  journey: readonly T[],
  convertedAt: Date,
  lookbackDays: number,
): T[] {
  const end = timeOf(convertedAt, 'conversion');
  const start = end - lookbackDays * millisecondsPerDay;
  return journey
    .map((touchpoint, index) => ({ touchpoint, index, time: timeOf(touchpoint.at, `touchpoint ${index}`) }))
    .filter(({ time }) => time >= start && time <= end)
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ touchpoint }) => touchpoint);
}

function timeOf(at: Date, what: string): number {
  const time = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(time)) {
    throw badRequest('invalid_journey', `The ${what} has no valid time.`, { at: String(at) });
  }
  return time;
}
