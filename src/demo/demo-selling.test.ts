// The demo store's selling, as a newcomer first sees it: orders placed through the checkout in four
// currencies, worked into every state a shop has (paid or awaiting transfer, in transit, delivered,
// refunded, returned, cancelled), amounts that add up, and stock books that still verify.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findStore } from '../modules/access/index.ts';
import { verifyInventory } from '../modules/inventory/index.ts';
import { getOrder } from '../modules/orders/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { demoOrderCount } from './demo-selling.ts';
import { seedDemo } from './seed-demo.ts';

for (const target of testDatabaseTargets()) {
  let database: Database;
  before(async () => {
    database = await target.create();
    assert.equal(await seedDemo(database.db, undefined, { mailFrom: 'demo@example.test' }), true);
  });
  after(async () => {
    await database.close();
  });

  const countsBy = async (column: string) => {
    const rows = await database.execute<{ value: string; n: number }>(
      `select ${column} as value, count(*)::int as n from orders o join stores s on s.id = o.store_id
       where s.handle = 'alder-ash' and o.source = 'storefront' group by 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.value, r.n]));
  };

  test(`the demo store's orders come in four currencies and every state (${target.label})`, async () => {
    const currencies = await countsBy('o.currency');
    assert.deepEqual(Object.keys(currencies).sort(), ['EUR', 'GBP', 'JPY', 'USD']);
    assert.equal(
      Object.values(currencies).reduce((a, b) => a + b, 0),
      demoOrderCount,
    );
    const financial = await countsBy('o.financial_status');
    for (const status of ['paid', 'pending', 'partially_refunded']) {
      assert.ok(financial[status]! > 0, `some ${status}: ${JSON.stringify(financial)}`);
    }
    const fulfilment = await countsBy('o.fulfilment_status');
    for (const status of ['unfulfilled', 'fulfilled', 'delivered']) {
      assert.ok(fulfilment[status]! > 0, `some ${status}: ${JSON.stringify(fulfilment)}`);
    }
    const status = await countsBy('o.status');
    assert.ok(status.cancelled! >= 1 && status.completed! > status.open!, JSON.stringify(status));
    const returns = await database.execute<{ status: string; resolution: string | null; n: number }>(
      `select r.status, r.resolution, count(*)::int as n from order_returns r group by 1, 2`,
    );
    const returned = (s: string, resolution: string | null = null) =>
      returns.find((r) => r.status === s && (resolution === null || r.resolution === resolution))?.n ?? 0;
    assert.ok(returned('closed', 'refund') >= 1, JSON.stringify(returns));
    assert.equal(returned('closed', 'exchange'), 1, 'one mug swapped for the other glaze');
    assert.ok(returned('requested') + returned('approved') >= 1, 'returns still open');
    const [codes] = await database.execute<{ welcome: number; bxgy: number; tracked: number }>(
      `select
         (select count(*)::int from orders where discounts::text like '%WELCOME10%') as welcome,
         (select count(*)::int from orders where discounts::text like '%buy 2, get 1%') as bxgy,
         (select count(*)::int from fulfilments where tracking_url like 'https://%') as tracked`,
    );
    assert.ok(codes!.welcome > 0 && codes!.bxgy > 0, JSON.stringify(codes));
    assert.ok(codes!.tracked > demoOrderCount / 2, 'parcels carry carrier tracking links');
  });

  test(`every demo order adds up and the stock books still verify (${target.label})`, async () => {
    const store = (await findStore(database.db, 'alder-ash'))!;
    const ids = await database.execute<{ id: string }>(`select id from orders where store_id = $1`, [
      store.id,
    ]);
    assert.ok(ids.length > demoOrderCount, 'the exchange made an order of its own');
    for (const { id } of ids) {
      const order = await getOrder(database.db, store.id, id);
      const lines = order.lines.reduce((sum, l) => sum + l.total, 0);
      assert.equal(order.total, lines + (order.shipping?.total ?? 0), `order ${order.number}`);
      assert.equal(
        order.subtotal,
        order.lines.reduce((sum, l) => sum + l.subtotal, 0),
      );
    }
    const report = await verifyInventory(database.db);
    assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
  });
}
