import { DateTime } from 'luxon';
import type { Actor, Store } from '../modules/access/index.ts';
import { dailyMeasures } from '../modules/analytics/index.ts';
import { createGoal } from '../modules/goals/index.ts';
import { campaignReport, createCampaign } from '../modules/marketing/index.ts';
import { storeDay } from '../modules/markets/index.ts';
import type { Db } from '../platform/db/database.ts';
import { sources } from './demo-visitors.ts';

/** Round a budget or target to a figure a person would set: whole fifties of the currency. */
const roundFifty = (minor: number) => Math.max(5000, Math.round(minor / 5000) * 5000);

/**
 * What the demo manager has planned for this month, from what the history shows: each paid
 * campaign and the newsletter as a campaign with a monthly budget of about its recent spend (so
 * pacing has something to say: the campaign stopped by mistake runs under budget), and a net sales
 * goal a tenth above the last four weeks' pace. Read from the store's own reports, so it follows
 * whatever history was generated.
 */
export async function seedDemoPlans(db: Db, actor: Actor, store: Store): Promise<void> {
  const today = DateTime.fromISO(storeDay(store), { zone: 'utc' });
  const from = today.minus({ days: 28 }).toISODate()!;
  const to = today.minus({ days: 1 }).toISODate()!;
  const report = await campaignReport(db, store, { from, to });
  const monthStart = today.startOf('month');
  const monthDays = today.daysInMonth!;
  for (const source of sources) {
    if (!source.campaign || !source.source || !source.medium) continue;
    const spent = report.campaigns.find((c) => c.campaign === source.campaign)?.spend ?? 0;
    await createCampaign(db, actor, store.id, {
      name: source.campaign,
      channel: source.channel,
      startsOn: monthStart.minus({ months: 6 }).toISODate()!,
      endsOn: monthStart.plus({ months: 6 }).minus({ days: 1 }).toISODate()!,
      // The newsletter costs nothing to send; the paid ones a month at their recent daily rate.
      budget: spent > 0 ? roundFifty((spent / 28) * monthDays) : 0,
      budgetPeriod: 'monthly',
      utmCampaign: source.campaign,
      utmSource: source.source,
      utmMedium: source.medium,
    });
  }
  const days = await dailyMeasures(db, store.id, { from, to, days: 28 });
  const netSales = days.reduce(
    (n, d) => n + d.measures.grossSales - d.measures.discounts - d.measures.refunds,
    0,
  );
  await createGoal(db, store.id, actor, {
    name: `${monthStart.setLocale('en').toFormat('LLLL')} net sales`,
    metric: 'netSales',
    periodKind: 'month',
    period: monthStart.toFormat('yyyy-LL'),
    target: roundFifty((netSales / 28) * monthDays * 1.1),
  });
}
