// An order placed inside the business clock's runAt (platform/clock.ts) — how the demo seeds its
// history — carries that moment everywhere the placement writes it: the cart, the order and its
// timeline, the payment and its transactions, the stock reservation and the ledger's sale, the
// outbox events. Outside runAt nothing changes: the real time.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import { runAt } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { getOrder } from '../../orders/index.ts';
import { testCard, testCardNumbers } from '../../payments/testing/payment-fixtures.ts';
import { findCartByToken } from '../index.ts';
import { type EuShop, makeEuShop, readyCart } from '../testing/placement-setup.ts';
import { placeOrderFromCart } from './place-order.ts';

const day = 24 * 3600 * 1000;

for (const target of testDatabaseTargets()) {
  describe(`an order placed at a simulated moment on ${target.label}`, () => {
    let database: Database;
    let eu: EuShop;

    before(async () => {
      database = await target.create();
      eu = await makeEuShop(database, await makeStore(database, `clock-${process.pid}`, 'EUR'));
    });
    after(async () => {
      await database?.close();
    });

    /** Every stamp the placement wrote for the order, as ISO text per table. */
    async function stampsOf(orderId: string, cartId: string) {
      const rows = await database.execute<{ source: string; at: Date | string }>(
        `select 'carts' as source, created_at as at from carts where id = $2
         union all select 'carts.updated', updated_at from carts where id = $2
         union all select 'cart_lines', added_at from cart_lines where cart_id = $2
         union all select 'orders.placed', placed_at from orders where id = $1
         union all select 'orders.created', created_at from orders where id = $1
         union all select 'order_events', created_at from order_events where order_id = $1
         union all select 'payments', created_at from payments where order_id = $1
         union all select 'payment_transactions', t.created_at from payment_transactions t
           join payments p on p.id = t.payment_id where p.order_id = $1
         union all select 'inventory_reservations', created_at from inventory_reservations where reference in ($1, $2)
         union all select 'inventory_movements', created_at from inventory_movements
           where reference_type = 'order' and reference_id = $1
         union all select 'outbox_events', created_at from outbox_events where payload->>'orderId' = $1`,
        [orderId, cartId],
      );
      const bySource = new Map<string, Set<string>>();
      for (const row of rows) {
        const set = bySource.get(row.source) ?? new Set<string>();
        set.add(new Date(row.at).toISOString());
        bySource.set(row.source, set);
      }
      return bySource;
    }

    test('the cart, order, timeline, payment, ledger sale and events carry the simulated time', async () => {
      const at = new Date(Math.floor((Date.now() - 40 * day) / 1000) * 1000);
      const { orderId, cartId, token } = await runAt(at, async () => {
        const { cartId, token } = await readyCart(database, eu.store, {
          lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
        });
        const placed = await placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: token,
          idempotencyKey: randomUUID(),
          payment: { provider: 'test_card', card: testCard(testCardNumbers.success) },
        });
        return { orderId: placed.order.id, cartId, token };
      });
      const order = await getOrder(database.db, eu.store.id, orderId);
      assert.equal(order.placedAt?.toISOString(), at.toISOString());
      assert.equal(order.financialStatus, 'paid');
      const stamps = await stampsOf(orderId, cartId);
      for (const source of [
        'carts',
        'carts.updated',
        'cart_lines',
        'orders.placed',
        'orders.created',
        'order_events',
        'payments',
        'payment_transactions',
        'inventory_reservations',
        'inventory_movements',
        'outbox_events',
      ]) {
        assert.deepEqual([...(stamps.get(source) ?? [])], [at.toISOString()], source);
      }
      // The cart's 30-day life counted from its own moment: long over by the real clock.
      assert.equal(await findCartByToken(database.db, eu.store.id, token), undefined);
    });

    test('a cart made 40 days ago has expired by then-now, a cart made a day ago has not', async () => {
      const made = new Date(Date.now() - 40 * day);
      const { token } = await runAt(made, () =>
        readyCart(database, eu.store, { lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }] }),
      );
      assert.ok(
        await runAt(new Date(made.getTime() + day), () => findCartByToken(database.db, eu.store.id, token)),
      );
      assert.equal(
        await runAt(new Date(made.getTime() + 31 * day), () =>
          findCartByToken(database.db, eu.store.id, token),
        ),
        undefined,
      );
    });

    test('without runAt the placement is stamped with the real time', async () => {
      const before = Date.now();
      const { token } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
      });
      const placed = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: { provider: 'test_card', card: testCard(testCardNumbers.success) },
      });
      const placedAt = (await getOrder(database.db, eu.store.id, placed.order.id)).placedAt!.getTime();
      assert.ok(placedAt >= before - 1000 && placedAt <= Date.now() + 1000, new Date(placedAt).toISOString());
    });
  });
}
