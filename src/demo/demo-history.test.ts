import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findStore, type Store } from '../modules/access/index.ts';
import { storeAnomalies } from '../modules/insights/index.ts';
import { verifyInventory } from '../modules/inventory/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { type DemoHistoryOptions, type HistoryProduct, planDemoHistory } from './demo-history-plan.ts';
import { seedDemo } from './seed-demo.ts';

// The demo store's simulated past, built small (fewer visits a day, the full year and a half so
// both seasons are in it): the same seed gives the same history, the seasons and the week show in
// the daily reports, the three incidents are where they were put, every order adds up and the
// shelf never went below zero.

const small: DemoHistoryOptions = { seed: 7, days: 548, sessionsPerDay: 30 };

const products: HistoryProduct[] = Array.from({ length: 12 }, (_, i) => ({
  variantId: `var_${i}`,
  productId: `prod_${i}`,
  handle: `product-${i}`,
  title: `Product ${i}`,
  sku: `SKU-${i}`,
  priceAmount: 1500 + i * 700,
}));

test('the same seed plans the same history; another seed another one', () => {
  const plan = (seed: number) =>
    planDemoHistory({ ...small, seed }, products, 'product-2', '2026-06-15', 'Europe/Berlin');
  const a = plan(7);
  assert.deepEqual(plan(7), a);
  const b = plan(8);
  assert.notDeepEqual(b.orders, a.orders);
  // Days stay the anchor's: the last is yesterday.
  assert.equal(a.days.at(-1), '2026-06-14');
  assert.equal(a.days.length, small.days);
  // Most customers buy once, some come back: a customer base the lifetime-value models can read.
  const perCustomer = new Map<number, number>();
  for (const o of a.orders) perCustomer.set(o.customer, (perCustomer.get(o.customer) ?? 0) + 1);
  const repeat = [...perCustomer.values()].filter((n) => n > 1).length / perCustomer.size;
  assert.ok(repeat > 0.1 && repeat < 0.5, `repeat customers ${repeat}`);
});

for (const target of testDatabaseTargets()) {
  let database: Database;
  let store: Store;
  before(async () => {
    database = await target.create();
    assert.equal(
      await seedDemo(database.db, undefined, { mailFrom: 'demo@example.test', history: small }),
      true,
    );
    store = (await findStore(database.db, 'alder-ash'))!;
  });
  after(async () => {
    await database.close();
  });

  const daily = async (where: string, params: unknown[] = []) =>
    database.execute<{ day: string; sessions: number; orders: number; units: number }>(
      `select day::text as day, sessions, orders, units from analytics_daily
       where store_id = $1 and ${where} order by day`,
      [store.id, ...params],
    );
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

  test(`the history shows the seasons and the week in the daily reports (${target.label})`, async () => {
    const all = await daily(`dimension = 'all'`);
    assert.ok(all.length >= small.days, `${all.length} days rolled up`);
    const months = (...m: number[]) => all.filter((d) => m.includes(Number(d.day.slice(5, 7))));
    const lastYear = (rows: typeof all) => {
      const years = rows.map((d) => d.day.slice(0, 4)).sort();
      return rows.filter((d) => d.day.startsWith(years.at(-1)!));
    };
    // The last November–December against the summer before it (growth counts for little here).
    const q4 = mean(months(11, 12).map((d) => d.sessions));
    const summer = mean(months(7, 8).map((d) => d.sessions));
    assert.ok(q4 / summer > 1.4, `Q4 ${q4} vs summer ${summer}`);
    const weekday = (n: number) =>
      mean(
        lastYear(all)
          .filter((d) => new Date(`${d.day}T12:00:00Z`).getUTCDay() === n)
          .map((d) => d.sessions),
      );
    assert.ok(weekday(0) > weekday(5) * 1.15, `Sundays ${weekday(0)} vs Fridays ${weekday(5)}`);
    // Conversion about 2–3 %.
    const sessions = all.reduce((n, d) => n + d.sessions, 0);
    const orders = all.reduce((n, d) => n + d.orders, 0);
    assert.ok(orders / sessions > 0.015 && orders / sessions < 0.035, `conversion ${orders / sessions}`);
  });

  test(`the incidents are in the rollups, and the anomaly check sees the outage (${target.label})`, async () => {
    // Days are the store's: near midnight UTC its today is not the database's current_date.
    const [plan] = await database.execute<{ outage: string; stop_from: string; stock_out: string }>(
      `select
         ((now() at time zone $1)::date - 17)::text as outage,
         ((now() at time zone $1)::date - 33)::text as stop_from,
         ((now() at time zone $1)::date - 11)::text as stock_out`,
      [store.timezone],
    );
    // The checkout outage: visitors as usual, next to no orders.
    const around = await daily(`dimension = 'all' and day between $2::date - 28 and $2::date`, [
      plan!.outage,
    ]);
    const outage = around.find((d) => d.day === plan!.outage)!;
    const before = around.filter((d) => d.day !== plan!.outage);
    assert.ok(outage.sessions > mean(before.map((d) => d.sessions)) * 0.6, JSON.stringify(outage));
    assert.ok(outage.orders <= Math.max(1, mean(before.map((d) => d.orders)) * 0.25), JSON.stringify(outage));
    // At this small size a few orders a day are expected, too few to flag by themselves (the full
    // size is: docs/anomalies.md); the judgement still sees the day's orders far below expectation.
    const report = await storeAnomalies(database.db, store, plan!.outage);
    const orders = report.metrics.find((m) => m.metric === 'orders')!;
    assert.equal(orders.judgement.status, 'judged');
    assert.ok(orders.judgement.relativeChange! <= -0.75, JSON.stringify(orders.judgement));

    // The campaign stopped by mistake: no visits and no spend for a week, both before.
    const campaign = await daily(
      `dimension = 'campaign' and value = 'Ceramics – Generic'
      and day between $2::date - 14 and $2::date + 6`,
      [plan!.stop_from],
    );
    const stopped = campaign.filter((d) => d.day >= plan!.stop_from);
    assert.ok(
      stopped.every((d) => d.sessions === 0),
      JSON.stringify(stopped),
    );
    assert.ok(campaign.filter((d) => d.day < plan!.stop_from).every((d) => d.sessions > 0));
    const [spend] = await database.execute<{ stopped: number; before: number }>(
      `select count(*) filter (where day between $2::date and $2::date + 6)::int as stopped,
              count(*) filter (where day between $2::date - 14 and $2::date - 1)::int as before
       from marketing_ad_spend where store_id = $1 and campaign = 'Ceramics – Generic'`,
      [store.id, plan!.stop_from],
    );
    assert.deepEqual(spend, { stopped: 0, before: 14 });

    // The best-seller's stock-out: sold every week before, nothing since, nothing on the shelf.
    const sold = await database.execute<{ before: number; since: number; on_hand: number }>(
      `with p as (
         select l.variant_id from inventory_levels l
         where l.store_id = $1 and l.on_hand = 0 and exists (
           select 1 from order_lines ol where ol.variant_id = l.variant_id and ol.store_id = $1))
       select
         (select coalesce(sum(ol.quantity), 0)::int from order_lines ol join orders o on o.id = ol.order_id
            where ol.variant_id = p.variant_id and o.placed_at >= $2::date - 28 and o.placed_at < $2::date) as before,
         (select coalesce(sum(ol.quantity), 0)::int from order_lines ol join orders o on o.id = ol.order_id
            where ol.variant_id = p.variant_id and o.placed_at >= $2::date + 1) as since,
         (select coalesce(sum(on_hand), 0)::int from inventory_levels where variant_id = p.variant_id) as on_hand
       from p`,
      [store.id, plan!.stock_out],
    );
    const bestSeller = sold.find((s) => s.before > 10);
    assert.ok(bestSeller, `a best-seller ran out: ${JSON.stringify(sold)}`);
    assert.deepEqual([bestSeller.since, bestSeller.on_hand], [0, 0]);
  });

  test(`every order of the history adds up and the shelf never went below zero (${target.label})`, async () => {
    const [sums] = await database.execute<{ orders: number; wrong: number; history: number }>(
      `select count(*)::int as orders,
         count(*) filter (where o.total <> (select sum(total) from order_lines l where l.order_id = o.id)
           + o.shipping_total
           or o.subtotal <> (select sum(subtotal) from order_lines l where l.order_id = o.id)
           or o.tax_total <> (select sum(tax) from order_lines l where l.order_id = o.id)
             + coalesce((o.shipping->>'tax')::bigint, 0))::int as wrong,
         count(*) filter (where o.checkout_id is null)::int as history
       from orders o where o.store_id = $1`,
      [store.id],
    );
    assert.equal(sums!.wrong, 0);
    assert.ok(sums!.history > 300, `${sums!.history} orders of history`);
    const [negative] = await database.execute<{ n: number }>(
      `select count(*)::int as n from inventory_movements where store_id = $1 and on_hand_after < 0`,
      [store.id],
    );
    assert.equal(negative!.n, 0);
    const report = await verifyInventory(database.db);
    assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
    // Facts for every placed order, none in the future.
    const [facts] = await database.execute<{ missing: number; future: number }>(
      `select
         (select count(*)::int from orders o where o.store_id = $1 and o.placed_at is not null
            and not exists (select 1 from analytics_order_facts f where f.order_id = o.id)) as missing,
         (select count(*)::int from orders where store_id = $1
            and greatest(placed_at, updated_at, completed_at) > now()) as future`,
      [store.id],
    );
    assert.deepEqual(facts, { missing: 0, future: 0 });
  });
}
