import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { outboxEvents } from '../../platform/events/schema.ts';
import { type VerifyReport, variantLedger, variantStock, verifyInventory } from '../inventory/index.ts';
import { confirmPaymentAction } from '../payments/index.ts';
import { getOrder } from './order-read.ts';
import { settlePaymentAction } from './placement.ts';
import { orderTestActor, placeTestOrder } from './testing/order-fixtures.ts';

function assertClean(report: VerifyReport) {
  assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
}

for (const target of testDatabaseTargets()) {
  describe(`placing an order on ${target.label}`, () => {
    let database: Database;
    let store: { id: string; baseCurrency: string };

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'placement');
    });
    after(async () => {
      await database.close();
    });

    const available = async (variantId: string) =>
      (await variantStock(database.db, store.id, [variantId])).get(variantId)!;

    test('a card payment places the order: number, paid, stock sold through the ledger, order.placed with its e-mail', async () => {
      const placed = await placeTestOrder(database, store, { quantities: [2, 1], stock: 5 });
      const order = await getOrder(database.db, store.id, placed.order.id);
      assert.ok(order.number! >= 1001);
      assert.equal(order.status, 'open');
      assert.equal(order.financialStatus, 'paid');
      assert.ok(order.placedAt);
      assert.equal(order.total, 3500);
      const stock = await available(placed.variantIds[0]!);
      assert.equal(stock.onHand, 3);
      assert.equal(stock.reserved, 0);
      const ledger = await variantLedger(database.db, store.id, placed.variantIds[0]!, { limit: 10 });
      const sale = ledger.items.find((m) => m.kind === 'sale');
      assert.equal(sale?.quantity, -2);
      assert.equal(sale?.referenceId, order.id);
      const events = await database.db
        .select()
        .from(outboxEvents)
        .where(eq(outboxEvents.type, 'order.placed'));
      const mine = events.find((e) => (e.payload as { orderId: string }).orderId === order.id);
      assert.ok(mine, 'order.placed emitted');
      const { mail } = mine.payload as {
        mail: {
          to: string;
          variables: {
            order: { number: string; total: { amount: number }; status_url: string };
            payment: { status: string; method_name: string };
          };
        };
      };
      assert.equal(mail.to, 'ada@example.com');
      assert.equal(mail.variables.order.number, String(order.number));
      assert.equal(mail.variables.order.total.amount, 3500);
      assert.equal(mail.variables.order.status_url, `/orders/${order.token}`);
      assert.deepEqual(mail.variables.payment.status, 'paid');
      assert.match(mail.variables.payment.method_name, /4242/);
      assert.deepEqual(
        order.events.map((e) => e.kind),
        ['created', 'placed'],
      );
      assertClean(await verifyInventory(database.db, { storeIds: [store.id] }));
    });

    test('order numbers are unique and consecutive under concurrent placements', async () => {
      const placed = await Promise.all(Array.from({ length: 6 }, () => placeTestOrder(database, store)));
      const numbers = placed.map((p) => p.order.number!).sort((a, b) => a - b);
      assert.equal(new Set(numbers).size, 6);
      assert.equal(numbers[5]! - numbers[0]!, 5);
    });

    test('a manual payment places the order awaiting payment, stock sold', async () => {
      const placed = await placeTestOrder(database, store, { payment: 'manual', stock: 3 });
      assert.equal(placed.order.financialStatus, 'pending');
      assert.ok(placed.order.placedAt);
      assert.equal((await available(placed.variantIds[0]!)).onHand, 2);
    });

    test('a card that needs the extra step holds the stock; approving places the order', async () => {
      const placed = await placeTestOrder(database, store, { payment: 'three_d_secure', stock: 3 });
      assert.equal(placed.order.financialStatus, 'requires_action');
      assert.equal(placed.order.placedAt, null);
      const held = await available(placed.variantIds[0]!);
      assert.deepEqual([held.onHand, held.reserved], [3, 1]);
      const order = await database.db.transaction(async (tx) => {
        const payment = await confirmPaymentAction(tx, store.id, placed.payment.id, { approve: true });
        return settlePaymentAction(tx, store.id, orderTestActor, placed.order.id, payment);
      });
      assert.equal(order.financialStatus, 'paid');
      assert.ok(order.placedAt);
      const stock = await available(placed.variantIds[0]!);
      assert.equal(stock.onHand, 2);
      assert.equal(stock.reserved, 0);
    });

    test('a failed extra step cancels the order and gives the stock back', async () => {
      const placed = await placeTestOrder(database, store, { payment: 'three_d_secure', stock: 3 });
      const order = await database.db.transaction(async (tx) => {
        const payment = await confirmPaymentAction(tx, store.id, placed.payment.id, { approve: false });
        return settlePaymentAction(tx, store.id, orderTestActor, placed.order.id, payment);
      });
      assert.equal(order.status, 'cancelled');
      assert.equal(order.cancelReason, 'payment_failed');
      const stock = await available(placed.variantIds[0]!);
      assert.equal(stock.onHand, 3);
      assert.equal(stock.reserved, 0);
      assertClean(await verifyInventory(database.db, { storeIds: [store.id] }));
    });
  });
}
