// The portfolio across stores: only stores the person may read analytics of, two base currencies
// brought into one (each day at its own rate, a rate recorded either way round), a store without a
// rate named rather than guessed, totals over the rest, and bad input refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import {
  Browser,
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { addMember, createUser, type Store, systemActor } from '../access/index.ts';
import { writeDailyRollups } from '../analytics/testing/rollup-rows.ts';
import { createGoal } from '../goals/index.ts';
import { recordExchangeRate } from '../markets/exchange-rates.ts';

const actor = systemActor('portfolio test');
const period = 'from=2026-06-05&to=2026-06-14';

for (const target of testDatabaseTargets()) {
  describe(`portfolio on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let euro: Store;
    let dollar: Store;
    let hidden: Store;
    let contentOnly: Store;
    let manager: Browser;
    const get = (query: string) => manager.request({ method: 'GET', url: `/api/admin/portfolio?${query}` });

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      euro = await makeStore(database, 'euro-shop', 'EUR');
      dollar = await makeStore(database, 'dollar-shop', 'USD');
      hidden = await makeStore(database, 'not-mine', 'EUR');
      contentOnly = await makeStore(database, 'copy-only', 'EUR');
      const email = `manager-${process.pid}@example.test`;
      await createUser(database.db, actor, { email, password: 'correct horse battery', name: 'Manager' });
      await addMember(database.db, actor, euro.id, { email, role: 'manager' });
      await addMember(database.db, actor, dollar.id, { email, role: 'analyst' });
      await addMember(database.db, actor, contentOnly.id, { email, role: 'content' });
      manager = await Browser.signIn(sp.app, email);
      // 1 USD is 0.80 EUR until 9 June, 0.90 from 10 June (the dollar store's own rates).
      await recordExchangeRate(database.db, dollar, actor, {
        quoteCurrency: 'EUR',
        rate: '0.8',
        effectiveOn: '2026-01-01',
      });
      await recordExchangeRate(database.db, dollar, actor, {
        quoteCurrency: 'EUR',
        rate: '0.9',
        effectiveOn: '2026-06-10',
      });
      const rows = [];
      for (
        let d = DateTime.fromISO('2026-05-26');
        d <= DateTime.fromISO('2026-06-14');
        d = d.plus({ days: 1 })
      ) {
        const day = d.toISODate()!;
        const later = day >= '2026-06-05';
        // The euro store doubles its sales in the period; the dollar store sells the same.
        rows.push(
          {
            storeId: euro.id,
            day,
            grossSales: later ? 10_000 : 5_000,
            orders: later ? 2 : 1,
            sessions: 100,
            purchaseSessions: later ? 2 : 1,
          },
          {
            storeId: dollar.id,
            day,
            grossSales: 1_100,
            discounts: 100,
            orders: 1,
            sessions: 50,
            purchaseSessions: 1,
          },
          { storeId: hidden.id, day, grossSales: 999_999, orders: 9, sessions: 9 },
          { storeId: contentOnly.id, day, grossSales: 999_999, orders: 9, sessions: 9 },
        );
      }
      await writeDailyRollups(database.db, rows);
      // A goal running today that the store is far from: behind.
      const today = DateTime.utc();
      await createGoal(database.db, euro.id, actor, {
        metric: 'orders',
        periodKind: 'custom',
        startDay: today.minus({ days: 3 }).toISODate()!,
        endDay: today.plus({ days: 3 }).toISODate()!,
        target: 1_000_000,
      });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('only the stores the person may read analytics of', async () => {
      const res = await get(`currency=EUR&${period}`);
      assert.equal(res.statusCode, 200, res.body);
      const ids = res
        .json()
        .stores.map((s: { store: { id: string } }) => s.store.id)
        .sort();
      assert.deepEqual(ids, [euro.id, dollar.id].sort());
    });

    test('in euros: the dollar store converted day by day at its own rates', async () => {
      const body = (await get(`currency=EUR&${period}`)).json();
      assert.equal(body.currency, 'EUR');
      assert.deepEqual(body.unconverted, []);
      const byId = new Map(body.stores.map((s: { store: { id: string } }) => [s.store.id, s]));
      const usd = byId.get(dollar.id) as {
        converted: boolean;
        kpis: Record<string, { value: number; previous: number; change: number }>;
        trend: { day: string; netSales: number }[];
      };
      // 10.00 USD a day: 8.00 EUR on 5–9 June, 9.00 EUR on 10–14 June.
      assert.equal(usd.converted, true);
      assert.equal(usd.kpis.netSales!.value, 5 * 800 + 5 * 900);
      assert.equal(usd.kpis.netSales!.previous, 10 * 800);
      assert.equal(usd.trend[0]!.netSales, 800);
      assert.equal(usd.trend.at(-1)!.netSales, 900);
      assert.equal(usd.kpis.averageOrderValue!.value, 850);
      const eur = byId.get(euro.id) as typeof usd;
      assert.equal(eur.kpis.netSales!.value, 100_000);
      assert.equal(eur.kpis.netSales!.change, 1);
      assert.equal(eur.kpis.conversionRate!.value, 0.02);
      assert.equal(body.totals.netSales.value, 100_000 + 8_500);
      assert.equal(body.totals.orders.value, 20 + 10);
      assert.equal(body.totals.sessions.value, 1000 + 500);
      assert.equal(body.trend[0].netSales, 10_000 + 800);
      assert.equal(body.trend.length, 10);
    });

    test('goals and alerts are counted per store', async () => {
      const body = (await get(`currency=EUR&${period}`)).json();
      const eur = body.stores.find((s: { store: { id: string } }) => s.store.id === euro.id);
      assert.deepEqual(eur.goals, { on_pace: 0, at_risk: 0, behind: 1 });
      assert.ok(Array.isArray(eur.anomalies.flagged));
    });

    test('in dollars: the euro store has no rate and is named, not guessed; then a rate the other way round', async () => {
      const before = (await get(`currency=USD&${period}`)).json();
      assert.deepEqual(before.unconverted, [euro.id]);
      const eur = before.stores.find((s: { store: { id: string } }) => s.store.id === euro.id);
      assert.equal(eur.converted, false);
      assert.equal(eur.kpis.netSales.value, null);
      assert.equal(eur.kpis.orders.value, 20, 'counts need no rate');
      assert.equal(before.totals.netSales.value, 10 * 1_000, 'the dollar store alone');
      // The euro store records 1 USD = 0.80 EUR: 100.00 EUR a day is 125.00 USD.
      await recordExchangeRate(database.db, euro, actor, {
        baseCurrency: 'USD',
        quoteCurrency: 'EUR',
        rate: '0.8',
        effectiveOn: '2026-06-01',
      });
      const afterRate = (await get(`currency=USD&${period}`)).json();
      assert.deepEqual(afterRate.unconverted, []);
      assert.equal(afterRate.totals.netSales.value, 10 * 12_500 + 10 * 1_000);
    });

    test('bad input: a 400 with its code; an API key is not a person', async () => {
      const unknown = await get(`currency=XYZ&${period}`);
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'invalid_currency');
      const reversed = await get('currency=EUR&from=2026-06-14&to=2026-06-01');
      assert.equal(reversed.statusCode, 400);
      assert.equal(reversed.json().error.code, 'invalid_period');
      assert.equal((await get('currency=EUR&from=june')).statusCode, 400);
      const key = withApiKey(sp.app, await makeApiKey(database, euro.id, ['analytics:read']));
      const byKey = await key({ method: 'GET', url: `/api/admin/portfolio?${period}` });
      assert.equal(byKey.statusCode, 403);
      assert.equal(
        (await sp.app.inject({ method: 'GET', url: `/api/admin/portfolio?${period}` })).statusCode,
        401,
      );
    });
  });
}
