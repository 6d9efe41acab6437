// Ad spend through the API: a Google Ads report imported (Total rows left out, exact amounts),
// imported again without counting twice, a Meta report in US dollars converted at the store's
// rate, a broken file refused whole; then ROAS, cost per order and MER against the sessions and
// orders the campaigns brought (real events and order facts, rolled up).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import { runAt } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { ingestEvents, rollUpDirtyDays } from '../analytics/index.ts';
import { recordExchangeRate } from '../markets/exchange-rates.ts';
import { placeTestOrder } from '../orders/testing/order-fixtures.ts';

const actor = systemActor('ad spend test');
const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/ad-spend/${name}`, import.meta.url));

for (const target of testDatabaseTargets()) {
  describe(`ad spend and campaign returns on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    const spendTotal = async () =>
      Number(
        resultRows<{ n: number }>(
          await database.db.execute(
            sql`select coalesce(sum(spend_in_store_currency), 0)::bigint as n from marketing_ad_spend where store_id = ${store.id}`,
          ),
        )[0]!.n,
      );
    const upload = (body: Buffer, query = '') =>
      api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/marketing/ad-spend${query}`,
        headers: { 'content-type': 'text/csv' },
        payload: body,
      });

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'linen-ads',
        name: 'Linen',
        baseCurrency: 'EUR',
      });
      await recordExchangeRate(database.db, store, actor, {
        quoteCurrency: 'USD',
        rate: '1.25',
        effectiveOn: '2024-01-01',
      });
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['marketing:read', 'marketing:write']));
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('a Google Ads report: imported once, however often it is sent', async () => {
      const res = await upload(fixture('google-ads-campaigns-daily.csv'));
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.equal(body.platform, 'google_ads');
      assert.ok(body.totalRowsSkipped >= 1, 'the Total rows');
      assert.ok(body.campaigns.includes('Brand – Search'));
      const first = await spendTotal();
      assert.equal(first, body.spend);
      // 38.41 + 41.07 + 35.90 for the brand campaign's three days.
      const [brand] = resultRows<{ spend: number }>(
        await database.db.execute(
          sql`select sum(spend)::bigint as spend from marketing_ad_spend where store_id = ${store.id} and campaign = 'Brand – Search'`,
        ),
      );
      assert.equal(Number(brand!.spend), 3841 + 4107 + 3590);
      assert.equal((await upload(fixture('google-ads-campaigns-daily.csv'))).statusCode, 201);
      assert.equal(await spendTotal(), first, 'the same days replaced, not added');
    });

    test('a broken file is refused whole, with each problem; nothing is written', async () => {
      const before = await spendTotal();
      const res = await upload(fixture('google-ads-malformed.csv'));
      assert.equal(res.statusCode, 422, res.body);
      const error = res.json().error;
      assert.equal(error.code, 'invalid_ad_spend_file');
      assert.ok(error.details.problems.length > 0);
      assert.ok(error.details.problems.every((p: { code: string }) => typeof p.code === 'string'));
      assert.equal((await upload(fixture('unknown-layout.csv'))).statusCode, 422);
      assert.equal((await upload(Buffer.from(''))).statusCode, 400);
      assert.equal(await spendTotal(), before);
    });

    test('returns per campaign: spend against the sessions and orders it brought', async () => {
      // Two sessions tagged with the brand campaign on 2 March 2024, one of which ordered 120.00.
      const order = await runAt(new Date('2024-03-02T12:00:00Z'), () =>
        placeTestOrder(database, store, { quantities: [1], unitAmount: 12_000, shippingAmount: 0 }),
      );
      const tags = { source: 'google', medium: 'cpc', campaign: 'Brand – Search' };
      await ingestEvents(
        database.db,
        store,
        [
          {
            eventId: 'x1',
            name: 'page_view',
            occurredAt: '2024-03-02T11:50:00Z',
            visitorId: 'v1',
            sessionId: 's1',
            sessionStart: true,
            ...tags,
          },
          {
            eventId: 'x2',
            name: 'purchase',
            occurredAt: '2024-03-02T12:00:00Z',
            visitorId: 'v1',
            sessionId: 's1',
            orderId: order.order.id,
            ...tags,
          },
          {
            eventId: 'x3',
            name: 'page_view',
            occurredAt: '2024-03-02T15:00:00Z',
            visitorId: 'v2',
            sessionId: 's2',
            sessionStart: true,
            ...tags,
          },
        ],
        new Date('2024-03-05T00:00:00Z'),
      );
      while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
      while ((await rollUpDirtyDays(database.db)) > 0);
      const res = await api({
        url: `/api/admin/stores/${store.id}/marketing/returns?from=2024-03-01&to=2024-03-03`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      const brand = report.campaigns.find((c: { campaign: string }) => c.campaign === 'Brand – Search');
      assert.equal(brand.spend, 11_538);
      assert.equal(brand.sessions, 2);
      assert.equal(brand.orders, 1);
      assert.equal(brand.netSales, 12_000);
      assert.equal(brand.roas, 12_000 / 11_538);
      assert.equal(brand.costPerOrder, 11_538);
      const paidSearch = report.channels.find((c: { channel: string }) => c.channel === 'Paid Search');
      assert.equal(paidSearch.netSales, 12_000);
      assert.equal(report.totals.mer, 12_000 / report.totals.spend);
    });

    test('a Meta report in US dollars is converted at the store rate', async () => {
      const before = await spendTotal();
      const res = await upload(fixture('meta-ads-monthly-usd.csv'));
      assert.equal(res.statusCode, 201, res.body);
      const added = (await spendTotal()) - before;
      const [usd] = resultRows<{ spend: number }>(
        await database.db.execute(
          sql`select sum(spend)::bigint as spend from marketing_ad_spend where store_id = ${store.id} and currency = 'USD'`,
        ),
      );
      // 1.25 USD to the euro: within a cent per campaign-day of rounding.
      assert.ok(
        Math.abs(added - Number(usd!.spend) / 1.25) <= 60,
        `${added} vs ${Number(usd!.spend) / 1.25}`,
      );
    });

    test('permission: reading is marketing:read, importing marketing:write', async () => {
      const reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['marketing:read']));
      const res = await reader({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/marketing/ad-spend`,
        headers: { 'content-type': 'text/csv' },
        payload: fixture('manual-spend.csv'),
      });
      assert.equal(res.statusCode, 403);
    });
  });
}
