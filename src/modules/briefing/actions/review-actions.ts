import type { Db } from '../../../platform/db/database.ts';
import { LOW_RATING, reviewsAwaitingModeration } from '../../reviews/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { oldestWaited, plural } from './action-wording.ts';

/**
 * Reviews waiting in the moderation queue. Unhappy ones (two stars or fewer) make it a job for
 * today: the customer is waiting for an answer and a public reply shows shoppers the store cares;
 * otherwise publishing them can wait for the week. Opens the queue on the pending tab.
 */
export async function reviewActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const queue = await reviewsAwaitingModeration(db, context.store.id);
  if (queue.pending === 0) return [];
  const unhappy =
    queue.lowRated > 0
      ? `${plural(queue.lowRated, 'of them rates', 'of them rate')} ${LOW_RATING} stars or fewer — answer publicly; `
      : '';
  return [
    {
      kind: 'reviews',
      urgency: queue.lowRated > 0 ? 'today' : 'this_week',
      title: `Moderate ${plural(queue.pending, 'review', 'reviews')} waiting to be published`,
      detail: `${unhappy}${oldestWaited(queue.oldestSince, context.at)}.`.replace(/^./, (c) =>
        c.toUpperCase(),
      ),
      link: `${adminPath(context.store.handle, 'reviews')}?status=pending`,
      atStake: null,
    },
  ];
}
