import type { Db } from '../../../platform/db/database.ts';
import { changesAwaitingReview } from '../../catalog/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { oldestWaited, plural } from './action-wording.ts';

/**
 * Product changes an editor sent for review: a teammate's work cannot go live until someone with
 * catalog:publish approves it or asks for changes, so it is a job for today. Opens the product list
 * narrowed to the products waiting, each a click away from its diff and the Approve button.
 */
export async function approvalActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const queue = await changesAwaitingReview(db, context.store.id);
  if (queue.products === 0) return [];
  const notLive = queue.products - queue.live;
  const which = [
    queue.live > 0 ? plural(queue.live, 'edit to a live product', 'edits to live products') : '',
    notLive > 0 ? `${plural(notLive, 'product', 'products')} not yet on the storefront` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return [
    {
      kind: 'approvals',
      urgency: 'today',
      title: `Review ${plural(queue.products, 'product change', 'product changes')} waiting for approval`,
      detail: `${which.replace(/^./, (c) => c.toUpperCase())}; ${oldestWaited(queue.oldestSince, context.at)}.`,
      link: `${adminPath(context.store.handle, 'products')}?review=waiting`,
      atStake: null,
    },
  ];
}
