// Property: whatever events arrive, in whatever batches and order, the rollups kept up to date
// batch by batch (the job) equal a rebuild from scratch. Times straddle midnight and the end of
// daylight saving time in New York (1 Nov 2026), where a local day is 25 hours long.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
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

const eventArb = fc.record({
  name: fc.constantFrom(...eventNames),
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
      daily: resultRows(
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
            await runAt(new Date(start + span + 3600_000), () => rebuildRollups(database.db, store));
            assert.deepEqual(await snapshot(store.id), incremental);
          },
        ),
        { numRuns: 12 },
      );
    });
  });
}
