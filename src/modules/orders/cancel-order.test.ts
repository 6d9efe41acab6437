import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { movementsByReference, verifyInventory } from '../inventory/index.ts';
import { paymentsOfOrder } from '../payments/index.ts';
import { cancelOrder } from './cancel-order.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { getOrder } from './order-read.ts';
import { refundOrder } from './refund-order.ts';
import { orderTestActor as actor, placeTestOrder } from './testing/order-fixtures.ts';
import { appError, orderEventsOfType, stockLevel, writeCounts } from './testing/order-test-reads.ts';

for (const target of testDatabaseTargets()) {
  describe(`cancelling orders on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'cancel-orders');
    });
    after(async () => {
      await database.close();
    });
    const tx = <T>(work: (tx: Database['db']) => Promise<T>) => database.db.transaction(work);

    test('a paid order cancelled before it ships: stock back through the ledger, the money refunded, the customer told', async () => {
      const { order, variantIds, location } = await placeTestOrder(database, store, {
        quantities: [2, 1],
        stock: 5,
      });
      assert.deepEqual(await stockLevel(database, variantIds[0]!, location.id), { onHand: 3, reserved: 0 });

      const { order: cancelled, refund } = await tx((t) =>
        cancelOrder(t, store.id, actor, order.id, { reason: 'customer', staffNote: 'Asked by phone' }),
      );
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.cancelReason, 'customer');
      assert.equal(cancelled.financialStatus, 'refunded');
      assert.equal(cancelled.refundedAmount, order.total);
      assert.equal(refund!.amount, order.total);
      assert.equal(refund!.shippingAmount, 500);
      assert.deepEqual(
        refund!.lines.map((l) => [l.quantity, l.amount]),
        [
          [2, 2000],
          [1, 1000],
        ],
      );

      assert.deepEqual(await stockLevel(database, variantIds[0]!, location.id), { onHand: 5, reserved: 0 });
      assert.deepEqual(await stockLevel(database, variantIds[1]!, location.id), { onHand: 5, reserved: 0 });
      const ledger = await movementsByReference(database.db, store.id, { type: 'order', id: order.id });
      assert.deepEqual(ledger.map((m) => [m.kind, m.quantity]).sort(), [
        ['return', 1],
        ['return', 2],
        ['sale', -1],
        ['sale', -2],
      ]);
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);

      const [payment] = await paymentsOfOrder(database.db, store.id, order.id);
      assert.equal(payment!.state, 'refunded');
      assert.equal(payment!.refundedAmount, order.total);
      const [event] = await orderEventsOfType(database, order.id, 'order.cancelled');
      assert.equal(event!.reason, 'customer');
      const mail = event!.mail as { variables: { cancellation: { refund_amount: { amount: number } } } };
      assert.equal(mail.variables.cancellation.refund_amount.amount, order.total);
      assert.equal(
        (await orderEventsOfType(database, order.id, 'order.refunded')).length,
        1,
        'the refund is a fact too',
      );
      const detail = await getOrder(database.db, store.id, order.id);
      assert.ok(detail.events.some((e) => e.kind === 'note' && e.message === 'Asked by phone'));
      assert.equal(detail.refunds.length, 1);
    });

    test('an order authorised for capture on fulfilment, or awaiting a transfer, is cancelled by voiding the payment', async () => {
      for (const options of [{ capture: 'on_fulfilment' as const }, { payment: 'manual' as const }]) {
        const { order, variantIds, location } = await placeTestOrder(database, store, {
          ...options,
          stock: 4,
        });
        const { order: cancelled, refund } = await tx((t) =>
          cancelOrder(t, store.id, actor, order.id, {
            reason: 'inventory',
            restock: false,
            notifyCustomer: false,
          }),
        );
        assert.equal(refund, null);
        assert.equal(cancelled.financialStatus, 'voided');
        assert.equal((await paymentsOfOrder(database.db, store.id, order.id))[0]!.state, 'voided');
        assert.equal(
          (await stockLevel(database, variantIds[0]!, location.id)).onHand,
          3,
          'restock: false leaves the stock sold',
        );
        const [event] = await orderEventsOfType(database, order.id, 'order.cancelled');
        assert.equal(event!.mail, undefined, 'notifyCustomer: false sends nothing');
      }
    });

    test('an order whose card step never finished releases its reservation instead', async () => {
      const { order, variantIds, location } = await placeTestOrder(database, store, {
        payment: 'three_d_secure',
        stock: 2,
      });
      assert.deepEqual(await stockLevel(database, variantIds[0]!, location.id), { onHand: 2, reserved: 1 });
      const { order: cancelled } = await tx((t) =>
        cancelOrder(t, store.id, actor, order.id, { reason: 'declined' }),
      );
      assert.equal(cancelled.status, 'cancelled');
      assert.deepEqual(await stockLevel(database, variantIds[0]!, location.id), { onHand: 2, reserved: 0 });
      assert.equal((await paymentsOfOrder(database.db, store.id, order.id))[0]!.state, 'voided');
      assert.deepEqual((await verifyInventory(database.db, { storeIds: [store.id] })).drift, []);
    });

    test('after a parcel has shipped, cancelling is refused and nothing changes', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [2] });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: line!.id, quantity: 1 }] }),
      );
      const before = await writeCounts(database);
      await assert.rejects(
        tx((t) => cancelOrder(t, store.id, actor, order.id, { reason: 'customer' })),
        appError('order_has_fulfilments', 409),
      );
      assert.deepEqual(await writeCounts(database), before);
      assert.equal((await getOrder(database.db, store.id, order.id)).status, 'open');
    });

    test('a cancellation that refunds money needs the refund permission; one that only voids does not', async () => {
      const paid = await placeTestOrder(database, store);
      await assert.rejects(
        tx((t) => cancelOrder(t, store.id, actor, paid.order.id, { reason: 'fraud' }, { canRefund: false })),
        appError('permission_denied', 403),
      );
      assert.equal((await getOrder(database.db, store.id, paid.order.id)).status, 'open');
      const authorised = await placeTestOrder(database, store, { capture: 'on_fulfilment' });
      const { order } = await tx((t) =>
        cancelOrder(t, store.id, actor, authorised.order.id, { reason: 'fraud' }, { canRefund: false }),
      );
      assert.equal(order.status, 'cancelled');
    });

    test('after a partial refund with restock, cancelling restocks and refunds only the rest', async () => {
      const { order, variantIds, location } = await placeTestOrder(database, store, {
        quantities: [3],
        stock: 3,
      });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      await tx((t) =>
        refundOrder(t, store.id, actor, order.id, {
          lines: [{ orderLineId: line!.id, quantity: 1, restock: true }],
        }),
      );
      assert.equal((await stockLevel(database, variantIds[0]!, location.id)).onHand, 1);
      const { order: cancelled, refund } = await tx((t) =>
        cancelOrder(t, store.id, actor, order.id, { reason: 'customer' }),
      );
      assert.equal(refund!.amount, 2000 + 500);
      assert.equal(cancelled.refundedAmount, order.total);
      assert.equal((await stockLevel(database, variantIds[0]!, location.id)).onHand, 3);
      assert.deepEqual((await verifyInventory(database.db, { storeIds: [store.id] })).drift, []);
    });
  });
}
