// Bad input to the analytics, insights and marketing reports, and to `analytics rebuild`: a clear
// 4xx with a machine-readable code, never a 500, and nothing written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../../test/support/app-harness.ts';
import { runAnalyticsRebuild } from '../../../cli/analytics-rebuild.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';

const actor = systemActor('report bad input test');

for (const target of testDatabaseTargets()) {
  describe(`report bad input on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'bad-reports',
        name: 'Bad',
        baseCurrency: 'EUR',
      });
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, [
          'analytics:read',
          'analytics:write',
          'marketing:read',
          'marketing:write',
        ]),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('each report refuses a malformed or impossible query with a 400 and a code', async () => {
      const base = `/api/admin/stores/${store.id}`;
      const cases: [string, string][] = [
        ['/analytics/kpis?from=2026-03-10&to=2026-03-01', 'invalid_period'],
        ['/analytics/kpis?from=2020-01-01&to=2026-01-01', 'invalid_period'],
        ['/analytics/kpis?from=March&to=2026-03-01', ''],
        ['/analytics/kpis?from=2026-03-01&to=2026-03-02&dimension=channel', ''],
        ['/analytics/kpis?from=2026-03-01&to=2026-03-02&compare=sometimes', ''],
        ['/analytics/breakdown?from=2026-03-01&to=2026-03-02&dimension=planet', ''],
        ['/analytics/explore?metric=happiness&from=2026-03-01&to=2026-03-02', 'validation_failed'],
        [
          '/analytics/explore?metric=sessions&breakdown=planet&from=2026-03-01&to=2026-03-02',
          'validation_failed',
        ],
        [
          '/analytics/explore?metric=sessions&granularity=hour&from=2026-03-01&to=2026-03-02',
          'validation_failed',
        ],
        ['/analytics/explore?metric=sessions&from=2026-03-10&to=2026-03-01', 'invalid_period'],
        ['/analytics/explore?metric=sessions&from=2020-01-01&to=2026-01-01', 'invalid_period'],
        ['/analytics/explore?metric=sessions&from=2026-03-01&to=2026-03-02&top=0', 'validation_failed'],
        ['/analytics/explore?from=2026-03-01&to=2026-03-02', 'validation_failed'],
        ['/analytics/funnel?from=2026-03-01&to=2026-03-02&breakdown=planet', 'validation_failed'],
        ['/analytics/funnel?from=2026-03-10&to=2026-03-01', 'invalid_period'],
        ['/analytics/products?from=2026-03-01&to=2026-03-02&limit=0', ''],
        ['/analytics/search-terms?from=2026-03-01&to=2026-03-02&withoutResults=maybe', ''],
        ['/analytics/customers/cohorts?months=0', ''],
        ['/marketing/returns?from=2026-03-10&to=2026-03-01', 'invalid_period'],
        ['/marketing/returns?from=2026-03-01', ''],
        ['/marketing/attribution?from=2026-03-10&to=2026-03-01', 'invalid_period'],
        [
          '/marketing/attribution?from=2026-03-01&to=2026-03-02&model=data_driven',
          'invalid_attribution_model',
        ],
        ['/marketing/attribution?from=2026-03-01&to=2026-03-02&lookbackDays=400', 'invalid_lookback'],
        ['/marketing/discount-codes?from=2026-03-10&to=2026-03-01', 'invalid_period'],
        ['/marketing/campaigns?asOf=soon', ''],
        ['/insights/anomalies?day=2026-02-30', ''],
      ];
      for (const [path, code] of cases) {
        const res = await api({ url: `${base}${path}` });
        assert.equal(res.statusCode, 400, `${path}: ${res.statusCode} ${res.body}`);
        const error = res.json().error;
        assert.ok(typeof error.code === 'string' && error.message, path);
        if (code) assert.equal(error.code, code, path);
      }
    });

    test('a bad ad spend query parameter writes nothing', async () => {
      const res = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/marketing/ad-spend?platform=tiktok`,
        headers: { 'content-type': 'text/csv' },
        payload: 'Date,Campaign,Spend,Currency\n2026-03-01,Spring,10.00,EUR\n',
      });
      assert.equal(res.statusCode, 400);
      const [row] = resultRows<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from marketing_ad_spend where store_id = ${store.id}`,
        ),
      );
      assert.equal(Number(row!.n), 0);
    });

    test('analytics rebuild: no store, or an unknown one, is refused plainly', async () => {
      await assert.rejects(runAnalyticsRebuild(database.db, {}), (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.status, 400);
        assert.match(err.message, /--store/);
        return true;
      });
      await assert.rejects(runAnalyticsRebuild(database.db, { store: 'no-such-shop' }), (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.status, 404);
        return true;
      });
      const empty = await runAnalyticsRebuild(database.db, { store: 'bad-reports' });
      assert.match(empty.output, /nothing to roll up/);
    });
  });
}
