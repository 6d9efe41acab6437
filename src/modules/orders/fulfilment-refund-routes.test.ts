import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { getOrder } from './order-read.ts';
import { placeTestOrder } from './testing/order-fixtures.ts';
import { writeCounts } from './testing/order-test-reads.ts';

for (const target of testDatabaseTargets()) {
  describe(`fulfilment, cancel and refund routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Awaited<ReturnType<typeof makeStore>>;
    let support: Browser;
    let operations: Browser;
    let viewer: Browser;
    const base = '/api/admin/stores/route-orders/orders';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'route-orders');
      support = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      operations = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'operations')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const linesOf = async (orderId: string) => (await getOrder(database.db, store.id, orderId)).lines;
    const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

    test('operations ships, corrects tracking and marks delivered; bad input is refused with a code and writes nothing', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [2] });
      const [line] = await linesOf(order.id);
      const before = await writeCounts(database);
      for (const [payload, status, code] of [
        [{ lines: [{ orderLineId: line!.id, quantity: 1 }], colour: 'red' }, 400, 'validation_failed'],
        [{ lines: [{ orderLineId: line!.id, quantity: 0 }] }, 400, 'validation_failed'],
        [{ lines: [] }, 400, 'validation_failed'],
        [
          { lines: [{ orderLineId: line!.id, quantity: 1 }], trackingUrl: 'javascript:alert(1)' },
          400,
          'validation_failed',
        ],
        [{ lines: [{ orderLineId: line!.id, quantity: 3 }] }, 409, 'over_fulfilment'],
        [{ lines: [{ orderLineId: 'ordl_x', quantity: 1 }] }, 422, 'unknown_order_line'],
      ] as const) {
        const res = await operations.request({
          method: 'POST',
          url: `${base}/${order.id}/fulfilments`,
          payload,
        });
        assert.equal(res.statusCode, status, res.body);
        assert.equal(codeOf(res), code);
      }
      assert.deepEqual(await writeCounts(database), before);
      const refused = await viewer.request({
        method: 'POST',
        url: `${base}/${order.id}/fulfilments`,
        payload: { lines: [{ orderLineId: line!.id, quantity: 1 }] },
      });
      assert.equal(refused.statusCode, 403);

      const shipped = await operations.request({
        method: 'POST',
        url: `${base}/${order.id}/fulfilments`,
        payload: { lines: [{ orderLineId: line!.id, quantity: 2 }], carrier: 'GLS', trackingNumber: '123' },
      });
      assert.equal(shipped.statusCode, 201, shipped.body);
      const { fulfilment, order: afterShip } = shipped.json();
      assert.equal(fulfilment.trackingUrl, 'https://gls-group.com/GROUP/en/parcel-tracking?match=123');
      assert.equal(afterShip.fulfilmentStatus, 'fulfilled');

      const patched = await operations.request({
        method: 'PATCH',
        url: `${base}/${order.id}/fulfilments/${fulfilment.id}`,
        payload: { trackingNumber: '456' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(
        patched.json().fulfilment.trackingUrl,
        'https://gls-group.com/GROUP/en/parcel-tracking?match=456',
      );
      const emptyPatch = await operations.request({
        method: 'PATCH',
        url: `${base}/${order.id}/fulfilments/${fulfilment.id}`,
        payload: {},
      });
      assert.equal(emptyPatch.statusCode, 400);

      const delivered = await operations.request({
        method: 'POST',
        url: `${base}/${order.id}/fulfilments/${fulfilment.id}/delivered`,
      });
      assert.equal(delivered.statusCode, 200, delivered.body);
      assert.equal(delivered.json().order.fulfilmentStatus, 'delivered');
      const twice = await operations.request({
        method: 'POST',
        url: `${base}/${order.id}/fulfilments/${fulfilment.id}/delivered`,
      });
      assert.equal(twice.statusCode, 409);
      assert.deepEqual(twice.json().error.details, { machine: 'parcel', from: 'delivered', to: 'delivered' });
      const cancel = await operations.request({
        method: 'POST',
        url: `${base}/${order.id}/fulfilments/${fulfilment.id}/cancel`,
        payload: {},
      });
      assert.equal(cancel.statusCode, 409);
      assert.equal(codeOf(cancel), 'illegal_transition');
      const unknown = await operations.request({
        method: 'POST',
        url: `${base}/${order.id}/fulfilments/ful_nope/delivered`,
      });
      assert.equal(unknown.statusCode, 404);
    });

    test('support can refund, operations cannot; anyone who reads orders can preview', async () => {
      const { order } = await placeTestOrder(database, store, { quantities: [2], unitAmount: 1500 });
      const [line] = await linesOf(order.id);
      const payload = {
        lines: [{ orderLineId: line!.id, quantity: 1, restock: true }],
        shipping: { amount: 100 },
      };
      const preview = await viewer.request({
        method: 'POST',
        url: `${base}/${order.id}/refunds/preview`,
        payload,
      });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().preview.amount, 1600);
      const denied = await operations.request({
        method: 'POST',
        url: `${base}/${order.id}/refunds`,
        payload,
      });
      assert.equal(denied.statusCode, 403);
      assert.equal(codeOf(denied), 'permission_denied');
      for (const [bad, status, code] of [
        [{ lines: [{ orderLineId: line!.id, quantity: 1 }] }, 400, 'validation_failed'],
        [{ extraAmount: 1.5 }, 400, 'validation_failed'],
        [{ extraAmount: 10, tip: true }, 400, 'validation_failed'],
        [{ extraAmount: 1_000_000 }, 409, 'refund_exceeds_captured'],
        [{}, 422, 'empty_refund'],
      ] as const) {
        const res = await support.request({
          method: 'POST',
          url: `${base}/${order.id}/refunds`,
          payload: bad,
        });
        assert.equal(res.statusCode, status, res.body);
        assert.equal(codeOf(res), code);
      }
      const refunded = await support.request({ method: 'POST', url: `${base}/${order.id}/refunds`, payload });
      assert.equal(refunded.statusCode, 201, refunded.body);
      assert.equal(refunded.json().refund.amount, 1600);
      assert.equal(refunded.json().order.financialStatus, 'partially_refunded');
    });

    test('cancelling: operations may void but not refund, support may do both; bad reasons are refused', async () => {
      const paid = await placeTestOrder(database, store);
      const bad = await support.request({
        method: 'POST',
        url: `${base}/${paid.order.id}/cancel`,
        payload: { reason: 'bored' },
      });
      assert.equal(bad.statusCode, 400);
      const denied = await operations.request({
        method: 'POST',
        url: `${base}/${paid.order.id}/cancel`,
        payload: { reason: 'customer' },
      });
      assert.equal(denied.statusCode, 403);
      assert.deepEqual(denied.json().error, {
        code: 'permission_denied',
        message: 'Cancelling this order refunds money: that needs the orders:refund permission.',
        details: { permission: 'orders:refund' },
      });
      const done = await support.request({
        method: 'POST',
        url: `${base}/${paid.order.id}/cancel`,
        payload: { reason: 'customer' },
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().order.status, 'cancelled');
      assert.equal(done.json().refund.amount, paid.order.total);

      const authorised = await placeTestOrder(database, store, { capture: 'on_fulfilment' });
      const voided = await operations.request({
        method: 'POST',
        url: `${base}/${authorised.order.id}/cancel`,
        payload: { reason: 'inventory', restock: true, notifyCustomer: false },
      });
      assert.equal(voided.statusCode, 200, voided.body);
      assert.equal(voided.json().order.financialStatus, 'voided');
      assert.equal(voided.json().refund, null);
      const again = await operations.request({
        method: 'POST',
        url: `${base}/${authorised.order.id}/cancel`,
        payload: { reason: 'inventory' },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(codeOf(again), 'illegal_transition');
    });
  });
}
