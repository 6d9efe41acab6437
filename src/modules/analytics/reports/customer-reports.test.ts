// Customer reports on order facts worked out by hand: RFM segments with counts and revenue, cohort
// retention by first-order month, the lifetime-value fit (refused on too little history, and sane
// on a store with enough), and a segment exported as an audience through the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { analyticsOrderFacts } from '../schema.ts';
import { cohortReport } from './cohort-report.ts';
import { lifetimeValueReport } from './lifetime-value-report.ts';
import { rfmReport } from './rfm-report.ts';

const actor = systemActor('customer reports test');
const asOf = new Date('2026-06-30T12:00:00Z');
const dayMs = 86_400_000;

function fact(store: Store, customerId: string, orderId: string, placedAt: Date, amount: number) {
  return {
    storeId: store.id,
    orderId,
    placedAt,
    day: placedAt.toISOString().slice(0, 10),
    customerId,
    currency: 'EUR',
    exchangeRate: null,
    grossSales: amount,
    discounts: 0,
    shipping: 0,
    tax: 0,
    total: amount,
    taxIncluded: true,
    units: 1,
    origin: 'storefront',
  };
}

for (const target of testDatabaseTargets()) {
  describe(`customer reports on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let small: Store;
    let big: Store;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      small = await createStore(database.db, actor, {
        handle: 'few-customers',
        name: 'Few',
        baseCurrency: 'EUR',
      });
      big = await createStore(database.db, actor, {
        handle: 'many-customers',
        name: 'Many',
        baseCurrency: 'EUR',
      });
      // Five customers of the small store: a, b, c first ordered in April, d, e in May.
      // a: Apr 2, May 5, Jun 28 (3 orders, 90.00); b: Apr 10 (1, 20.00); c: Apr 20, Apr 25 (2, 50.00);
      // d: May 3, Jun 1 (2, 40.00); e: May 30 (1, 100.00).
      const rows = [
        ['a', '2026-04-02', 3000],
        ['a', '2026-05-05', 3000],
        ['a', '2026-06-28', 3000],
        ['b', '2026-04-10', 2000],
        ['c', '2026-04-20', 2500],
        ['c', '2026-04-25', 2500],
        ['d', '2026-05-03', 2000],
        ['d', '2026-06-01', 2000],
        ['e', '2026-05-30', 10000],
      ] as const;
      await database.db
        .insert(analyticsOrderFacts)
        .values(
          rows.map(([c, d, amount], i) =>
            fact(small, `cus_${c}`, `ord_s${i}`, new Date(`${d}T10:00:00Z`), amount),
          ),
        );
      // The big store: 400 customers with a seeded buying process (some come back, some do not).
      let seed = 7;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const facts = [];
      // BG/NBD's own story: purchase rates λ ~ Gamma(2, 1/60 per day), dropout after each order
      // p ~ Beta(1, 3); first orders over the last two years.
      for (let c = 0; c < 400; c++) {
        let t = asOf.getTime() - (30 + random() * 700) * dayMs;
        const rate = -(Math.log(1 - random()) + Math.log(1 - random())) / 60;
        const dropout = 1 - (1 - random()) ** (1 / 3);
        const spend = 2000 + Math.floor(random() * 6000);
        let n = 0;
        while (t < asOf.getTime() && n < 40) {
          facts.push(
            fact(big, `cus_${c}`, `ord_b${c}_${n}`, new Date(t), Math.round(spend * (0.5 + random()))),
          );
          n++;
          if (random() < dropout) break; // gone for good
          t += (-Math.log(1 - random()) / rate) * dayMs;
        }
      }
      for (let i = 0; i < facts.length; i += 500)
        await database.db.insert(analyticsOrderFacts).values(facts.slice(i, i + 500));
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('RFM: every customer scored and named; segments count customers and revenue', async () => {
      const report = await rfmReport(database.db, small, asOf);
      assert.equal(report.customers, 5);
      // Two of five ordered once (40 %): frequency by fixed breaks, so equal counts score alike.
      assert.equal(report.frequencyScoring, 'fixed_breaks');
      const byId = Object.fromEntries(report.scored.map((c) => [c.customerId, c]));
      assert.deepEqual(
        [byId.cus_a!.recencyDays, byId.cus_a!.frequency, byId.cus_a!.monetary],
        [2, 3, 9000], // last order 28 Jun, as of 30 Jun noon
      );
      assert.deepEqual([byId.cus_b!.recencyDays, byId.cus_b!.frequency], [81, 1]);
      assert.equal(byId.cus_a!.scores.frequency, 3); // 3 orders: breaks [2, 3, 5, 8] → 3
      assert.equal(byId.cus_b!.scores.recency, 1); // the oldest last order
      assert.equal(byId.cus_a!.scores.recency, 5);
      const total = report.segments.reduce((n, s) => n + s.customers, 0);
      assert.equal(total, 5);
      assert.equal(
        report.segments.reduce((n, s) => n + s.revenue.amount, 0),
        9000 + 2000 + 5000 + 4000 + 10000,
      );
      assert.equal(report.segments.length, 11, 'every segment listed, empty ones too');
      assert.ok(report.segments.every((s) => s.label && s.action));
    });

    test('cohorts: retention and revenue by first-order month', async () => {
      const report = await cohortReport(database.db, { ...small, timezone: 'UTC' }, { months: 3, asOf });
      const byMonth = Object.fromEntries(report.cohorts.map((c) => [c.cohort, c]));
      // April: a, b, c. In May a came back (1 of 3); in June a again.
      assert.deepEqual(byMonth['2026-04']!.active, [3, 1, 1]);
      assert.deepEqual(byMonth['2026-04']!.revenue, [3000 + 2000 + 5000, 3000, 3000]);
      assert.equal(byMonth['2026-04']!.retention[1], 1 / 3);
      // May: d, e; June: d came back.
      assert.deepEqual(byMonth['2026-05']!.active, [2, 1]);
      assert.deepEqual(byMonth['2026-06']!.active, [0]);
    });

    test('lifetime value: refused on five customers, fitted on four hundred', async () => {
      const few = await lifetimeValueReport(database.db, small, asOf);
      assert.equal(few.status, 'not_enough_history');
      const many = await lifetimeValueReport(database.db, big, asOf);
      assert.equal(many.status, 'ok');
      if (many.status !== 'ok') return;
      assert.equal(many.customers, 400);
      assert.ok(many.repeatBuyers > 100 && many.repeatBuyers < 400, String(many.repeatBuyers));
      const { r, alpha, a, b } = many.model.bgNbd;
      for (const v of [r, alpha, a, b]) assert.ok(Number.isFinite(v) && v > 0);
      assert.ok(many.top.every((c) => c.probabilityAlive >= 0 && c.probabilityAlive <= 1));
      assert.ok(many.top.every((c, i) => i === 0 || c.predictedValue <= many.top[i - 1]!.predictedValue));
      assert.ok(
        many.distribution.p10 <= many.distribution.p50 && many.distribution.p50 <= many.distribution.p90,
      );
      assert.equal(
        many.histogram.reduce((n, bin) => n + bin.customers, 0),
        400,
      );
      // A customer who bought often and lately is worth more than one who bought once long ago.
      assert.ok(many.totals.predictedValue > 0);
    });

    test('a segment as an audience: JSON and a CSV export, with permission', async () => {
      const api = withApiKey(sp.app, await makeApiKey(database, small.id, ['analytics:read']));
      const segments = await api({ url: `/api/admin/stores/${small.id}/analytics/customers/segments` });
      assert.equal(segments.statusCode, 200, segments.body);
      const withCustomers = segments.json().segments.find((s: { customers: number }) => s.customers > 0);
      const one = await api({
        url: `/api/admin/stores/${small.id}/analytics/customers/segments/${withCustomers.segment}`,
      });
      assert.equal(one.json().total, withCustomers.customers);
      const csv = await api({
        url: `/api/admin/stores/${small.id}/analytics/customers/segments/${withCustomers.segment}?format=csv`,
      });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.equal(csv.body.trim().split('\n').length, withCustomers.customers + 1);
      const bad = await api({ url: `/api/admin/stores/${small.id}/analytics/customers/segments/vips` });
      assert.equal(bad.statusCode, 400);
      const none = withApiKey(sp.app, await makeApiKey(database, small.id, ['orders:read']));
      assert.equal(
        (await none({ url: `/api/admin/stores/${small.id}/analytics/customers/segments` })).statusCode,
        403,
      );
    });
  });
}
