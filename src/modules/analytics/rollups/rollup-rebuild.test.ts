// Property: whatever events arrive, in whatever batches and order, the rollups kept up to date
// batch by batch (the job) equal a rebuild from scratch. Times straddle midnight and the end of
// daylight saving time in New York (1 Nov 2026), where a local day is 25 hours long. And the
// closed funnel in the rollups is the one a plain walk through each session's events finds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { runAt } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, systemActor } from '../../access/index.ts';
import { eventNames } from '../collection/event-names.ts';
import { ingestEvents } from '../ingest/ingest-events.ts';
import { rebuildRollups } from './rebuild-rollups.ts';
import { rollUpDirtyDays } from './roll-up-dirty-days.ts';

const actor = systemActor('rollup property test');
/** 31 Oct 2026 00:00 in New York (UTC−4), and 72 hours on, across the change to UTC−5. */
const start = Date.parse('2026-10-31T04:00:00Z');
const span = 72 * 3600 * 1000;

const closedSteps = [
  'view_item',
  'add_to_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
];

/**
 * The oracle: per New York day, the sessions started that day, and how many of them went through
 * the first 1 … 6 closed-funnel steps in order, walking each session's events of that day by time
 * and taking, at each step, its first event at or after the step before (ties in time in order).
 */
function closedFunnelByDay(events: { name: string; at: number; session: number; starts: boolean }[]) {
  const byDay = new Map<string, Map<number, typeof events>>();
  for (const e of events) {
    const day = DateTime.fromMillis(e.at, { zone: 'America/New_York' }).toISODate()!;
    const sessions = byDay.get(day) ?? new Map();
    byDay.set(day, sessions);
    sessions.set(e.session, [...(sessions.get(e.session) ?? []), e]);
  }
  const out = new Map<string, number[]>();
  for (const [day, sessions] of byDay) {
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (const own of sessions.values()) {
      if (!own.some((e) => e.starts)) continue;
      counts[0]!++;
      let at = Number.NEGATIVE_INFINITY;
      for (const [i, step] of closedSteps.entries()) {
        const next = own.filter((e) => e.name === step && e.at >= at).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        at = next.at;
        counts[i + 1]!++;
      }
    }
    out.set(day, counts);
  }
  return out;
}

const eventArb = fc.record({
  // Funnel steps more often than the rest, so sessions go through them in and out of order.
  name: fc.oneof(
    { arbitrary: fc.constantFrom(...eventNames), weight: 1 },
    { arbitrary: fc.constantFrom(...closedSteps), weight: 3 },
  ),
  offset: fc.integer({ min: 0, max: span - 1 }),
  session: fc.integer({ min: 0, max: 5 }),
  source: fc.constantFrom(
    { source: 'google', medium: 'cpc', campaign: 'brand' },
    { source: 'newsletter', medium: 'email', campaign: 'weekly' },
    { source: undefined, medium: undefined, campaign: undefined },
  ),
  device: fc.constantFrom('desktop', 'mobile', 'tablet'),
  country: fc.constantFrom('US', 'CA', undefined),
  results: fc.constantFrom(0, 3),
  product: fc.constantFrom('prod_a', 'prod_b'),
});

for (const target of testDatabaseTargets()) {
  describe(`rollups: incremental equals rebuild on ${target.label}`, () => {
    let database: Database;
    let run = 0;
    before(async () => {
      database = await target.create();
    });
    after(() => database.close());

    const snapshot = async (storeId: string) => ({
      daily: resultRows<Record<string, unknown>>(
        await database.db.execute(
          sql`select * from analytics_daily where store_id = ${storeId} order by day, dimension, value`,
        ),
      ),
      products: resultRows(
        await database.db.execute(
          sql`select * from analytics_daily_products where store_id = ${storeId} order by day, product_id`,
        ),
      ),
    });

    test('any stream of events, in any batches', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(eventArb, { minLength: 1, maxLength: 40 }),
          fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }),
          async (events, batchSizes) => {
            const store = await createStore(database.db, actor, {
              handle: `roll-${++run}-${process.pid}`,
              name: 'Rollup property',
              baseCurrency: 'USD',
              timezone: 'America/New_York',
            });
            const rows = events.map((e, i) => ({
              eventId: `e${i}`,
              name: e.name,
              occurredAt: new Date(start + e.offset).toISOString(),
              visitorId: `v${e.session}`,
              sessionId: `s${e.session}`,
              sessionStart: i === events.findIndex((o) => o.session === e.session),
              device: e.device,
              ...(e.source.source ? e.source : {}),
              ...(e.country ? { country: e.country } : {}),
              ...(e.name === 'search' ? { searchTerm: 'vase', resultsCount: e.results } : {}),
              ...(e.name === 'view_item' ? { productId: e.product } : {}),
            }));
            // Incremental: batch by batch, each followed by the job's round.
            let at = 0;
            for (let b = 0; at < rows.length; b++) {
              const size = batchSizes[b % batchSizes.length]!;
              await ingestEvents(database.db, store, rows.slice(at, at + size), new Date(start + span));
              at += size;
              while ((await rollUpDirtyDays(database.db)) > 0);
            }
            const incremental = await snapshot(store.id);
            assert.ok(incremental.daily.length > 0);
            const expected = closedFunnelByDay(
              rows.map((r, i) => ({
                name: r.name,
                at: start + events[i]!.offset,
                session: events[i]!.session,
                starts: r.sessionStart,
              })),
            );
            const funnels = new Map(
              incremental.daily
                .filter((r) => r.dimension === 'all')
                .map((r) => [
                  String(r.day),
                  [
                    r.sessions,
                    r.funnel_view_sessions,
                    r.funnel_cart_sessions,
                    r.funnel_checkout_sessions,
                    r.funnel_shipping_sessions,
                    r.funnel_payment_sessions,
                    r.funnel_purchase_sessions,
                  ].map(Number),
                ]),
            );
            assert.deepEqual(funnels, expected);
            await runAt(new Date(start + span + 3600_000), () => rebuildRollups(database.db, store));
            assert.deepEqual(await snapshot(store.id), incremental);
          },
        ),
        { numRuns: 12 },
      );
    });

    test('the closed funnel of any day’s sessions is the in-order walk', async () => {
      // Four sessions on one New York day (Tue 3 Nov 2026, from 02:00 local), mostly funnel steps,
      // so steps come out of order, twice, or not at all.
      const dayStart = Date.parse('2026-11-03T07:00:00Z');
      const funnelEventArb = fc.record({
        name: fc.oneof(
          { arbitrary: fc.constantFrom(...eventNames), weight: 1 },
          { arbitrary: fc.constantFrom(...closedSteps), weight: 6 },
        ),
        offset: fc.integer({ min: 0, max: 20 * 3600 * 1000 }),
        session: fc.integer({ min: 0, max: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(funnelEventArb, { minLength: 1, maxLength: 30 }), async (events) => {
          const store = await createStore(database.db, actor, {
            handle: `funnel-${++run}-${process.pid}`,
            name: 'Funnel property',
            baseCurrency: 'USD',
            timezone: 'America/New_York',
          });
          const rows = events.map((e, i) => ({
            eventId: `e${i}`,
            name: e.name,
            occurredAt: new Date(dayStart + e.offset).toISOString(),
            visitorId: `v${e.session}`,
            sessionId: `s${e.session}`,
            sessionStart: i === events.findIndex((o) => o.session === e.session),
          }));
          await ingestEvents(database.db, store, rows, new Date(dayStart + 24 * 3600 * 1000));
          while ((await rollUpDirtyDays(database.db)) > 0);
          const [row] = resultRows<Record<string, unknown>>(
            await database.db.execute(
              sql`select sessions, funnel_view_sessions, funnel_cart_sessions, funnel_checkout_sessions,
                    funnel_shipping_sessions, funnel_payment_sessions, funnel_purchase_sessions
                  from analytics_daily where store_id = ${store.id} and dimension = 'all'`,
            ),
          );
          const expected = closedFunnelByDay(
            events.map((e, i) => ({
              name: e.name,
              at: dayStart + e.offset,
              session: e.session,
              starts: rows[i]!.sessionStart,
            })),
          );
          assert.deepEqual(Object.values(row!).map(Number), expected.get('2026-11-03'));
        }),
        { numRuns: 30 },
      );
    });
  });
}
