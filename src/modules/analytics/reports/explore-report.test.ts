// The KPI explorer on rollup rows written by hand (the report reads only the rollups), and on one
// event near a Berlin midnight to show weeks and months are the store's. Every expected figure is
// worked out in the comments.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { ingestEvents } from '../ingest/ingest-events.ts';
import { rollUpDirtyDays } from '../rollups/roll-up-dirty-days.ts';
import { analyticsDaily } from '../schema.ts';
import { exploreReport } from './explore-report.ts';

const actor = systemActor('explore test');

type Row = { day: string; channel: string } & Partial<typeof analyticsDaily.$inferInsert>;

/** Writes each row under its channel and adds it into the day's `all` row. */
async function writeRollups(database: Database, storeId: string, rows: Row[]) {
  const all = new Map<string, Record<string, number>>();
  const values: (typeof analyticsDaily.$inferInsert)[] = [];
  for (const { channel, day, ...measures } of rows) {
    values.push({ storeId, day, dimension: 'channel', value: channel, ...measures });
    const sum = all.get(day) ?? {};
    for (const [k, v] of Object.entries(measures)) sum[k] = (sum[k] ?? 0) + Number(v);
    all.set(day, sum);
  }
  for (const [day, sum] of all) values.push({ storeId, day, dimension: 'all', value: '', ...sum });
  await database.db.insert(analyticsDaily).values(values);
}

for (const target of testDatabaseTargets()) {
  describe(`the KPI explorer on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    let berlin: Store;

    before(async () => {
      database = await target.create();
      store = await createStore(database.db, actor, {
        handle: 'explore',
        name: 'Explore',
        baseCurrency: 'EUR',
      });
      await writeRollups(database, store.id, [
        // Two weeks, Mon 2 to Sun 15 Mar 2026.
        { day: '2026-03-02', channel: 'Email', sessions: 10, purchaseSessions: 1 },
        { day: '2026-03-09', channel: 'Email', sessions: 10, purchaseSessions: 3 },
        { day: '2026-03-03', channel: 'Paid Search', sessions: 100, purchaseSessions: 2 },
        { day: '2026-03-10', channel: 'Paid Search', sessions: 50, purchaseSessions: 5 },
        { day: '2026-03-04', channel: 'Organic Search', sessions: 1, purchaseSessions: 1 },
        { day: '2026-03-05', channel: 'Direct', sessions: 20, purchaseSessions: 0 },
        // The 14 days before (16 Feb to 1 Mar): each stands 14 days later.
        { day: '2026-02-16', channel: 'Paid Search', sessions: 40, purchaseSessions: 2 }, // → 2 Mar
        { day: '2026-02-20', channel: 'Referral', sessions: 5, purchaseSessions: 1 }, // → 6 Mar
        { day: '2026-02-28', channel: 'Email', sessions: 10, purchaseSessions: 1 }, // → 14 Mar
        // Orders around a leap day, for months against the year before.
        { day: '2024-02-29', channel: 'Direct', orders: 4, grossSales: 10_000, discounts: 1_000 },
        { day: '2024-03-01', channel: 'Direct', orders: 1, grossSales: 500 },
        { day: '2025-02-28', channel: 'Direct', orders: 2, grossSales: 3_000 },
        { day: '2025-03-31', channel: 'Direct', orders: 3, grossSales: 3_001 },
      ]);
      berlin = await createStore(database.db, actor, {
        handle: 'explore-berlin',
        name: 'Explore Berlin',
        baseCurrency: 'EUR',
        timezone: 'Europe/Berlin',
      });
      // Sun 1 Mar 2026 23:30 UTC is Mon 2 Mar 00:30 in Berlin: March's first week, not February's.
      await ingestEvents(database.db, berlin, [
        {
          eventId: 'late',
          name: 'page_view',
          occurredAt: '2026-03-01T23:30:00Z',
          visitorId: 'v',
          sessionId: 's',
          sessionStart: true,
        },
      ]);
      while ((await rollUpDirtyDays(database.db)) > 0);
    });
    after(() => database.close());

    test('conversion rate by week and channel: sums over sums, top values and the rest', async () => {
      const report = await exploreReport(database.db, store, {
        metric: 'conversionRate',
        breakdown: 'channel',
        from: '2026-03-02',
        to: '2026-03-15',
        compare: 'previous_period',
        granularity: 'week',
        top: 2,
      });
      assert.equal(report.kind, 'rate');
      assert.deepEqual(report.buckets, [
        { start: '2026-03-02', end: '2026-03-08' },
        { start: '2026-03-09', end: '2026-03-15' },
      ]);
      assert.deepEqual(report.comparison, { from: '2026-02-16', to: '2026-03-01', days: 14 });
      // Week 1: 1 + 2 + 1 + 0 = 4 purchasing sessions of 10 + 100 + 1 + 20 = 131; week 2: 8 of 60.
      // The period: 12 of 191 (not the mean of 4/131 and 8/60).
      assert.deepEqual(report.total.series, [4 / 131, 8 / 60]);
      assert.equal(report.total.value, 12 / 191);
      // Comparison: Paid Search (2 of 40) and Referral (1 of 5) stand in week 1, Email (1 of 10)
      // in week 2: 3/45 and 1/10; the period 4 of 55.
      assert.deepEqual(report.total.previousSeries, [3 / 45, 1 / 10]);
      assert.equal(report.total.previous, 4 / 55);
      assert.equal(report.total.change, (12 / 191 - 4 / 55) / (4 / 55));
      // Ranked by sessions (the rate's base): Paid Search 150, then Direct and Email at 20 (by
      // name), Organic 1. Top 2: Paid Search, Direct; Email, Organic and Referral are "(other)".
      assert.deepEqual(
        report.rows.map((r) => r.key),
        ['Paid Search', 'Direct', '(other)'],
      );
      const [paid, direct, other] = report.rows;
      assert.deepEqual(paid!.series, [2 / 100, 5 / 50]);
      assert.equal(paid!.value, 7 / 150);
      assert.deepEqual(paid!.previousSeries, [2 / 40, null]);
      assert.equal(paid!.change, (7 / 150 - 2 / 40) / (2 / 40));
      // Direct: no sessions in week 2, nothing to divide: empty, not 0.
      assert.deepEqual(direct!.series, [0, null]);
      assert.equal(direct!.previous, null);
      assert.equal(direct!.change, null);
      // Other: Email and Organic now, (1 + 1) / (10 + 1) and 3/10, 5 of 21 in all; Email and
      // Referral before: 2 of 15.
      assert.equal(other!.other, true);
      assert.deepEqual(other!.series, [2 / 11, 3 / 10]);
      assert.equal(other!.value, 5 / 21);
      assert.equal(other!.previous, 2 / 15);
      assert.deepEqual(other!.previousSeries, [1 / 5, 1 / 10]);
    });

    test('months against the year before: each comparison day stands on the same date, 29 Feb on 28 Feb', async () => {
      const orders = await exploreReport(database.db, store, {
        metric: 'orders',
        breakdown: 'none',
        from: '2025-02-15',
        to: '2025-03-31',
        compare: 'previous_year',
        granularity: 'month',
        top: 5,
      });
      assert.deepEqual(orders.buckets, [
        { start: '2025-02-15', end: '2025-02-28' },
        { start: '2025-03-01', end: '2025-03-31' },
      ]);
      assert.deepEqual(orders.comparison, { from: '2024-02-15', to: '2024-03-31', days: 46 });
      assert.deepEqual(orders.total.series, [2, 3]);
      // 29 Feb 2024 (4 orders) stands on 28 Feb 2025, in February; 1 Mar 2024 (1) in March.
      assert.deepEqual(orders.total.previousSeries, [4, 1]);
      assert.equal(orders.total.value, 5);
      assert.equal(orders.total.previous, 5);
      assert.equal(orders.total.change, 0);
      assert.deepEqual(orders.rows, []);

      const aov = await exploreReport(database.db, store, {
        metric: 'averageOrderValue',
        breakdown: 'channel',
        from: '2025-02-15',
        to: '2025-03-31',
        compare: 'previous_year',
        granularity: 'month',
        top: 5,
      });
      assert.equal(aov.kind, 'money');
      // Feb: 3000 / 2 = 1500; Mar: 3001 / 3 = 1000.33 → 1000; the period 6001 / 5 = 1200.2 → 1200.
      // A year before: Feb (10000 − 1000) / 4 = 2250, Mar 500, the period 9500 / 5 = 1900.
      assert.deepEqual(aov.total.series, [1500, 1000]);
      assert.equal(aov.total.value, 1200);
      assert.deepEqual(aov.total.previousSeries, [2250, 500]);
      assert.equal(aov.total.previous, 1900);
      assert.deepEqual(
        aov.rows.map((r) => [r.key, r.value]),
        [['Direct', 1200]],
      );
    });

    test('no comparison: no comparison series', async () => {
      const report = await exploreReport(database.db, store, {
        metric: 'sessions',
        breakdown: 'none',
        from: '2026-03-02',
        to: '2026-03-04',
        compare: 'none',
        granularity: 'day',
        top: 5,
      });
      assert.deepEqual(report.total.series, [10, 100, 1]);
      assert.equal(report.total.previousSeries, null);
      assert.equal(report.total.previous, null);
      assert.equal(report.comparison, null);
    });

    test('weeks and months are the store’s: a Sunday night in UTC is Monday in Berlin', async () => {
      const week = await exploreReport(database.db, berlin, {
        metric: 'sessions',
        breakdown: 'none',
        from: '2026-02-23',
        to: '2026-03-08',
        compare: 'none',
        granularity: 'week',
        top: 5,
      });
      assert.deepEqual(week.total.series, [0, 1]);
      const month = await exploreReport(database.db, berlin, {
        metric: 'sessions',
        breakdown: 'none',
        from: '2026-02-01',
        to: '2026-03-31',
        compare: 'none',
        granularity: 'month',
        top: 5,
      });
      assert.deepEqual(month.total.series, [0, 1]);
    });
  });
}
