// `npm run bench:analytics`: the analytics pipeline at scale on PostgreSQL (BENCH_DATABASE_URL, or
// TEST_DATABASE_URL). One store gets BENCH_ORDERS order facts (default 100,000) and BENCH_EVENTS raw
// events (default 2,000,000) spread over 540 days, written with generate_series; then it measures
//   - the rollup rebuild of every day (events/s),
//   - the dashboard: the KPI report (every KPI, funnel, daily series) for 90 days against the 90
//     before, plus the channel breakdown, the top products and the failed searches: p50 / p99 of
//     BENCH_DASHBOARD_RUNS (30) loads, in process,
//   - event ingest through the API (POST …/analytics/events, batches of 1,000, 4 at a time).
// Issue targets, at 1,000,000 orders and 20,000,000 events: dashboard p50 < 100 ms, rebuild
// ≥ 100,000 events/s, ingest ≥ 20,000 events/s. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createApiKey, createStore, systemActor } from '../src/modules/access/index.ts';
import { ensureEventPartitions, rebuildRollups } from '../src/modules/analytics/index.ts';
import { breakdownReport } from '../src/modules/analytics/reports/breakdown-report.ts';
import { kpiReport } from '../src/modules/analytics/reports/kpi-report.ts';
import { productReport } from '../src/modules/analytics/reports/product-report.ts';
import { searchTermsReport } from '../src/modules/analytics/reports/search-terms-report.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { scratchPostgresDatabase } from './support/scratch-postgres.ts';

const orders = Number(process.env.BENCH_ORDERS ?? 100_000);
const events = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const runs = Number(process.env.BENCH_DASHBOARD_RUNS ?? 30);
const ingestBatches = Number(process.env.BENCH_INGEST_BATCHES ?? 200);
const days = 540;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function main() {
  if (!pgUrl) {
    console.log('Set BENCH_DATABASE_URL=postgres://… (the analytics benchmark runs on PostgreSQL).');
    return;
  }
  const scratch = await scratchPostgresDatabase(pgUrl, 'sp_bench_analytics');
  const database = await openDatabase({ url: scratch.url });
  try {
    await migrateDatabase(database);
    const actor = systemActor('bench');
    const store = await createStore(database.db, actor, {
      handle: 'bench-analytics',
      name: 'Bench Analytics',
      baseCurrency: 'EUR',
      timezone: 'Europe/Berlin',
    });
    const end = new Date();
    end.setUTCHours(0, 0, 0, 0);
    const startMs = end.getTime() - days * 86_400_000;
    const monthStarts: Date[] = [];
    for (let t = startMs; t <= end.getTime() + 86_400_000; t += 20 * 86_400_000)
      monthStarts.push(new Date(t));
    await ensureEventPartitions(database.db, [...monthStarts, new Date(end.getTime() + 86_400_000)]);

    let t0 = performance.now();
    // Order facts and one line each; a purchase event for every order, the other events browsing.
    await database.execute(
      `insert into analytics_order_facts (store_id, order_id, placed_at, day, customer_id, currency, exchange_rate,
         gross_sales, discounts, shipping, tax, total, tax_included, units, origin)
       select $1, 'ord_' || g, ts, (ts at time zone 'Europe/Berlin')::date, 'cus_' || (g % ($2 / 3 + 1)), 'EUR', null,
         2000 + (g % 7) * 900, (g % 5) * 100, 495, 0, 2495 + (g % 7) * 900 - (g % 5) * 100, true, 1 + g % 3, 'storefront'
       from (select g, to_timestamp($3 + (g::float8 / $2) * $4) as ts from generate_series(1, $2) g) s`,
      [store.id, orders, startMs / 1000, days * 86_400],
    );
    await database.execute(
      `insert into analytics_order_line_facts (store_id, line_id, order_id, day, product_id, variant_id, quantity, gross_sales, discounts, cost)
       select store_id, 'line_' || order_id, order_id, day, 'prod_' || (abs(hashtext(order_id)) % 400), null, units,
         gross_sales, discounts, gross_sales * 4 / 10
       from analytics_order_facts where store_id = $1`,
      [store.id],
    );
    const generated = Math.max(0, events - orders);
    await database.execute(
      `insert into analytics_events (store_id, occurred_at, event_id, received_at, name, origin, visitor_id, session_id,
         session_start, consented, source, medium, campaign, channel, device, country, product_id, search_term, results_count)
       select $1, ts, 'e' || g, ts, (array['page_view','view_item','view_item','add_to_cart','search','begin_checkout','view_item_list','page_view'])[1 + g % 8],
         'storefront', 'v' || (g / 6), 's' || (g / 6), g % 6 = 0, true,
         (array['google','newsletter','instagram',null])[1 + (g / 6) % 4], (array['cpc','email','social',null])[1 + (g / 6) % 4],
         (array['brand','weekly',null,null])[1 + (g / 6) % 4], (array['Paid Search','Email','Organic Social','Direct'])[1 + (g / 6) % 4],
         (array['mobile','desktop','tablet'])[1 + (g / 6) % 3], (array['DE','FR','US','GB','NL'])[1 + (g / 6) % 5],
         'prod_' || (g % 400), case when g % 8 = 4 then 'term ' || (g % 50) end, case when g % 8 = 4 then g % 3 end
       from (select g, to_timestamp($2 + (g::float8 / $3) * $4) as ts from generate_series(1, $3) g) s`,
      [store.id, startMs / 1000, generated, days * 86_400],
    );
    await database.execute(
      `insert into analytics_events (store_id, occurred_at, event_id, received_at, name, origin, visitor_id, session_id,
         session_start, consented, channel, device, order_id)
       select store_id, placed_at, 'p' || order_id, placed_at, 'purchase', 'storefront', 'vp' || order_id, 'sp' || order_id,
         true, true, 'Paid Search', 'mobile', order_id
       from analytics_order_facts where store_id = $1`,
      [store.id],
    );
    await database.execute('analyze');
    console.log(
      `Generated ${fmt(orders)} orders and ${fmt(events)} events over ${days} days in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    );

    t0 = performance.now();
    const rebuilt = await rebuildRollups(database.db, store);
    const rebuildSeconds = (performance.now() - t0) / 1000;
    console.log(
      `Rollup rebuild: ${rebuilt.days} days, ${fmt(rebuilt.events)} events in ${rebuildSeconds.toFixed(1)} s → ${fmt(rebuilt.events / rebuildSeconds)} events/s`,
    );

    const to = new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
    const from = new Date(end.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await Promise.all([
        kpiReport(database.db, store, { from, to, compare: 'previous_period' }),
        breakdownReport(database.db, store, { from, to, compare: 'previous_period', dimension: 'channel' }),
        productReport(database.db, store, { from, to, order: 'top', groupBy: 'product', limit: 10 }),
        searchTermsReport(database.db, store, { from, to, withoutResults: true, limit: 10 }),
      ]);
      timings.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `Dashboard (90 days against the 90 before: every KPI, funnel, daily series, channels, top products, failed searches): p50 ${quantile(timings, 0.5).toFixed(1)} ms, p99 ${quantile(timings, 0.99).toFixed(1)} ms over ${runs} loads`,
    );
  } finally {
    await database.close();
  }

  // Ingest through the API on a fresh app over the same database.
  const ingestDb = await openDatabase({ url: scratch.url });
  const config = { ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}), jobs: false };
  const app = await buildApp({ config, database: ingestDb });
  try {
    const actor = systemActor('bench');
    const [row] = await ingestDb.execute<{ id: string }>(
      `select id from stores where handle = 'bench-analytics'`,
    );
    const { key } = await createApiKey(
      ingestDb.db,
      actor,
      row!.id,
      { name: 'bench', permissions: ['analytics:write'] },
      new Set(['analytics:write'] as const),
    );
    const at = new Date(Date.now() - 3600_000).toISOString();
    const batch = (b: number) => ({
      events: Array.from({ length: 1000 }, (_, i) => ({
        eventId: `ingest-${b}-${i}`,
        name: i % 5 === 0 ? 'add_to_cart' : 'page_view',
        occurredAt: at,
        visitorId: `app-${b}-${i % 50}`,
        source: 'app',
        medium: 'push',
        device: 'mobile',
        country: 'DE',
      })),
    });
    const t0 = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < ingestBatches) {
        const b = next++;
        const res = await app.app.inject({
          method: 'POST',
          url: `/api/admin/stores/${row!.id}/analytics/events`,
          headers: { authorization: `Bearer ${key}` },
          payload: batch(b),
        });
        if (res.statusCode !== 202) throw new Error(`ingest answered ${res.statusCode}: ${res.body}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `Ingest API: ${fmt(ingestBatches * 1000)} events in ${ingestBatches} batches of 1,000 (4 at a time) in ${seconds.toFixed(1)} s → ${fmt((ingestBatches * 1000) / seconds)} events/s`,
    );
  } finally {
    await app.close();
    await ingestDb.close();
    await scratch.drop();
  }
}

await main();
