// Attribution through the API on crafted journeys: each model's split of a three-session journey
// (Meta → newsletter → direct), a direct-only journey, the lookback window's edge, sums that equal
// the period's net sales to the minor unit, CAC with new against returning customers, and discount
// code performance against orders without a code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import { runAt } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { ingestEvents } from '../analytics/index.ts';
import { placeTestOrder } from '../orders/testing/order-fixtures.ts';

const actor = systemActor('attribution test');
const hour = 3_600_000;
const day = 24 * hour;

interface Row {
  channel?: string;
  campaign?: string;
  utmCampaign?: string | null;
  orders: number;
  revenue: number;
  newCustomers: number;
  spend: number;
  roas: number | null;
  cpa: number | null;
  cac: number | null;
}

for (const target of testDatabaseTargets()) {
  describe(`attribution of orders to channels and campaigns on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let eventCount = 0;
    const report = async (query: string) => {
      const res = await api({ url: `/api/admin/stores/${store.id}/marketing/attribution?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { totals: Record<string, number | null>; channels: Row[]; campaigns: Row[] };
    };
    const channel = (rows: Row[], name: string) => rows.find((r) => r.channel === name);
    const revenueBy = (rows: Row[], key: 'channel' | 'utmCampaign') =>
      Object.fromEntries(rows.filter((r) => r.revenue !== 0).map((r) => [r[key] ?? '(not set)', r.revenue]));

    /** A visit starting at `at` by `visitor`, with the tags it arrived with (none: direct). */
    const visit = (
      visitor: string,
      at: Date,
      tags: { source?: string; medium?: string; campaign?: string } = {},
    ) => ({
      eventId: `e${++eventCount}`,
      name: 'page_view',
      occurredAt: at.toISOString(),
      visitorId: visitor,
      sessionId: `s${eventCount}`,
      sessionStart: true,
      ...tags,
    });
    /** An order placed at `at` in the visitor's last session, for `amount` (no shipping). */
    const order = async (
      visitor: string | null,
      at: Date,
      amount: number,
      options: { customerId?: string; lineDiscount?: number } = {},
    ) => {
      const placed = await runAt(at, () =>
        placeTestOrder(database, store, {
          quantities: [1],
          unitAmount: amount,
          shippingAmount: 0,
          customerId: options.customerId ?? null,
          ...(options.lineDiscount ? { lineDiscounts: [options.lineDiscount] } : {}),
        }),
      );
      if (visitor) {
        await ingestEvents(
          database.db,
          store,
          [
            {
              eventId: `e${++eventCount}`,
              name: 'purchase',
              occurredAt: at.toISOString(),
              visitorId: visitor,
              sessionId: `purchase-${eventCount}`,
              orderId: placed.order.id,
            },
          ],
          new Date('2024-06-30T00:00:00Z'),
        );
      }
      return placed;
    };

    const placedAt = new Date('2024-05-20T12:00:00Z');
    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'attribution',
        name: 'Attribution',
        baseCurrency: 'EUR',
      });
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['marketing:read', 'marketing:write']));
      const before = (ms: number) => new Date(placedAt.getTime() - ms);
      await ingestEvents(
        database.db,
        store,
        [
          // Ada: Meta ad 10 days before, the newsletter 5 days before, then typed the address.
          visit('ada', before(10 * day), { source: 'facebook', medium: 'paid', campaign: 'Spring_Sale' }),
          visit('ada', before(5 * day), { source: 'newsletter', medium: 'email', campaign: 'may_news' }),
          visit('ada', before(10 * 60_000)),
          // Ben came only directly.
          visit('ben', before(2 * hour)),
          // Cy: a Meta click 30 days and an hour before (outside the default window), a Google ad
          // click exactly 30 days before (inside: the edge is kept), then directly on the day.
          visit('cy', before(30 * day + hour), {
            source: 'facebook',
            medium: 'paid',
            campaign: 'spring_sale',
          }),
          visit('cy', before(30 * day), { source: 'google', medium: 'cpc', campaign: 'brand' }),
          visit('cy', before(hour)),
        ],
        new Date('2024-06-30T00:00:00Z'),
      );
      await order('ada', placedAt, 10_000, { customerId: 'cus_ada' });
      // Ben ordered before, in April: his May order is a returning customer's.
      await order(null, new Date('2024-04-02T09:00:00Z'), 2_000, { customerId: 'cus_ben' });
      await order('ben', placedAt, 5_000, { customerId: 'cus_ben' });
      await order('cy', placedAt, 7_001, {
        customerId: 'cus_cy',
        lineDiscount: 1_001,
      });
      // Placed by staff, no session at all.
      await order(null, new Date(placedAt.getTime() + 2 * hour), 999, { customerId: 'cus_staff' });
      while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
      for (const entry of [
        { campaign: 'Spring_Sale', channel: 'Paid Social', day: '2024-05-10', amount: 4_000 },
        { campaign: 'may_news', channel: 'Email', day: '2024-05-15', amount: 1_000 },
        { campaign: 'brand', channel: 'Paid Search', day: '2024-05-19', amount: 3_000 },
      ]) {
        const res = await api({
          method: 'POST',
          url: `/api/admin/stores/${store.id}/marketing/ad-spend/entries`,
          payload: entry,
        });
        assert.equal(res.statusCode, 201, res.body);
      }
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const may = 'from=2024-05-01&to=2024-05-31';
    // Net sales in May: 10,000 + 5,000 + (7,001 − 1,001) + 999.
    const mayNetSales = 10_000 + 5_000 + 6_000 + 999;

    test('last non-direct click (the default): the newsletter, Direct for Ben, Google for Cy', async () => {
      const r = await report(may);
      assert.deepEqual(revenueBy(r.channels, 'channel'), {
        Email: 10_000,
        'Paid Search': 6_000,
        Direct: 5_000,
        Unassigned: 999,
      });
      assert.equal(channel(r.channels, 'Email')!.orders, 1);
      assert.deepEqual(revenueBy(r.campaigns, 'utmCampaign'), {
        may_news: 10_000,
        brand: 6_000,
        '(not set)': 5_999,
      });
      assert.equal(r.totals.revenue, mayNetSales);
    });

    test('first click: Meta for Ada; Google for Cy, whose Meta click is an hour past the window', async () => {
      const r = await report(`${may}&model=first`);
      assert.deepEqual(revenueBy(r.channels, 'channel'), {
        'Paid Social': 10_000,
        'Paid Search': 6_000,
        Direct: 5_000,
        Unassigned: 999,
      });
      // A 31-day window reaches Cy's Meta click; the campaign tags differ only in case.
      const wider = await report(`${may}&model=first&lookbackDays=31`);
      assert.deepEqual(revenueBy(wider.campaigns, 'utmCampaign'), {
        Spring_Sale: 16_000,
        '(not set)': 5_999,
      });
      assert.equal(channel(wider.channels, 'Paid Social')!.orders, 2);
    });

    test('linear and position-based split Ada’s order 1/3 each and 40/20/40, to the cent', async () => {
      const linear = await report(`${may}&model=linear`);
      // Ada 10,000 → 3,334 / 3,333 / 3,333; Cy 6,000 → 3,000 / 3,000 (Google, direct).
      assert.equal(channel(linear.channels, 'Paid Social')!.revenue, 3_334);
      assert.equal(channel(linear.channels, 'Email')!.revenue, 3_333);
      assert.equal(channel(linear.channels, 'Direct')!.revenue, 3_333 + 5_000 + 3_000);
      assert.equal(channel(linear.channels, 'Paid Search')!.revenue, 3_000);
      assert.equal(channel(linear.channels, 'Paid Social')!.orders, 0.333334);
      const positions = await report(`${may}&model=position_based`);
      assert.equal(channel(positions.channels, 'Paid Social')!.revenue, 4_000);
      assert.equal(channel(positions.channels, 'Email')!.revenue, 2_000);
      assert.equal(channel(positions.channels, 'Direct')!.revenue, 4_000 + 5_000 + 3_000);
      assert.equal(channel(positions.channels, 'Email')!.orders, 0.2);
    });

    test('every model’s channels and campaigns add up to the period’s net sales and orders exactly', async () => {
      for (const model of ['last_non_direct', 'first', 'linear', 'position_based']) {
        for (const lookback of [1, 7, 30, 31]) {
          const r = await report(`${may}&model=${model}&lookbackDays=${lookback}`);
          for (const rows of [r.channels, r.campaigns]) {
            assert.equal(
              rows.reduce((n, row) => n + row.revenue, 0),
              mayNetSales,
              `${model} ${lookback}`,
            );
            assert.equal(Math.round(rows.reduce((n, row) => n + row.orders, 0) * 1e6), 4e6);
            assert.equal(Math.round(rows.reduce((n, row) => n + row.newCustomers, 0) * 1e6), 3e6);
          }
          assert.equal(r.totals.orders, 4);
        }
      }
    });

    test('CAC counts new customers only: Ben, who ordered in April, is not acquired again', async () => {
      const r = await report(may);
      assert.equal(r.totals.newCustomers, 3);
      assert.equal(r.totals.spend, 8_000);
      assert.equal(r.totals.cac, Math.round(8_000 / 3));
      assert.equal(r.totals.mer, mayNetSales / 8_000);
      const direct = channel(r.channels, 'Direct')!;
      assert.equal(direct.orders, 1);
      assert.equal(direct.newCustomers, 0);
      // Nothing spent on Direct: no cost per order, rather than a cost of zero.
      assert.equal(direct.cpa, null);
      assert.equal(direct.roas, null);
      const search = channel(r.channels, 'Paid Search')!;
      assert.equal(search.newCustomers, 1);
      assert.equal(search.cac, 3_000);
      assert.equal(search.cpa, 3_000);
      assert.equal(search.roas, 6_000 / 3_000);
      // Spend with no order: ROAS 0, no CPA or CAC.
      const social = channel(r.channels, 'Paid Social')!;
      assert.equal(social.roas, 0);
      assert.equal(social.cpa, null);
      assert.equal(social.cac, null);
      // Under linear credit, a channel acquires a third of Ada.
      const linear = await report(`${may}&model=linear`);
      assert.equal(channel(linear.channels, 'Paid Social')!.newCustomers, 0.333334);
      assert.equal(channel(linear.channels, 'Paid Social')!.cac, Math.round(4_000 / 0.333334));
    });

    test('discount codes: orders, net sales, discount given, AOV against orders without a code', async () => {
      const res = await api({ url: `/api/admin/stores/${store.id}/marketing/discount-codes?${may}` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.codes, [
        {
          code: 'TEST',
          orders: 1,
          revenue: 6_000,
          discount: 1_001,
          newCustomers: 1,
          aov: 6_000,
          aovIndex: 6_000 / 5_333,
        },
      ]);
      // Ada 10,000, Ben 5,000, staff 999: 15,999 over 3 = 5,333.
      assert.deepEqual(body.withoutCode, { orders: 3, revenue: 15_999, aov: 5_333 });
      assert.equal(body.codes[0].aovIndex, 6_000 / 5_333);
    });

    test('bad input: an unknown model, reversed dates, a wrong lookback are 400 with a code', async () => {
      const bad = async (query: string, code: string) => {
        const res = await api({ url: `/api/admin/stores/${store.id}/marketing/attribution?${query}` });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, code);
      };
      await bad(`${may}&model=data_driven`, 'invalid_attribution_model');
      await bad('from=2024-05-31&to=2024-05-01', 'invalid_period');
      await bad(`${may}&lookbackDays=0`, 'invalid_lookback');
      await bad(`${may}&lookbackDays=soon`, 'validation_failed');
      const codes = await api({
        url: `/api/admin/stores/${store.id}/marketing/discount-codes?from=2024-05-31&to=2024-05-01`,
      });
      assert.equal(codes.statusCode, 400);
    });

    test('permission: reports need marketing:read', async () => {
      const other = withApiKey(sp.app, await makeApiKey(database, store.id, ['analytics:read']));
      for (const path of ['attribution', 'discount-codes', 'campaigns']) {
        const res = await other({
          url: `/api/admin/stores/${store.id}/marketing/${path}?${path === 'campaigns' ? '' : may}`,
        });
        assert.equal(res.statusCode, 403, path);
      }
    });
  });
}
