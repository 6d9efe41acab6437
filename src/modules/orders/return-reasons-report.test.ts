import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { closeReturnWithRefund } from './close-return.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { getOrder } from './order-read.ts';
import { receiveReturn } from './receive-return.ts';
import { requestReturn } from './request-return.ts';
import { approveReturn, rejectReturn } from './return-decisions.ts';
import { returnReasonsReport } from './return-reasons-report.ts';
import type { ReturnReason } from './schema.ts';
import { orderTestActor as actor, placeTestOrder } from './testing/order-fixtures.ts';
import { appError } from './testing/order-test-reads.ts';

for (const target of testDatabaseTargets()) {
  describe(`return reasons report on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'reasons-shop');
    });
    after(async () => {
      await database.close();
    });
    const tx = <T>(work: (tx: Database['db']) => Promise<T>) => database.db.transaction(work);

    /** A shipped order and a return of `asked` units per line with those reasons. */
    async function returnOf(quantities: number[], asked: { quantity: number; reason: ReturnReason }[]) {
      const { order } = await placeTestOrder(database, store, { quantities });
      const { lines } = await getOrder(database.db, store.id, order.id);
      await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, {
          lines: lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
          notifyCustomer: false,
        }),
      );
      const orderReturn = await tx((t) =>
        requestReturn(t, store.id, actor, order.id, {
          lines: asked.map((a, i) => ({ orderLineId: lines[i]!.id, ...a })),
          requestedBy: 'customer',
        }),
      );
      return { order, lines, orderReturn };
    }

    test('per reason: returns, units, share and refunded amount; products returned most with their reasons', async () => {
      const a = await returnOf(
        [2, 1],
        [
          { quantity: 2, reason: 'too_small' },
          { quantity: 1, reason: 'damaged' },
        ],
      );
      await tx((t) => approveReturn(t, store.id, actor, a.order.id, a.orderReturn.id));
      await tx((t) =>
        receiveReturn(t, store.id, actor, a.order.id, a.orderReturn.id, {
          lines: [
            { orderLineId: a.lines[0]!.id, quantity: 2, disposition: 'restock' },
            { orderLineId: a.lines[1]!.id, quantity: 1, disposition: 'write_off' },
          ],
        }),
      );
      await tx((t) =>
        closeReturnWithRefund(t, store.id, actor, a.order.id, a.orderReturn.id, {
          shipping: { amount: 500 },
        }),
      );
      const b = await returnOf([1], [{ quantity: 1, reason: 'too_small' }]);
      const declined = await returnOf([1], [{ quantity: 1, reason: 'changed_mind' }]);
      await tx((t) =>
        rejectReturn(t, store.id, actor, declined.order.id, declined.orderReturn.id, { reason: 'Too late' }),
      );

      const today = new Date().toISOString().slice(0, 10);
      const report = await returnReasonsReport(database.db, store.id, { from: today, to: today });
      assert.equal(report.returns, 2, 'the declined return does not count');
      assert.equal(report.units, 4);
      assert.deepEqual(report.reasons, [
        {
          reason: 'too_small',
          returns: 2,
          units: 3,
          share: 0.75,
          refunded: [{ currency: 'EUR', amount: 2000 }],
        },
        {
          reason: 'damaged',
          returns: 1,
          units: 1,
          share: 0.25,
          refunded: [{ currency: 'EUR', amount: 1000 }],
        },
      ]);
      // The fixture's lines name no product (as after a product is deleted): they are told apart by title.
      assert.deepEqual(
        report.topProducts.map((p) => [p.productId, p.title, p.units, p.returns, p.reasons]),
        [
          [null, 'Test product 1', 3, 2, [{ reason: 'too_small', units: 3 }]],
          [null, 'Test product 2', 1, 1, [{ reason: 'damaged', units: 1 }]],
        ],
      );
      assert.equal(b.lines[0]!.title, 'Test product 1');

      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const empty = await returnReasonsReport(database.db, store.id, { from: yesterday, to: yesterday });
      assert.deepEqual([empty.returns, empty.units, empty.reasons, empty.topProducts], [0, 0, [], []]);
      await assert.rejects(
        returnReasonsReport(database.db, store.id, { from: today, to: yesterday }),
        appError('invalid_range', 422),
      );
    });
  });
}
