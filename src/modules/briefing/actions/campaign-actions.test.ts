// The briefing's campaign actions on both databases, from imported spend and the campaign rollups:
// a campaign whose week brought less than it spent is an action, with what pausing saves at stake;
// refunds of a campaign's earlier orders are said as refunds, never as negative sales; a campaign
// that paid for itself says nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, rolePermissions, type Store, systemActor } from '../../access/index.ts';
import { writeDailyRollups } from '../../analytics/testing/rollup-rows.ts';
import { importAdSpend } from '../../marketing/index.ts';
import { campaignActions } from './campaign-actions.ts';

const actor = systemActor('campaign actions test');
const day = '2026-10-20';
const week = [6, 5, 4, 3, 2, 1, 0].map((back) => DateTime.fromISO(day).minus({ days: back }).toISODate()!);

for (const target of testDatabaseTargets()) {
  describe(`briefing campaign actions on ${target.label}`, () => {
    let database: Database;
    let store: Store;

    before(async () => {
      database = await target.create();
      store = await createStore(database.db, actor, {
        handle: 'campaign-briefing',
        name: 'Campaign briefing shop',
        baseCurrency: 'EUR',
        timezone: 'Europe/Paris',
      });
      // Three campaigns at €20 a day: one sells nothing and is refunded €18 on an earlier order,
      // one sells €60 and is refunded €30, one pays for itself.
      const spend = week.flatMap((d) =>
        ['Autumn retargeting', 'Brand search', 'Gift guide'].map(
          (campaign) => `${d},${campaign},20.00,EUR,Paid Search,google,cpc,,`,
        ),
      );
      await importAdSpend(
        database.db,
        actor,
        store,
        `date,campaign,spend,currency,channel,source,medium,impressions,clicks\n${spend.join('\n')}\n`,
      );
      const campaignDay = (value: string, d: string, measures: object) => ({
        storeId: store.id,
        day: d,
        dimension: 'campaign',
        value,
        ...measures,
      });
      await writeDailyRollups(database.db, [
        campaignDay('Autumn retargeting', week[3]!, { sessions: 40, refunds: 1800 }),
        campaignDay('Brand search', week[1]!, { sessions: 30, orders: 2, grossSales: 6000, refunds: 3000 }),
        campaignDay('Gift guide', week[2]!, { sessions: 50, orders: 9, grossSales: 45000 }),
      ]);
    });
    after(async () => {
      await database.close();
    });

    test('a week of refunds without sales reads as refunds; what pausing saves is the spend', async () => {
      const actions = await campaignActions(database.db, {
        store,
        day,
        at: new Date(`${day}T08:00:00Z`),
        permissions: new Set(rolePermissions.owner),
      });
      assert.deepEqual(actions.map((a) => a.title).sort(), [
        'Pause or fix the campaign “Autumn retargeting”: ROAS -0.13 over the last 7 days',
        'Pause or fix the campaign “Brand search”: ROAS 0.21 over the last 7 days',
      ]);
      const refunded = actions.find((a) => a.title.includes('Autumn retargeting'))!;
      assert.equal(
        refunded.detail,
        '€140.00 spent brought 0 orders, and €18.00 was refunded on orders it brought before.',
      );
      assert.doesNotMatch(refunded.detail, /−|-€/);
      assert.deepEqual(refunded.atStake, { amount: 14000, currency: 'EUR' });
      assert.equal(refunded.urgency, 'now');
      const brand = actions.find((a) => a.title.includes('Brand search'))!;
      assert.equal(
        brand.detail,
        '€140.00 spent brought 2 orders and €30.00 in sales after €30.00 of refunds.',
      );
      assert.deepEqual(brand.atStake, { amount: 11000, currency: 'EUR' });
    });
  });
}
