import type { Db } from '../../../platform/db/database.ts';
import { lateAfterDays, ordersAwaitingAction, type WaitingWork } from '../../orders/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { oldestWaited, plural } from './action-wording.ts';

const waitingSince = (work: WaitingWork, at: Date) => oldestWaited(work.oldestSince, at);

/**
 * What in the orders waits on a person: paid orders not shipped after two days (a promise being
 * broken: now), returns nobody has decided on (today), manual payments still missing after three
 * days (this week). Each opens the orders or returns list filtered on exactly those.
 */
export async function orderActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const waiting = await ordersAwaitingAction(db, context.store.id, context.at);
  const actions: BriefingAction[] = [];
  const { handle } = context.store;
  if (waiting.lateToShip.count > 0) {
    actions.push({
      kind: 'late_shipments',
      urgency: 'now',
      title: `Ship ${plural(waiting.lateToShip.count, 'paid order', 'paid orders')} waiting more than ${lateAfterDays.unfulfilled} days`,
      detail: `Nothing of them has left yet; ${waitingSince(waiting.lateToShip, context.at)}.`,
      // Oldest first: the late ones head the list of everything unshipped.
      link: `${adminPath(handle, 'orders')}?status=open&fulfilmentStatus=unfulfilled&sort=oldest`,
      atStake: null,
    });
  }
  if (waiting.returnsToDecide.count > 0) {
    actions.push({
      kind: 'returns',
      urgency: 'today',
      title: `Approve or reject ${plural(waiting.returnsToDecide.count, 'return request', 'return requests')}`,
      detail: `Customers are waiting for instructions; ${waitingSince(waiting.returnsToDecide, context.at)}.`,
      link: `${adminPath(handle, 'returns')}?status=requested`,
      atStake: null,
    });
  }
  if (waiting.awaitingPayment.count > 0) {
    actions.push({
      kind: 'payments',
      urgency: 'this_week',
      title: `Chase ${plural(waiting.awaitingPayment.count, 'order', 'orders')} still awaiting payment after ${lateAfterDays.awaitingPayment} days`,
      detail: `Bank transfers or cash on delivery not yet marked paid; ${waitingSince(waiting.awaitingPayment, context.at)}.`,
      link: `${adminPath(handle, 'orders')}?financialStatus=pending&sort=oldest`,
      atStake: null,
    });
  }
  return actions;
}
