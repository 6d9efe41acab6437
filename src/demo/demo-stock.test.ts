// The demo stores' stock and purchasing, as a newcomer first sees them: books that verify, eight
// weeks of sales so something runs out, suppliers, purchase orders in each state, stock on its way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findStore } from '../modules/access/index.ts';
import { verifyInventory } from '../modules/inventory/index.ts';
import { listStock } from '../modules/inventory/stock-list/stock-list.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { seedDemo } from './seed-demo.ts';

for (const target of testDatabaseTargets()) {
  let database: Database;
  before(async () => {
    database = await target.create();
    // The selling store's history is built small: its stock ends where the full one's does.
    const history = { seed: 3, days: 120, sessionsPerDay: 20 };
    assert.equal(await seedDemo(database.db, undefined, { mailFrom: 'demo@example.test', history }), true);
  });
  after(async () => {
    await database.close();
  });

  test(`the demo's stock verifies and shows what runs out (${target.label})`, async () => {
    const report = await verifyInventory(database.db);
    assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
    assert.ok(report.movements > 1000, 'weeks of sales history');
    for (const handle of ['alder-ash', 'tidewater-coffee']) {
      const store = (await findStore(database.db, handle))!;
      const runningOut = await listStock(database.db, store, { state: 'running-out', sort: 'runs-out' });
      assert.ok(runningOut.total >= 3, `${handle}: ${runningOut.total} running out`);
      assert.ok(runningOut.items.every((row) => row.soldPerDay > 0 && row.daysOfCover !== null));
      const out = await listStock(database.db, store, { state: 'out' });
      assert.ok(out.total >= 1, `${handle}: something sold out`);
    }
  });

  test(`the demo has suppliers, orders in each state, mail to suppliers and stock in transit (${target.label})`, async () => {
    const rows = await database.execute<{
      handle: string;
      states: string[];
      suppliers: number;
      mail: number;
    }>(
      `select s.handle,
         array(select state from purchase_orders po where po.store_id = s.id order by number) as states,
         (select count(*)::int from suppliers sp where sp.store_id = s.id) as suppliers,
         (select count(*)::int from mail_messages m where m.store_id = s.id and m.topic = 'purchase_order.sent') as mail
       from stores s order by s.handle`,
    );
    for (const row of rows) {
      assert.deepEqual(row.states, ['received', 'partially_received', 'draft'], row.handle);
      assert.ok(row.suppliers >= 3, `${row.handle}: ${row.suppliers} suppliers`);
      assert.equal(row.mail, 2, `${row.handle}: the two sent orders were mailed`);
    }
    const [transit] = await database.execute<{ n: number }>(
      `select count(*)::int as n from inventory_transfers where state = 'in_transit'`,
    );
    assert.equal(transit!.n, 2);
    const [foreign] = await database.execute<{ n: number }>(
      `select count(*)::int as n from purchase_orders where exchange_rate <> 1`,
    );
    assert.ok(foreign!.n >= 1, 'a draft to a supplier abroad');
  });
}
