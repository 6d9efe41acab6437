import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { formatMoney, moneyOf } from '../../../platform/money.ts';
import { type GoalPacing, storeGoalsPacing } from '../../goals/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';

const moneyMetrics = new Set(['netSales', 'averageOrderValue']);

function goalFigure(p: GoalPacing, value: number): string {
  if (moneyMetrics.has(p.goal.metric)) return formatMoney(Math.round(value), p.currency, 'en');
  if (p.goal.metric === 'conversionRate') return `${(value * 100).toFixed(2)}%`;
  return Math.round(value).toLocaleString('en');
}

/**
 * Current goals that will probably be missed: behind (under a 35% chance) today, at risk (35–65%)
 * this week. For money goals the shortfall of the projection is at stake. Each opens the goals page.
 */
export async function goalActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  // Paced as on the morning after the briefing's day: today, unless an earlier day is replayed.
  const asOf = DateTime.fromISO(context.day, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
  const pacings = await storeGoalsPacing(db, context.store, { current: true, asOf });
  return pacings
    .filter((p) => p.pace.status === 'behind' || p.pace.status === 'at_risk')
    .map((p): BriefingAction => {
      const { projected, probability } = p.pace;
      const chance = probability === null ? '' : ` (${Math.round(probability * 100)}% chance of reaching it)`;
      const shortfall =
        moneyMetrics.has(p.goal.metric) && p.goal.metric === 'netSales' && projected !== null
          ? Math.max(0, Math.round(p.goal.target - projected))
          : 0;
      return {
        kind: 'goal',
        urgency: p.pace.status === 'behind' ? 'today' : 'this_week',
        title: `Goal “${p.goal.name}” is ${p.pace.status === 'behind' ? 'behind' : 'at risk'}: projected ${
          projected === null ? '—' : goalFigure(p, projected)
        } of ${goalFigure(p, p.goal.target)}`,
        detail: `${p.elapsedDays} of ${p.totalDays} days gone, ${p.pace.remainingDays} to go${chance}.`,
        link: adminPath(context.store.handle, 'goals'),
        atStake: shortfall > 0 ? moneyOf(shortfall, p.currency) : null,
      };
    });
}
