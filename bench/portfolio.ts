// `node --import tsx bench/portfolio.ts`: how long the portfolio takes for a manager with
// BENCH_STORES stores (default 30), each with 120 days of rollups (store-wide and five channels),
// a rate to the reporting currency for half of them, and three goals running today (store-wide
// net sales, a channel's orders, conversion rate). Runs on PGlite, or on PostgreSQL with
// BENCH_DATABASE_URL. Prints the median and slowest of BENCH_RUNS (default 7) runs of the whole
// service, and of the goals' pacing alone. Prints figures; asserts nothing.
import { DateTime } from 'luxon';
import { addMember, createStore, createUser, type Store, systemActor } from '../src/modules/access/index.ts';
import { writeDailyRollups } from '../src/modules/analytics/testing/rollup-rows.ts';
import { createGoal, currentGoalsOfStores } from '../src/modules/goals/index.ts';
import { recordExchangeRate } from '../src/modules/markets/exchange-rates.ts';
import { portfolio } from '../src/modules/portfolio/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';

const storeCount = Number(process.env.BENCH_STORES ?? 30);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const actor = systemActor('portfolio bench');
const channels = ['Direct', 'Organic Search', 'Paid Search', 'Email', 'Paid Social'];

const database = await openDatabase(
  process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : {},
);
await migrateDatabase(database);
const db = database.db;
const email = `bench-${Date.now()}@example.test`;
const user = await createUser(db, actor, { email, password: 'correct horse battery', name: 'Bench' });
const today = DateTime.utc().startOf('day');
const stores: Store[] = [];
for (let s = 0; s < storeCount; s++) {
  const store = await createStore(db, actor, {
    handle: `bench-${Date.now()}-${s}`,
    name: `Bench ${s}`,
    baseCurrency: s % 2 === 0 ? 'EUR' : 'USD',
  });
  await addMember(db, actor, store.id, { email, role: 'manager' });
  if (s % 2 === 1)
    await recordExchangeRate(db, store, actor, {
      quoteCurrency: 'EUR',
      rate: '0.9',
      effectiveOn: '2020-01-01',
    });
  const rows = [];
  for (let d = today.minus({ days: 120 }); d < today; d = d.plus({ days: 1 })) {
    const day = d.toISODate()!;
    const orders = 20 + ((d.weekday * 7 + s) % 11);
    rows.push({
      storeId: store.id,
      day,
      orders,
      grossSales: orders * 4500,
      sessions: orders * 40,
      purchaseSessions: orders,
    });
    for (const [i, channel] of channels.entries())
      rows.push({
        storeId: store.id,
        day,
        dimension: 'channel',
        value: channel,
        orders: Math.round(orders / (i + 2)),
        sessions: Math.round((orders * 40) / (i + 2)),
      });
  }
  await writeDailyRollups(db, rows);
  const month = { periodKind: 'month' as const, period: today.toFormat('yyyy-MM') };
  await createGoal(db, store.id, actor, { metric: 'netSales', ...month, target: 3_000_000 });
  await createGoal(db, store.id, actor, {
    metric: 'orders',
    ...month,
    target: 200,
    scope: 'channel',
    scopeValue: 'Email',
  });
  await createGoal(db, store.id, actor, { metric: 'conversionRate', ...month, target: 0.025 });
  stores.push(store);
}

async function timed(label: string, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms (${runs} runs)`,
  );
}

console.log(`${storeCount} stores, 120 days of rollups each, ${storeCount * 3} goals running today`);
await timed('portfolio (28 days, EUR)', () => portfolio(db, user.id, { currency: 'EUR' }));
await timed('goals pacing alone', () => currentGoalsOfStores(db, stores));
await database.close();
