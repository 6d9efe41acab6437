// Goals through the API on crafted rollups (a week that repeats exactly, so the forecast is exact
// and every figure below is worked out by hand): store-wide, channel and category goals paced on
// 15 June 2026, a finished and a future month, bad input refused with its code and nothing
// written, who may see and change goals, and the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import {
  Browser,
  makeApiKey,
  makeMember,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import { runAt } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, listAudit, type Store, systemActor } from '../access/index.ts';
import { writeDailyProductRollups, writeDailyRollups } from '../analytics/testing/rollup-rows.ts';
import { storeGoalsPacing } from './index.ts';

const actor = systemActor('goals test');
/** Monday 15 June 2026, noon in the store's zone: days up to Sunday 14 June are history. */
const today = new Date('2026-06-15T12:00:00Z');
/** Orders by weekday, Monday first: 91 a week. */
const ordersOn = [10, 11, 12, 13, 14, 15, 16];
const orderValue = 5000;

for (const target of testDatabaseTargets()) {
  describe(`goals on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let clothing: string;
    const at = <T>(fn: () => Promise<T>) => runAt(today, fn);
    /** Creates a goal and answers its pacing as of 15 June (or the refusal). */
    const post = async (payload: object) => {
      const res = await api({ method: 'POST', url: `/api/admin/stores/${store.id}/goals`, payload });
      if (res.statusCode !== 201) return res;
      return api({
        method: 'GET',
        url: `/api/admin/stores/${store.id}/goals/${res.json().goal.id}?asOf=2026-06-15`,
      });
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'goal-shop',
        name: 'Goals',
        baseCurrency: 'EUR',
      });
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, [
          'analytics:read',
          'goals:write',
          'catalog:write',
          'audit:read',
        ]),
      );
      const category = async (name: string, parentId?: string) =>
        (
          await api({
            method: 'POST',
            url: `/api/admin/stores/${store.id}/categories`,
            payload: { name, parentId },
          })
        ).json().category.id as string;
      clothing = await category('Clothing');
      const shirts = await category('Shirts', clothing);
      const home = await category('Home');
      const rows = [];
      const products = [];
      for (
        let d = DateTime.fromISO('2026-02-02');
        d < DateTime.fromISO('2026-06-15');
        d = d.plus({ days: 1 })
      ) {
        const day = d.toISODate()!;
        const orders = ordersOn[d.weekday - 1]!;
        rows.push({
          storeId: store.id,
          day,
          sessions: orders * 10,
          purchaseSessions: orders,
          orders,
          newCustomerOrders: orders - 5,
          units: orders * 2,
          grossSales: orders * orderValue,
        });
        rows.push({
          storeId: store.id,
          day,
          dimension: 'channel',
          value: 'Email',
          sessions: 20,
          purchaseSessions: 2,
          orders: 2,
          grossSales: 2 * orderValue,
        });
        products.push(
          { storeId: store.id, day, productId: 'p-shirt', categoryId: shirts, units: 3, grossSales: 3000 },
          { storeId: store.id, day, productId: 'p-coat', categoryId: clothing, units: 2, grossSales: 9000 },
          { storeId: store.id, day, productId: 'p-lamp', categoryId: home, units: 7, grossSales: 7000 },
        );
      }
      await writeDailyRollups(database.db, rows);
      await writeDailyProductRollups(database.db, products);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('net sales for June: 1,910,000 so far… 182 orders so far, 385 projected', async () => {
      const res = await post({
        metric: 'netSales',
        periodKind: 'month',
        period: '2026-06',
        target: 1_900_000,
      });
      assert.equal(res.statusCode, 200, res.body);
      const { goal, pace, elapsedDays, totalDays, currency } = res.json();
      assert.deepEqual(
        [goal.startDay, goal.endDay, totalDays, elapsedDays, currency],
        ['2026-06-01', '2026-06-30', 30, 14, 'EUR'],
      );
      // 1–14 June: two whole weeks of 91 orders. The month: four weeks and Monday 29 and Tuesday 30.
      assert.equal(pace.actual, 2 * 91 * orderValue);
      assert.ok(Math.abs(pace.projected - (4 * 91 + 10 + 11) * orderValue) < 0.01, String(pace.projected));
      assert.equal(pace.probability, 1);
      assert.equal(pace.status, 'on_pace');
      assert.equal(pace.method, 'holt-winters');
      assert.equal(pace.remainingDays, 16);
      const missed = (
        await post({ metric: 'netSales', periodKind: 'month', period: '2026-06', target: 2_000_000 })
      ).json();
      assert.deepEqual([missed.pace.probability, missed.pace.status], [0, 'behind']);
    });

    test('ratios from sums: conversion 10 %, average order 50.00', async () => {
      const conversion = (
        await post({ metric: 'conversionRate', periodKind: 'month', period: '2026-06', target: 0.09 })
      ).json();
      assert.ok(Math.abs(conversion.pace.projected - 0.1) < 1e-9);
      assert.equal(conversion.pace.status, 'on_pace');
      const aov = (
        await post({ metric: 'averageOrderValue', periodKind: 'month', period: '2026-06', target: 5100 })
      ).json();
      assert.ok(Math.abs(aov.pace.projected - orderValue) < 1e-6);
      assert.equal(aov.pace.status, 'behind');
    });

    test('a channel goal reads that channel only: 2 Email orders a day', async () => {
      const res = await post({
        metric: 'orders',
        periodKind: 'custom',
        startDay: '2026-06-01',
        endDay: '2026-06-30',
        scope: 'channel',
        scopeValue: 'Email',
        target: 50,
      });
      assert.equal(res.statusCode, 200, res.body);
      const { pace } = res.json();
      assert.equal(pace.actual, 28);
      assert.ok(Math.abs(pace.projected - 60) < 1e-6, String(pace.projected));
    });

    test('a category goal counts the categories below it: 3 + 2 units a day, not the lamps', async () => {
      const res = await post({
        metric: 'units',
        periodKind: 'month',
        period: '2026-06',
        scope: 'category',
        scopeValue: clothing,
        target: 140,
      });
      assert.equal(res.statusCode, 200, res.body);
      const { pace, goal } = res.json();
      assert.match(goal.name, /Clothing/);
      assert.equal(pace.actual, 14 * 5);
      assert.ok(Math.abs(pace.projected - 30 * 5) < 1e-6, String(pace.projected));
    });

    test('a finished month is achieved or missed; a future one is all forecast', async () => {
      // May 2026: 31 days from a Friday, four weeks and Friday to Sunday.
      const may = (
        await post({ metric: 'orders', periodKind: 'month', period: '2026-05', target: 400 })
      ).json();
      assert.equal(may.pace.actual, 4 * 91 + 14 + 15 + 16);
      assert.equal(may.pace.status, 'achieved');
      const q3 = (
        await post({ metric: 'orders', periodKind: 'quarter', period: '2026-Q3', target: 1000 })
      ).json();
      assert.deepEqual(
        [q3.goal.startDay, q3.goal.endDay, q3.pace.actual, q3.elapsedDays],
        ['2026-07-01', '2026-09-30', 0, 0],
      );
      // 92 days from a Wednesday: 13 weeks and Wednesday.
      assert.ok(Math.abs(q3.pace.projected - (13 * 91 + 12)) < 1e-6, String(q3.pace.projected));
    });

    test('the briefing function lists the current goals only', async () => {
      const current = await at(() => storeGoalsPacing(database.db, store, { current: true }));
      assert.ok(current.length >= 5);
      assert.ok(current.every((g) => g.goal.startDay <= '2026-06-15' && g.goal.endDay >= '2026-06-15'));
      const all = await at(() => storeGoalsPacing(database.db, store));
      assert.ok(all.some((g) => g.goal.endDay === '2026-05-31'));
    });

    test('bad input: a 400 with its code, and nothing written', async () => {
      const count = async () => (await at(() => storeGoalsPacing(database.db, store))).length;
      const before = await count();
      const cases: [object, string][] = [
        [
          { metric: 'orders', periodKind: 'custom', startDay: '2026-06-30', endDay: '2026-06-01', target: 5 },
          'invalid_period',
        ],
        [{ metric: 'orders', periodKind: 'month', period: '2026-13', target: 5 }, 'invalid_period'],
        [{ metric: 'orders', periodKind: 'quarter', period: '2026-06', target: 5 }, 'invalid_period'],
        [
          { metric: 'orders', periodKind: 'custom', startDay: '2026-01-01', endDay: '2027-06-01', target: 5 },
          'invalid_period',
        ],
        [{ metric: 'orders', periodKind: 'month', period: '2026-06', target: 0 }, 'invalid_target'],
        [{ metric: 'netSales', periodKind: 'month', period: '2026-06', target: -100 }, 'invalid_target'],
        [{ metric: 'netSales', periodKind: 'month', period: '2026-06', target: 19.99 }, 'invalid_target'],
        [{ metric: 'conversionRate', periodKind: 'month', period: '2026-06', target: 2.5 }, 'invalid_target'],
        [{ metric: 'profit', periodKind: 'month', period: '2026-06', target: 5 }, 'validation_failed'],
        [
          {
            metric: 'orders',
            periodKind: 'month',
            period: '2026-06',
            target: 5,
            scope: 'channel',
            scopeValue: 'Carrier pigeon',
          },
          'unknown_channel',
        ],
        [
          { metric: 'orders', periodKind: 'month', period: '2026-06', target: 5, scope: 'channel' },
          'scope_value_required',
        ],
        [
          {
            metric: 'units',
            periodKind: 'month',
            period: '2026-06',
            target: 5,
            scope: 'category',
            scopeValue: 'cat_nope',
          },
          'unknown_category',
        ],
        [
          {
            metric: 'sessions',
            periodKind: 'month',
            period: '2026-06',
            target: 5,
            scope: 'category',
            scopeValue: clothing,
          },
          'metric_not_available_for_scope',
        ],
      ];
      for (const [payload, code] of cases) {
        const res = await post(payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, code, JSON.stringify(payload));
      }
      assert.equal(await count(), before);
    });

    test('change and remove, each audited with before and after', async () => {
      const created = (
        await post({ metric: 'sessions', periodKind: 'month', period: '2026-06', target: 3000 })
      ).json();
      const id = created.goal.id;
      const put = await api({
        method: 'PUT',
        url: `/api/admin/stores/${store.id}/goals/${id}`,
        payload: {
          metric: 'sessions',
          periodKind: 'month',
          period: '2026-06',
          target: 4000,
          name: 'Traffic',
        },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual([put.json().goal.target, put.json().goal.name], [4000, 'Traffic']);
      const bad = await api({
        method: 'PUT',
        url: `/api/admin/stores/${store.id}/goals/${id}`,
        payload: { metric: 'sessions', periodKind: 'month', period: '2026-06', target: -1 },
      });
      assert.equal(bad.statusCode, 400);
      const del = await api({ method: 'DELETE', url: `/api/admin/stores/${store.id}/goals/${id}` });
      assert.equal(del.statusCode, 204);
      assert.equal(
        (await api({ method: 'GET', url: `/api/admin/stores/${store.id}/goals/${id}` })).statusCode,
        404,
      );
      const { items } = await listAudit(database.db, store.id, {
        entityType: 'goal',
        entityId: id,
        limit: 10,
      } as never);
      const actions = items.map((e: { action: string }) => e.action).sort();
      assert.deepEqual(actions, ['goal.created', 'goal.deleted', 'goal.updated']);
      const updated = items.find((e: { action: string }) => e.action === 'goal.updated') as {
        before: { target: number };
        after: { target: number };
      };
      assert.deepEqual([updated.before.target, updated.after.target], [3000, 4000]);
    });

    test('analysts see goals, marketing may set them, support sees none', async () => {
      const url = `/api/admin/stores/${store.id}/goals`;
      const payload = { metric: 'orders', periodKind: 'month', period: '2026-06', target: 300 };
      const analyst = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'analyst')).email);
      assert.equal((await analyst.request({ method: 'GET', url })).statusCode, 200);
      const refused = await analyst.request({ method: 'POST', url, payload });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'permission_denied');
      const marketing = await Browser.signIn(
        sp.app,
        (await makeMember(database, store.id, 'marketing')).email,
      );
      assert.equal((await marketing.request({ method: 'POST', url, payload })).statusCode, 201);
      const support = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      assert.equal((await support.request({ method: 'GET', url })).statusCode, 403);
    });
  });
}
