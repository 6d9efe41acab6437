import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { movementsByReference, verifyInventory } from '../inventory/index.ts';
import { makeLocation } from '../inventory/testing/inventory-fixtures.ts';
import { paymentsOfOrder } from '../payments/index.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { getOrder } from './order-read.ts';
import { previewRefund, refundOrder } from './refund-order.ts';
import { orderTestActor as actor, placeTestOrder } from './testing/order-fixtures.ts';
import { appError, orderEventsOfType, stockLevel, writeCounts } from './testing/order-test-reads.ts';

for (const target of testDatabaseTargets()) {
  describe(`refunds on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'refund-orders');
    });
    after(async () => {
      await database.close();
    });
    const tx = <T>(work: (tx: Database['db']) => Promise<T>) => database.db.transaction(work);

    test('a line refunded unit by unit in random steps gives back exactly its total (JPY, EUR, KWD)', async () => {
      const scenario = fc.record({
        currency: fc.constantFrom('JPY', 'EUR', 'KWD'),
        quantity: fc.integer({ min: 2, max: 7 }),
        unitAmount: fc.integer({ min: 1, max: 500_000 }),
        discountPart: fc.double({ min: 0, max: 0.9, noNaN: true }),
        seed: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      });
      await fc.assert(
        fc.asyncProperty(scenario, async ({ currency, quantity, unitAmount, discountPart, seed }) => {
          // Every unit keeps at least one minor unit after the discount: a refund of units worth
          // nothing is refused (empty_refund), which is not what this property is about.
          const discount = Math.min(
            Math.floor(unitAmount * quantity * discountPart),
            (unitAmount - 1) * quantity,
          );
          const { order } = await placeTestOrder(database, store, {
            currency,
            quantities: [quantity],
            unitAmount,
            lineDiscounts: [discount],
            shippingAmount: 0,
          });
          const [line] = (await getOrder(database.db, store.id, order.id)).lines;
          let left = quantity;
          const steps: number[] = [];
          for (const s of seed) {
            if (left === 0) break;
            steps.push(Math.min(s, left));
            left -= steps.at(-1)!;
          }
          if (left > 0) steps.push(left);
          let refunded = 0;
          for (const units of steps) {
            const { refund } = await tx((t) =>
              refundOrder(t, store.id, actor, order.id, {
                lines: [{ orderLineId: line!.id, quantity: units, restock: false }],
                notifyCustomer: false,
              }),
            );
            refunded += refund.amount;
          }
          const after = await getOrder(database.db, store.id, order.id);
          assert.equal(refunded, line!.total);
          assert.equal(after.lines[0]!.refundedAmount, line!.total);
          assert.equal(after.lines[0]!.refundedQuantity, quantity);
          assert.equal(
            after.financialStatus,
            line!.total === order.total ? 'refunded' : 'partially_refunded',
          );
        }),
        { numRuns: 4 },
      );
    });

    test('shipping and a plain amount, each up to what is left; the preview says the same and writes nothing', async () => {
      const { order } = await placeTestOrder(database, store, {
        quantities: [3],
        unitAmount: 1000,
        shippingAmount: 500,
      });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      const input = {
        lines: [{ orderLineId: line!.id, quantity: 1, restock: false }],
        shipping: { amount: 300 },
        extraAmount: 150,
        reason: 'Late delivery',
        note: 'Sorry for the wait.',
      };
      const counts = await writeCounts(database);
      const preview = await previewRefund(database.db, store.id, order.id, input);
      assert.deepEqual(await writeCounts(database), counts);
      assert.equal(preview.amount, 1000 + 300 + 150);
      assert.deepEqual(preview.refundable, {
        amount: 3500,
        shipping: 500,
        order: 3500,
        lines: [{ orderLineId: line!.id, quantity: 3, amount: 3000 }],
      });
      const { refund, order: after } = await tx((t) => refundOrder(t, store.id, actor, order.id, input));
      assert.equal(refund.amount, preview.amount);
      assert.equal(refund.shippingAmount, 300);
      assert.equal(refund.extraAmount, 150);
      assert.equal(after.refundedAmount, 1450);
      assert.equal(after.financialStatus, 'partially_refunded');
      await assert.rejects(
        tx((t) => refundOrder(t, store.id, actor, order.id, { shipping: { amount: 201 } })),
        (err) =>
          appError('refund_exceeds_shipping', 409)(err) &&
          (err as { details: { refundable: number } }).details.refundable === 200,
      );
      const [event] = await orderEventsOfType(database, order.id, 'order.refunded');
      const mail = event!.mail as {
        variables: { refund: { amount: { amount: number }; note: string; lines: { quantity: number }[] } };
      };
      assert.equal(mail.variables.refund.amount.amount, 1450);
      assert.equal(mail.variables.refund.note, 'Sorry for the wait.');
      assert.deepEqual(
        mail.variables.refund.lines.map((l) => l.quantity),
        [1],
      );
      const [payment] = await paymentsOfOrder(database.db, store.id, order.id);
      assert.equal(payment!.refundedAmount, 1450);
    });

    test('a refund never exceeds what was captured: refused with the refundable amount, and nothing is written', async () => {
      const { order } = await placeTestOrder(database, store, {
        quantities: [1],
        unitAmount: 1000,
        shippingAmount: 0,
      });
      await tx((t) => refundOrder(t, store.id, actor, order.id, { extraAmount: 600 }));
      const counts = await writeCounts(database);
      await assert.rejects(
        tx((t) => refundOrder(t, store.id, actor, order.id, { extraAmount: 401 })),
        (err) =>
          appError('refund_exceeds_captured', 409)(err) &&
          (err as { details: { refundable: number } }).details.refundable === 400,
      );
      assert.deepEqual(await writeCounts(database), counts);

      // Capture on fulfilment: nothing captured before the parcel ships, so nothing to refund.
      const authorised = await placeTestOrder(database, store, { capture: 'on_fulfilment' });
      await assert.rejects(
        tx((t) => refundOrder(t, store.id, actor, authorised.order.id, { extraAmount: 1 })),
        appError('refund_exceeds_captured', 409),
      );
    });

    test('two refunds racing for the last amount: exactly one succeeds', async () => {
      const { order } = await placeTestOrder(database, store, {
        quantities: [1],
        unitAmount: 1000,
        shippingAmount: 0,
      });
      await tx((t) => refundOrder(t, store.id, actor, order.id, { extraAmount: 400 }));
      const race = await Promise.allSettled([
        tx((t) => refundOrder(t, store.id, actor, order.id, { extraAmount: 600 })),
        tx((t) => refundOrder(t, store.id, actor, order.id, { extraAmount: 600 })),
      ]);
      assert.equal(race.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(appError('refund_exceeds_captured', 409)(refused.reason));
      const after = await getOrder(database.db, store.id, order.id);
      assert.equal(after.refundedAmount, 1000);
      assert.equal(after.refunds.length, 2);
      assert.equal(after.financialStatus, 'refunded');
      assert.equal((await paymentsOfOrder(database.db, store.id, order.id))[0]!.refundedAmount, 1000);
    });

    test('restocked units go back through the ledger, where they were sold from or where staff say', async () => {
      const { order, variantIds, location } = await placeTestOrder(database, store, {
        quantities: [3, 2],
        stock: 5,
      });
      const other = await makeLocation(database, store.id, 'Returns desk');
      const [a, b] = (await getOrder(database.db, store.id, order.id)).lines;
      const { refund } = await tx((t) =>
        refundOrder(t, store.id, actor, order.id, {
          lines: [
            { orderLineId: a!.id, quantity: 2, restock: true },
            { orderLineId: b!.id, quantity: 1, restock: true, locationId: other.id },
          ],
        }),
      );
      assert.deepEqual(await stockLevel(database, variantIds[0]!, location.id), { onHand: 4, reserved: 0 });
      assert.deepEqual(await stockLevel(database, variantIds[1]!, other.id), { onHand: 1, reserved: 0 });
      const movements = await movementsByReference(database.db, store.id, { type: 'refund', id: refund.id });
      assert.deepEqual(
        movements.map((m) => [m.kind, m.variantId, m.locationId, m.quantity]).sort(),
        [
          ['return', variantIds[0], location.id, 2],
          ['return', variantIds[1], other.id, 1],
        ].sort(),
      );
      assert.deepEqual(refund.lines.map((l) => l.restockLocationId).sort(), [location.id, other.id].sort());
      // Not restocked: the ledger does not move.
      await tx((t) =>
        refundOrder(t, store.id, actor, order.id, {
          lines: [{ orderLineId: a!.id, quantity: 1, restock: false }],
        }),
      );
      assert.equal((await stockLevel(database, variantIds[0]!, location.id)).onHand, 4);
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
    });

    test('a manual payment not yet received cannot be refunded', async () => {
      const { order } = await placeTestOrder(database, store, { payment: 'manual' });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      await assert.rejects(
        tx((t) =>
          refundOrder(t, store.id, actor, order.id, {
            lines: [{ orderLineId: line!.id, quantity: 1, restock: false }],
          }),
        ),
        (err) =>
          appError('refund_exceeds_captured', 409)(err) &&
          (err as { details: { refundable: number } }).details.refundable === 0,
      );
    });

    test('refunding units that have not shipped takes them off what is left to ship', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [3] });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: line!.id, quantity: 2 }] }),
      );
      const { order: after } = await tx((t) =>
        refundOrder(t, store.id, actor, order.id, {
          lines: [{ orderLineId: line!.id, quantity: 1, restock: true }],
        }),
      );
      assert.equal(after.fulfilmentStatus, 'fulfilled', 'the last unit will not ship');
      assert.equal(after.status, 'completed', 'shipped and paid (partly refunded)');
      await assert.rejects(
        tx((t) =>
          fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: line!.id, quantity: 1 }] }),
        ),
        appError('order_not_open', 409),
      );
    });
  });
}
