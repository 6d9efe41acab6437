// KPIs on a small dataset worked out by hand: real orders (one in US dollars, one with a discount,
// one cancelled, one refunded in part) around midnight and the spring DST change in Berlin,
// sessions from two channels, searches with and without results. Every figure below is computed
// in the comments, not by the code under test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/support/app-harness.ts';
import { runAt } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { recordExchangeRate } from '../../markets/exchange-rates.ts';
import { cancelOrder, refundOrder } from '../../orders/index.ts';
import { placeTestOrder } from '../../orders/testing/order-fixtures.ts';
import { ingestEvents } from '../ingest/ingest-events.ts';
import { rebuildRollups } from '../rollups/rebuild-rollups.ts';
import { rollUpDirtyDays } from '../rollups/roll-up-dirty-days.ts';
import { breakdownReport } from './breakdown-report.ts';
import { kpiReport } from './kpi-report.ts';
import { searchTermsReport } from './search-terms-report.ts';

const actor = systemActor('kpi test');

for (const target of testDatabaseTargets()) {
  describe(`KPIs on a hand-computed dataset on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let firstOrder: string;

    const dailyRow = async (day: string, dimension = 'all', value = '') =>
      resultRows<Record<string, number>>(
        await database.db.execute(
          sql`select sessions, orders, new_customer_orders, units, gross_sales, discounts, shipping, refunds, refunded_orders, cost, costed_sales, purchase_sessions, searches, searches_without_results
              from analytics_daily where store_id = ${store.id} and day = ${day} and dimension = ${dimension} and value = ${value}`,
        ),
      ).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))[0];

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'berlin-kpis',
        name: 'Berlin KPIs',
        baseCurrency: 'EUR',
        timezone: 'Europe/Berlin',
      });
      // 1.25 USD to the euro from March on.
      await recordExchangeRate(database.db, store, actor, {
        quoteCurrency: 'USD',
        rate: '1.25',
        effectiveOn: '2026-03-01',
      });

      // Order 1, Sat 28 Mar 22:30 UTC = 23:30 in Berlin (UTC+1): day 28 Mar. Customer A's first.
      // 2 × 10.00 EUR less a 2.00 discount, 5.00 shipping; units cost 4.00 each.
      const one = await runAt(new Date('2026-03-28T22:30:00Z'), () =>
        placeTestOrder(database, store, {
          quantities: [2],
          unitAmount: 1000,
          lineDiscounts: [200],
          shippingAmount: 500,
          customerId: 'cus_a',
          unitCost: 400,
        }),
      );
      firstOrder = one.order.id;
      // Order 2, Sat 28 Mar 23:30 UTC = 00:30 on Sun 29 Mar in Berlin: day 29 Mar. Customer A again.
      // 1 × 25.00 USD + 5.00 USD shipping = 20.00 + 4.00 EUR at 1.25.
      await runAt(new Date('2026-03-28T23:30:00Z'), () =>
        placeTestOrder(database, store, {
          quantities: [1],
          unitAmount: 2500,
          shippingAmount: 500,
          currency: 'USD',
          customerId: 'cus_a',
        }),
      );
      // Order 3, Sun 29 Mar 22:30 UTC = 00:30 on Mon 30 Mar in Berlin (now UTC+2): day 30 Mar,
      // cancelled the same day: in no total.
      const three = await runAt(new Date('2026-03-29T22:30:00Z'), () =>
        placeTestOrder(database, store, { quantities: [1], unitAmount: 3000, customerId: 'cus_b' }),
      );
      await runAt(new Date('2026-03-30T08:00:00Z'), () =>
        database.db.transaction((tx) =>
          cancelOrder(tx, store.id, actor, three.order.id, { reason: 'customer', notifyCustomer: false }),
        ),
      );
      // Order 1 is refunded 8.00 on Mon 30 Mar: one unit (10.00 less its 1.00 share of the discount
      // is 9.00) would be more, so a plain amount.
      await runAt(new Date('2026-03-30T10:00:00Z'), () =>
        database.db.transaction((tx) =>
          refundOrder(tx, store.id, actor, firstOrder, {
            extraAmount: 800,
            notifyCustomer: false,
            reason: 'damaged',
          }),
        ),
      );

      // Sessions. A: from the newsletter on 28 Mar 22:00 UTC (23:00 Berlin), a search that found
      // nothing, a cart, the checkout, and order 1. B: from Google Ads at 01:30 UTC on 29 Mar
      // (03:30 Berlin, just after the clocks went forward), one page and a search with results.
      const at = (iso: string) => iso;
      await ingestEvents(database.db, store, [
        ...['page_view', 'search', 'add_to_cart', 'begin_checkout', 'purchase'].map((name, i) => ({
          eventId: `a${i}`,
          name,
          occurredAt: at(`2026-03-28T22:0${i}:00Z`),
          visitorId: 'visitor-a',
          sessionId: 'session-a',
          sessionStart: i === 0,
          source: 'newsletter',
          medium: 'email',
          campaign: 'spring',
          device: 'desktop',
          country: 'DE',
          ...(name === 'search' ? { searchTerm: 'Velvet Sofa ', resultsCount: 0 } : {}),
          ...(name === 'purchase' ? { orderId: firstOrder, value: 1800, currency: 'EUR' } : {}),
        })),
        ...['page_view', 'search'].map((name, i) => ({
          eventId: `b${i}`,
          name,
          occurredAt: `2026-03-29T01:3${i}:00Z`,
          visitorId: 'visitor-b',
          sessionId: 'session-b',
          sessionStart: i === 0,
          source: 'google',
          medium: 'cpc',
          campaign: 'brand',
          device: 'mobile',
          country: 'AT',
          ...(name === 'search' ? { searchTerm: 'lamp', resultsCount: 3 } : {}),
        })),
      ]);
      // The orders' facts, from the orders module's events, then the days they touched.
      while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
      while ((await rollUpDirtyDays(database.db)) > 0);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('each order, refund and session lands on its own Berlin day', async () => {
      // 28 Mar: session A and order 1: gross 20.00, discount 2.00, shipping 5.00, cost 2 × 4.00 on
      // 18.00 of costed sales; A's first order.
      assert.deepEqual(await dailyRow('2026-03-28'), {
        sessions: 1,
        orders: 1,
        new_customer_orders: 1,
        units: 2,
        gross_sales: 2000,
        discounts: 200,
        shipping: 500,
        refunds: 0,
        refunded_orders: 0,
        cost: 800,
        costed_sales: 1800,
        purchase_sessions: 1,
        searches: 1,
        searches_without_results: 1,
      });
      // 29 Mar: session B and order 2 (A's second): 25.00 USD = 20.00 EUR, shipping 4.00 EUR.
      assert.deepEqual(await dailyRow('2026-03-29'), {
        sessions: 1,
        orders: 1,
        new_customer_orders: 0,
        units: 1,
        gross_sales: 2000,
        discounts: 0,
        shipping: 400,
        refunds: 0,
        refunded_orders: 0,
        cost: 0,
        costed_sales: 0,
        purchase_sessions: 0,
        searches: 1,
        searches_without_results: 0,
      });
      // 30 Mar: the cancelled order 3 counts nowhere; the refund of order 1 (8.00) counts here.
      assert.deepEqual(await dailyRow('2026-03-30'), {
        sessions: 0,
        orders: 0,
        new_customer_orders: 0,
        units: 0,
        gross_sales: 0,
        discounts: 0,
        shipping: 0,
        refunds: 800,
        refunded_orders: 1,
        cost: 0,
        costed_sales: 0,
        purchase_sessions: 0,
        searches: 0,
        searches_without_results: 0,
      });
    });

    test('the period’s KPIs, from the sums', async () => {
      const report = await kpiReport(database.db, store, {
        from: '2026-03-28',
        to: '2026-03-30',
        compare: 'previous_period',
      });
      const kpi = Object.fromEntries(report.kpis.map((k) => [k.key, k.value]));
      assert.equal(kpi.grossSales, 4000); // 20.00 + 20.00
      assert.equal(kpi.discounts, 200);
      assert.equal(kpi.refunds, 800);
      assert.equal(kpi.netSales, 3000); // 40.00 − 2.00 − 8.00
      assert.equal(kpi.orders, 2);
      assert.equal(kpi.units, 3);
      assert.equal(kpi.averageOrderValue, 1900); // (40.00 − 2.00) / 2
      assert.equal(kpi.sessions, 2);
      assert.equal(kpi.conversionRate, 0.5); // 1 purchasing session of 2
      assert.equal(kpi.cartRate, 0.5);
      assert.equal(kpi.newCustomerOrders, 1);
      assert.equal(kpi.returningCustomerOrders, 1);
      assert.equal(kpi.returningCustomerRate, 0.5);
      assert.equal(kpi.refundRate, 800 / 3800);
      assert.equal(kpi.grossProfit, 1000); // 18.00 costed sales − 8.00 cost
      assert.equal(kpi.grossMargin, 1000 / 1800);
      assert.equal(kpi.searchesWithoutResultsRate, 0.5);
      // 25–27 March had nothing: no base, so no change.
      assert.deepEqual(report.comparison, { from: '2026-03-25', to: '2026-03-27', days: 3 });
      assert.ok(report.kpis.every((k) => k.previous === 0 || k.previous === null));
      assert.ok(report.kpis.every((k) => k.change === null));
      assert.deepEqual(
        report.series.map((d) => d.current.orders),
        [1, 1, 0],
      );
      // Open: session A has a cart, a checkout and a purchase but no product view. Closed: A
      // stops before the first step (no product view), so only the sessions are there.
      assert.deepEqual(
        report.openFunnel.map((s) => [s.step, s.sessions]),
        [
          ['sessions', 2],
          ['view_item', 0],
          ['add_to_cart', 1],
          ['begin_checkout', 1],
          ['add_shipping_info', 0],
          ['add_payment_info', 0],
          ['purchase', 1],
        ],
      );
      assert.deepEqual(
        report.funnel.map((s) => [s.step, s.sessions, s.dropOff]),
        [
          ['sessions', 2, null],
          ['view_item', 0, 2],
          ['add_to_cart', 0, 0],
          ['begin_checkout', 0, 0],
          ['add_shipping_info', 0, 0],
          ['add_payment_info', 0, 0],
          ['purchase', 0, 0],
        ],
      );
      assert.equal(report.pendingDays, 0);
    });

    test('by channel: the newsletter session owns order 1 and its refund; order 2 had no session', async () => {
      const report = await breakdownReport(database.db, store, {
        from: '2026-03-28',
        to: '2026-03-30',
        compare: 'none',
        dimension: 'channel',
      });
      const rows = Object.fromEntries(report.rows.map((r) => [r.value, r.current]));
      assert.deepEqual(Object.keys(rows).sort(), ['Email', 'Paid Search', 'Unassigned']);
      assert.equal(rows.Email!.netSales, 1000); // 20.00 − 2.00 − 8.00
      assert.equal(rows.Email!.orders, 1);
      assert.equal(rows.Unassigned!.netSales, 2000);
      assert.equal(rows['Paid Search']!.sessions, 1);
      assert.equal(rows['Paid Search']!.orders, 0);
      const report2 = await kpiReport(database.db, store, {
        from: '2026-03-28',
        to: '2026-03-30',
        compare: 'none',
        dimension: 'device',
        value: 'mobile',
      });
      assert.equal(report2.kpis.find((k) => k.key === 'sessions')?.value, 1);
    });

    test('searches that found nothing, by term', async () => {
      const terms = await searchTermsReport(database.db, store, {
        from: '2026-03-28',
        to: '2026-03-30',
        withoutResults: true,
        limit: 10,
      });
      assert.deepEqual(terms.rows, [{ term: 'velvet sofa', searches: 1, withoutResults: 1 }]);
    });

    test('a full rebuild gives the same rows as the incremental updates', async () => {
      const snapshot = async () =>
        resultRows(
          await database.db.execute(
            sql`select * from analytics_daily where store_id = ${store.id} order by day, dimension, value`,
          ),
        );
      const incremental = await snapshot();
      const progress: number[] = [];
      const rebuilt = await runAt(new Date('2026-04-02T12:00:00Z'), () =>
        rebuildRollups(database.db, store, (p) => progress.push(p.done)),
      );
      assert.equal(rebuilt.events, 7);
      assert.equal(rebuilt.days, 6); // 28 Mar to 2 Apr
      assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(await snapshot(), incremental);
    });
  });
}
