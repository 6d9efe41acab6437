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
import { recordMovements } from '../inventory/index.ts';
import { makeVariants } from '../inventory/testing/inventory-fixtures.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { getOrder } from './order-read.ts';
import { orderTestActor as actor, placeTestOrder } from './testing/order-fixtures.ts';

for (const target of testDatabaseTargets()) {
  describe(`return routes on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    let sp: TestApp;
    let support: Browser;
    let operations: Browser;
    let viewer: Browser;
    let orderId: string;
    let orderNumber: number;
    let lineIds: string[];
    let locationId: string;
    const base = '/api/admin/stores/rma-shop';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'rma-shop');
      support = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      operations = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'operations')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const placed = await placeTestOrder(database, store, { quantities: [2, 1] });
      const { lines } = await getOrder(database.db, store.id, placed.order.id);
      await database.db.transaction((tx) =>
        fulfilOrder(tx, store.id, actor, placed.order.id, {
          lines: lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
          notifyCustomer: false,
        }),
      );
      orderId = placed.order.id;
      orderNumber = placed.order.number!;
      lineIds = lines.map((l) => l.id);
      locationId = placed.location.id;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const returnsUrl = () => `${base}/orders/${orderId}/returns`;
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of [
        'order_returns',
        'order_return_lines',
        'inventory_movements',
        'refunds',
        'audit_log',
        'outbox_events',
      ]) {
        out[t] = Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n);
      }
      return out;
    };

    test('a return through its whole life over HTTP: permissions, bad input, 409s, one transaction each', async () => {
      const returnable = await viewer.request({ method: 'GET', url: `${returnsUrl()}/returnable` });
      assert.equal(returnable.statusCode, 200, returnable.body);
      assert.deepEqual(
        returnable
          .json()
          .returnable.lines.map((l: { returnableQuantity: number; window: { open: boolean } }) => [
            l.returnableQuantity,
            l.window.open,
          ]),
        [
          [2, true],
          [1, true],
        ],
      );

      const body = {
        lines: [{ orderLineId: lineIds[0], quantity: 2, reason: 'too_small' }],
        comment: 'Too tight.',
      };
      assert.equal(
        (await viewer.request({ method: 'POST', url: returnsUrl(), payload: body })).statusCode,
        403,
      );
      const before = await counts();
      for (const bad of [
        { ...body, colour: 'red' },
        { lines: [{ orderLineId: lineIds[0], quantity: 2, reason: 'bored' }] },
        { lines: [{ orderLineId: lineIds[0], quantity: 0, reason: 'other' }] },
        { lines: [] },
        { ...body, requestedBy: 'customer' },
      ]) {
        const res = await operations.request({ method: 'POST', url: returnsUrl(), payload: bad });
        assert.equal(res.statusCode, 400, `${JSON.stringify(bad)} → ${res.body}`);
      }
      const tooMany = await operations.request({
        method: 'POST',
        url: returnsUrl(),
        payload: { lines: [{ orderLineId: lineIds[1], quantity: 2, reason: 'other' }] },
      });
      assert.equal(tooMany.statusCode, 409);
      assert.equal(tooMany.json().error.code, 'return_quantity_exceeded');
      assert.deepEqual(await counts(), before, 'refused requests write nothing');

      const created = await operations.request({ method: 'POST', url: returnsUrl(), payload: body });
      assert.equal(created.statusCode, 201, created.body);
      const returnId = created.json().return.id as string;
      assert.equal(created.json().return.requestedBy, 'staff');
      const at = (action: string) => `${returnsUrl()}/${returnId}/${action}`;

      const unknown = await operations.request({ method: 'POST', url: `${returnsUrl()}/ret_nope/approve` });
      assert.equal(unknown.statusCode, 404, unknown.body);
      const approved = await operations.request({ method: 'POST', url: at('approve') });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().return.status, 'approved');
      const reject = await operations.request({
        method: 'POST',
        url: at('reject'),
        payload: { reason: 'No.' },
      });
      assert.equal(reject.statusCode, 409);
      assert.deepEqual(reject.json().error.details, { machine: 'return', from: 'approved', to: 'rejected' });
      assert.equal(
        (await operations.request({ method: 'POST', url: at('reject'), payload: {} })).statusCode,
        400,
      );

      const badReceipt = await operations.request({
        method: 'POST',
        url: at('receive'),
        payload: { lines: [{ orderLineId: lineIds[0], quantity: 2, disposition: 'bin' }] },
      });
      assert.equal(badReceipt.statusCode, 400);
      const received = await operations.request({
        method: 'POST',
        url: at('receive'),
        payload: { lines: [{ orderLineId: lineIds[0], quantity: 2, disposition: 'restock', locationId }] },
      });
      assert.equal(received.statusCode, 200, received.body);
      assert.equal(received.json().return.status, 'received');

      const denied = await operations.request({ method: 'POST', url: at('refund') });
      assert.equal(denied.statusCode, 403, 'refunds need orders:refund');
      const refunded = await support.request({
        method: 'POST',
        url: at('refund'),
        payload: { note: 'Sorry!' },
      });
      assert.equal(refunded.statusCode, 200, refunded.body);
      assert.equal(refunded.json().refund.amount, 2000);
      assert.equal(refunded.json().return.status, 'closed');
      assert.equal(refunded.json().return.resolution, 'refund');
      const again = await operations.request({ method: 'POST', url: at('close') });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'illegal_transition');

      const list = await viewer.request({ method: 'GET', url: `${base}/returns?status=closed` });
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().total, 1);
      assert.equal(list.json().items[0].orderNumber, orderNumber);
      assert.equal(list.json().items[0].customerName, 'Ada Lovelace');
      assert.deepEqual([list.json().items[0].units, list.json().items[0].receivedUnits], [2, 2]);
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${base}/returns?status=lost` })).statusCode,
        400,
      );

      const today = new Date().toISOString().slice(0, 10);
      const reasons = await viewer.request({
        method: 'GET',
        url: `${base}/returns/reasons?from=${today}&to=${today}`,
      });
      assert.equal(reasons.statusCode, 200, reasons.body);
      assert.deepEqual(
        reasons.json().report.reasons.map((r: { reason: string; units: number }) => [r.reason, r.units]),
        [['too_small', 2]],
      );
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${base}/returns/reasons?from=${today}` })).statusCode,
        400,
      );
    });

    test('an exchange over HTTP makes the new order (201)', async () => {
      const [variant] = await makeVariants(database, store, 1);
      await database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          { variantId: variant!, locationId, kind: 'receive', quantity: 3 },
        ]),
      );
      const created = await operations.request({
        method: 'POST',
        url: returnsUrl(),
        payload: { lines: [{ orderLineId: lineIds[1], quantity: 1, reason: 'wrong_item' }] },
      });
      const returnId = created.json().return.id as string;
      const at = (action: string) => `${returnsUrl()}/${returnId}/${action}`;
      await operations.request({ method: 'POST', url: at('approve'), payload: { note: 'Swap it.' } });
      await operations.request({
        method: 'POST',
        url: at('receive'),
        payload: { lines: [{ orderLineId: lineIds[1], quantity: 1, disposition: 'write_off' }] },
      });
      const badExchange = await operations.request({
        method: 'POST',
        url: at('exchange'),
        payload: { lines: [{ orderLineId: lineIds[0], variantId: variant, quantity: 1 }] },
      });
      assert.equal(badExchange.statusCode, 422);
      assert.equal(badExchange.json().error.code, 'unknown_return_line');
      const exchanged = await operations.request({
        method: 'POST',
        url: at('exchange'),
        payload: { lines: [{ orderLineId: lineIds[1], variantId: variant, quantity: 1 }] },
      });
      assert.equal(exchanged.statusCode, 201, exchanged.body);
      assert.equal(exchanged.json().exchangeOrder.total, 0);
      assert.equal(exchanged.json().return.exchangeOrderId, exchanged.json().exchangeOrder.id);
    });

    test('GET /orders/export.csv streams the CSV (not taken for an order id); bad filters are 400', async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/orders/export.csv` });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(
        String(res.headers['content-disposition']),
        /attachment; filename="rma-shop-orders-\d{4}-\d\d-\d\d\.csv"/,
      );
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      assert.ok(lines[0]!.startsWith('Name,Email,Financial Status,Paid at,'));
      assert.ok(lines.some((l) => l.startsWith(`#${orderNumber},ada@example.com,`)));
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${base}/orders/export.csv?limit=5` })).statusCode,
        400,
      );
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${base}/orders/export.csv?status=lost` })).statusCode,
        400,
      );
    });
  });
}
