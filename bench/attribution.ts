// `node --import tsx bench/attribution.ts`: how long the marketing module's attributed returns take
// for a month of a large store. BENCH_ORDERS orders (default 30,000) in May 2024, each by its own
// visitor with three earlier sessions (paid social, email, direct) within 30 days, written straight
// into the analytics facts and events with generate_series; then GET …/marketing/attribution's
// function is timed under each model (median of 5 runs). On PostgreSQL when TEST_DATABASE_URL is
// set, else PGlite. Prints figures; asserts nothing.
import { sql } from 'drizzle-orm';
import { createStore, systemActor } from '../src/modules/access/index.ts';
import { ensureEventPartitions, orderJourneys } from '../src/modules/analytics/index.ts';
import { attributionReport } from '../src/modules/marketing/index.ts';
import { testDatabaseTargets } from '../src/platform/db/test-database.ts';

const orders = Number(process.env.BENCH_ORDERS ?? 30_000);
const target = testDatabaseTargets().at(-1)!;
const database = await target.create();
const { db } = database;
const store = await createStore(db, systemActor('bench'), {
  handle: 'bench',
  name: 'Bench',
  baseCurrency: 'EUR',
});
await ensureEventPartitions(db, [new Date('2024-04-01T00:00:00Z'), new Date('2024-05-15T00:00:00Z')]);
const started = performance.now();
await db.execute(sql`
  insert into analytics_order_facts (store_id, order_id, placed_at, day, customer_id, currency, gross_sales,
    discounts, shipping, tax, total, tax_included, units, origin)
  select ${store.id}, 'ord_' || i, timestamp with time zone '2024-05-01 00:00:00+00' + (i % 2592000) * interval '1 second',
    date '2024-05-01' + (i % 2592000) / 86400, 'cus_' || (i % ${Math.floor(orders * 0.7)}), 'EUR',
    1000 + (i % 9000), 0, 0, 0, 1000 + (i % 9000), true, 1, 'storefront'
  from generate_series(1, ${orders}) as i`);
await db.execute(sql`
  insert into analytics_events (store_id, occurred_at, event_id, received_at, name, origin, visitor_id, session_id,
    session_start, source, medium, campaign, channel, device, order_id)
  select ${store.id}, f.placed_at - s.ago, 'e' || f.order_id || '-' || s.n, now(), s.name, 'api', 'v' || f.order_id,
    's' || f.order_id || '-' || s.n, s.name = 'page_view', s.source, s.medium, s.campaign, s.channel, 'desktop',
    case when s.name = 'purchase' then f.order_id end
  from analytics_order_facts f
  cross join (values
    (1, interval '12 days', 'page_view', 'facebook', 'paid', 'spring', 'Paid Social'),
    (2, interval '5 days', 'page_view', 'newsletter', 'email', 'may_news', 'Email'),
    (3, interval '10 minutes', 'page_view', null, null, null, 'Direct'),
    (4, interval '0 seconds', 'purchase', null, null, null, 'Direct')
  ) as s(n, ago, name, source, medium, campaign, channel)
  where f.store_id = ${store.id}`);
await db.execute(sql`analyze analytics_order_facts`);
await db.execute(sql`analyze analytics_events`);
console.log(
  `${target.label}: ${orders} orders, ${orders * 4} events written in ${Math.round(performance.now() - started)} ms`,
);
{
  const t = performance.now();
  const journeys = await orderJourneys(db, store.id, { from: '2024-05-01', to: '2024-05-31', days: 31 }, 30);
  console.log(
    `  the journeys statement alone: ${Math.round(performance.now() - t)} ms for ${journeys.length} orders`,
  );
}
for (const model of ['last_non_direct', 'first', 'linear', 'position_based']) {
  const times: number[] = [];
  let revenue = 0;
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    const report = await attributionReport(db, store, { from: '2024-05-01', to: '2024-05-31', model });
    times.push(performance.now() - t);
    revenue = report.totals.revenue;
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${model.padEnd(16)} median ${Math.round(times[2]!)} ms (min ${Math.round(times[0]!)}), net sales ${revenue}`,
  );
}
await database.close();
