import { type BriefingAction, urgencies } from './briefing-types.ts';

/**
 * The briefing's order: the most urgent first; within an urgency, the most money at stake (actions
 * without an amount after those with one), then the title so equal actions keep a stable order.
 */
export function rankActions(actions: readonly BriefingAction[]): BriefingAction[] {
  return [...actions].sort(
    (a, b) =>
      urgencies.indexOf(a.urgency) - urgencies.indexOf(b.urgency) ||
      (b.atStake?.amount ?? -1) - (a.atStake?.amount ?? -1) ||
      a.title.localeCompare(b.title),
  );
}
