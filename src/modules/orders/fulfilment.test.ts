import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { paymentsOfOrder } from '../payments/index.ts';
import { cancelOrder } from './cancel-order.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { reopenOrder } from './order-completion.ts';
import { getOrder, lockOrder } from './order-read.ts';
import { cancelParcel, markParcelDelivered, updateParcelTracking } from './parcels.ts';
import { parcelStatuses, returnStatuses } from './schema.ts';
import { canTransition } from './state-machines.ts';
import { orderTestActor as actor, placeTestOrder } from './testing/order-fixtures.ts';
import { appError, orderEventsOfType, writeCounts } from './testing/order-test-reads.ts';

for (const target of testDatabaseTargets()) {
  describe(`fulfilment and delivery on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'ship-orders');
    });
    after(async () => {
      await database.close();
    });
    const tx = <T>(work: (tx: Database['db']) => Promise<T>) => database.db.transaction(work);

    test('two parcels with tracking, then both delivered: fulfilment status follows, the order completes, the customer is told', async () => {
      const { order, location } = await placeTestOrder(database, store, { quantities: [3, 1] });
      const [apron, towel] = (await getOrder(database.db, store.id, order.id)).lines;
      const first = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, {
          lines: [{ orderLineId: apron!.id, quantity: 2 }],
          carrier: 'DHL',
          trackingNumber: 'JD0146 0000',
        }),
      );
      assert.equal(first.fulfilment.status, 'shipped');
      assert.equal(first.fulfilment.locationId, location.id, 'shipped from where it was sold');
      assert.equal(
        first.fulfilment.trackingUrl,
        'https://www.dhl.com/global-en/home/tracking.html?tracking-id=JD0146%200000&submit=1',
      );
      assert.equal(first.order.fulfilmentStatus, 'partially_fulfilled');
      assert.equal(first.order.status, 'open');

      const second = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, {
          lines: [
            { orderLineId: apron!.id, quantity: 1 },
            { orderLineId: towel!.id, quantity: 1 },
          ],
          carrier: 'Pigeon Post',
          trackingNumber: 'P-1',
          trackingUrl: 'https://pigeons.example/track/P-1',
        }),
      );
      assert.equal(second.fulfilment.trackingUrl, 'https://pigeons.example/track/P-1');
      assert.equal(second.order.fulfilmentStatus, 'fulfilled');
      assert.equal(second.order.status, 'completed', 'everything shipped and paid');

      const shipped = await orderEventsOfType(database, order.id, 'order.fulfilment_created');
      assert.equal(shipped.length, 2);
      const mail = shipped[0]!.mail as {
        to: string;
        variables: { fulfilment: Record<string, unknown>; order: { number: string } };
      };
      assert.equal(mail.to, 'ada@example.com');
      assert.deepEqual(mail.variables.fulfilment.lines, [
        { title: 'Test product 1', variant_title: null, quantity: 2 },
      ]);
      assert.equal(mail.variables.fulfilment.tracking_number, 'JD0146 0000');
      assert.equal(mail.variables.order.number, String(order.number));

      const delivered1 = await tx((t) =>
        markParcelDelivered(t, store.id, actor, order.id, first.fulfilment.id),
      );
      assert.equal(delivered1.order.fulfilmentStatus, 'fulfilled', 'one parcel is still on its way');
      assert.equal((await orderEventsOfType(database, order.id, 'order.delivered')).length, 0);
      const delivered2 = await tx((t) =>
        markParcelDelivered(t, store.id, actor, order.id, second.fulfilment.id),
      );
      assert.equal(delivered2.order.fulfilmentStatus, 'delivered');
      assert.equal(delivered2.order.status, 'completed');
      const deliveredEvents = await orderEventsOfType(database, order.id, 'order.delivered');
      assert.equal(deliveredEvents.length, 1);
      assert.ok(
        (deliveredEvents[0]!.mail as { variables: { fulfilment: { delivered_at: string } } }).variables
          .fulfilment.delivered_at,
      );
      assert.equal((await orderEventsOfType(database, order.id, 'order.completed')).length, 1);

      const detail = await getOrder(database.db, store.id, order.id);
      assert.deepEqual(
        detail.lines.map((l) => l.fulfilledQuantity),
        [3, 1],
      );
      assert.deepEqual(
        detail.events.map((e) => e.kind).filter((k) => ['fulfilment', 'delivery', 'completed'].includes(k)),
        ['fulfilment', 'fulfilment', 'completed', 'delivery', 'delivery'],
      );
    });

    test('shipping more than is left is refused naming the line, and nothing is written', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [2, 1] });
      const [a, b] = (await getOrder(database.db, store.id, order.id)).lines;
      await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: a!.id, quantity: 1 }] }),
      );
      const before = await writeCounts(database);
      await assert.rejects(
        tx((t) =>
          fulfilOrder(t, store.id, actor, order.id, {
            lines: [
              { orderLineId: b!.id, quantity: 1 },
              { orderLineId: a!.id, quantity: 2 },
            ],
          }),
        ),
        (err) =>
          appError('over_fulfilment', 409)(err) &&
          JSON.stringify((err as { details: unknown }).details) ===
            JSON.stringify({ path: 'lines.1.quantity', orderLineId: a!.id, unfulfilled: 1 }),
      );
      await assert.rejects(
        tx((t) =>
          fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: 'ordl_nope', quantity: 1 }] }),
        ),
        appError('unknown_order_line', 422),
      );
      await assert.rejects(
        tx((t) =>
          fulfilOrder(t, store.id, actor, order.id, {
            lines: [{ orderLineId: b!.id, quantity: 1 }],
            locationId: 'loc_nope',
          }),
        ),
        appError('unknown_location', 422),
      );
      assert.deepEqual(await writeCounts(database), before);
      const detail = await getOrder(database.db, store.id, order.id);
      assert.deepEqual(
        detail.lines.map((l) => l.fulfilledQuantity),
        [1, 0],
      );
    });

    test('capture on fulfilment: each parcel captures its share, shipping goes with the first, the last takes the rest', async () => {
      const { order, payment } = await placeTestOrder(database, store, {
        quantities: [3, 2],
        unitAmount: 333,
        shippingAmount: 490,
        lineDiscounts: [0, 1],
        capture: 'on_fulfilment',
      });
      assert.equal(order.financialStatus, 'authorised');
      const [a, b] = (await getOrder(database.db, store.id, order.id)).lines;
      const captured = async () =>
        (await paymentsOfOrder(database.db, store.id, order.id)).reduce((n, p) => n + p.capturedAmount, 0);

      const one = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: a!.id, quantity: 1 }] }),
      );
      assert.equal(await captured(), 333 + 490);
      assert.equal(one.order.financialStatus, 'partially_paid');
      const two = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, {
          lines: [
            { orderLineId: a!.id, quantity: 2 },
            { orderLineId: b!.id, quantity: 1 },
          ],
        }),
      );
      // b: 2 units for 665: one unit's share is 333 (allocated).
      assert.equal(await captured(), 999 + 333 + 490);
      assert.equal(two.order.status, 'open');
      const three = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: b!.id, quantity: 1 }] }),
      );
      assert.equal(await captured(), order.total);
      assert.equal(three.order.financialStatus, 'paid');
      assert.equal(three.order.status, 'completed');
      const [after] = await paymentsOfOrder(database.db, store.id, order.id);
      assert.equal(after!.id, payment.id);
      assert.equal(after!.state, 'captured');
    });

    test('an order whose payment is not placed cannot ship', async () => {
      const { order } = await placeTestOrder(database, store, { payment: 'three_d_secure' });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      await assert.rejects(
        tx((t) =>
          fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: line!.id, quantity: 1 }] }),
        ),
        appError('payment_not_placed', 409),
      );
      // A bank transfer not yet received may ship (cash on delivery).
      const manual = await placeTestOrder(database, store, { payment: 'manual' });
      const [manualLine] = (await getOrder(database.db, store.id, manual.order.id)).lines;
      const shipped = await tx((t) =>
        fulfilOrder(t, store.id, actor, manual.order.id, {
          lines: [{ orderLineId: manualLine!.id, quantity: 1 }],
        }),
      );
      assert.equal(shipped.order.fulfilmentStatus, 'fulfilled');
      assert.equal(shipped.order.status, 'open', 'not completed until the money is in');
    });

    test('a cancelled parcel gives its units back to ship, reopens a completed order, and tracking can be corrected', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [2] });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      const { fulfilment, order: shipped } = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, {
          lines: [{ orderLineId: line!.id, quantity: 2 }],
          carrier: 'UPS',
          trackingNumber: '1Z1',
        }),
      );
      assert.equal(shipped.status, 'completed');
      const corrected = await tx((t) =>
        updateParcelTracking(t, store.id, actor, order.id, fulfilment.id, { carrier: 'FedEx' }),
      );
      assert.equal(corrected.fulfilment.trackingUrl, 'https://www.fedex.com/fedextrack/?trknbr=1Z1');
      const cancelled = await tx((t) =>
        cancelParcel(t, store.id, actor, order.id, fulfilment.id, { reason: 'Lost in transit' }),
      );
      assert.equal(cancelled.fulfilment.status, 'cancelled');
      assert.equal(cancelled.order.status, 'open');
      assert.equal(cancelled.order.fulfilmentStatus, 'unfulfilled');
      assert.equal((await getOrder(database.db, store.id, order.id)).lines[0]!.fulfilledQuantity, 0);
      await assert.rejects(
        tx((t) => updateParcelTracking(t, store.id, actor, order.id, fulfilment.id, { trackingNumber: '2' })),
        appError('parcel_cancelled', 409),
      );
      const again = await tx((t) =>
        fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: line!.id, quantity: 2 }] }),
      );
      assert.equal(again.order.status, 'completed');
      assert.equal(
        (await paymentsOfOrder(database.db, store.id, order.id))[0]!.capturedAmount,
        order.total,
        'nothing captured twice',
      );
    });

    test('every illegal parcel and order transition is refused with illegal_transition', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [2] });
      const [line] = (await getOrder(database.db, store.id, order.id)).lines;
      const ship = () =>
        tx((t) =>
          fulfilOrder(t, store.id, actor, order.id, { lines: [{ orderLineId: line!.id, quantity: 1 }] }),
        );
      const delivered = (await ship()).fulfilment;
      await tx((t) => markParcelDelivered(t, store.id, actor, order.id, delivered.id));
      const cancelled = (await ship()).fulfilment;
      await tx((t) => cancelParcel(t, store.id, actor, order.id, cancelled.id));
      const actions = {
        delivered: (id: string) => tx((t) => markParcelDelivered(t, store.id, actor, order.id, id)),
        cancelled: (id: string) => tx((t) => cancelParcel(t, store.id, actor, order.id, id)),
      };
      // Every parcel state reached, and every action from it the table does not list.
      for (const parcel of [delivered, cancelled]) {
        const from = parcel.id === delivered.id ? 'delivered' : 'cancelled';
        for (const to of parcelStatuses) {
          if (to === 'shipped' || canTransition('parcel', from, to)) continue;
          await assert.rejects(actions[to](parcel.id), (err) => {
            appError('illegal_transition', 409)(err);
            assert.deepEqual((err as { details: unknown }).details, { machine: 'parcel', from, to });
            return true;
          });
        }
      }

      // The order: completed cannot be cancelled, open cannot be reopened, cancelled is final.
      const done = await placeTestOrder(database, store);
      const [doneLine] = (await getOrder(database.db, store.id, done.order.id)).lines;
      await tx((t) =>
        fulfilOrder(t, store.id, actor, done.order.id, {
          lines: [{ orderLineId: doneLine!.id, quantity: 1 }],
        }),
      );
      await assert.rejects(
        tx((t) => cancelOrder(t, store.id, actor, done.order.id, { reason: 'other' })),
        appError('illegal_transition', 409),
      );
      const open = await placeTestOrder(database, store);
      await assert.rejects(
        tx(async (t) => reopenOrder(t, actor, await lockOrder(t, store.id, open.order.id), 'test')),
        appError('illegal_transition', 409),
      );
      await tx((t) => cancelOrder(t, store.id, actor, open.order.id, { reason: 'customer' }));
      await assert.rejects(
        tx((t) => cancelOrder(t, store.id, actor, open.order.id, { reason: 'customer' })),
        appError('illegal_transition', 409),
      );
      await assert.rejects(
        tx(async (t) => reopenOrder(t, actor, await lockOrder(t, store.id, open.order.id), 'test')),
        appError('illegal_transition', 409),
      );
    });

    test("the return machine's table: only these moves are legal", () => {
      const legal = new Set([
        'requested→approved',
        'requested→rejected',
        'requested→cancelled',
        'approved→received',
        'approved→cancelled',
        'received→closed',
      ]);
      for (const from of returnStatuses) {
        for (const to of returnStatuses) {
          assert.equal(canTransition('return', from, to), legal.has(`${from}→${to}`), `${from} → ${to}`);
        }
      }
    });
  });
}
