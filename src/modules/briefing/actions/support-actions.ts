import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { supportSlaSummary } from '../../support/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { plural } from './action-wording.ts';

/**
 * Support tickets against the store's SLA (docs/support.md, "SLAs"): those already past a clock are
 * a promise broken now, those whose clock runs out before the end of the store's day are today's.
 * Breached ones open the inbox filtered on them; the rest open the unsolved tickets.
 */
export async function supportActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const sla = await supportSlaSummary(db, context.store.id, context.at);
  const inbox = adminPath(context.store.handle, 'support');
  const actions: BriefingAction[] = [];
  if (sla.breached > 0) {
    const unassigned = sla.unassignedBreached > 0 ? `${sla.unassignedBreached} of them unassigned; ` : '';
    const oldest = sla.oldestBreachedTicket;
    const since = oldest
      ? `the oldest, #${oldest.number} “${oldest.subject}”, was due ${DateTime.fromJSDate(oldest.dueAt, { zone: context.store.timezone }).setLocale('en').toFormat('cccc d LLLL, HH:mm')}.`
      : '';
    actions.push({
      kind: 'support_sla',
      urgency: 'now',
      title: `Answer ${plural(sla.breached, 'ticket', 'tickets')} past ${sla.breached === 1 ? 'its' : 'their'} SLA`,
      detail: `${unassigned}${since}`.replace(/^./, (c) => c.toUpperCase()),
      link: `${inbox}?sla=breached`,
      atStake: null,
    });
  }
  if (sla.dueToday > 0) {
    actions.push({
      kind: 'support_sla',
      urgency: 'today',
      title: `${plural(sla.dueToday, 'ticket breaches', 'tickets breach')} SLA today unless answered`,
      detail: 'Their first reply or resolution falls due before the end of the day.',
      link: inbox,
      atStake: null,
    });
  }
  return actions;
}
