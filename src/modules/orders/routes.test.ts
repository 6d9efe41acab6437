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
import { type PlacedTestOrder, placeTestOrder } from './testing/order-fixtures.ts';

for (const target of testDatabaseTargets()) {
  describe(`order routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let manager: Browser;
    let viewer: Browser;
    let owner: Browser;
    let card: PlacedTestOrder;
    let manual: PlacedTestOrder;
    let big: PlacedTestOrder;
    const base = '/api/admin/stores/order-shop';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'order-shop');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      card = await placeTestOrder(database, store, { email: 'grace@example.com' });
      manual = await placeTestOrder(database, store, { payment: 'manual', email: 'alan@example.com' });
      big = await placeTestOrder(database, store, {
        quantities: [3, 2],
        unitAmount: 5000,
        email: 'ada@example.com',
      });
    });
    after(async () => {
      await sp.app.close();
      await database.close();
    });

    const list = async (query: string) => {
      const res = await viewer.request({ method: 'GET', url: `${base}/orders?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: { id: string; number: number; itemCount: number }[]; total: number };
    };

    test('the list filters by payment status, total, text and number, and pages', async () => {
      assert.equal((await list('')).total, 3);
      assert.deepEqual(
        (await list('financialStatus=pending')).items.map((o) => o.id),
        [manual.order.id],
      );
      assert.deepEqual(
        (await list('totalMin=10000')).items.map((o) => o.id),
        [big.order.id],
      );
      assert.equal((await list('totalMin=10000')).items[0]!.itemCount, 5);
      assert.deepEqual(
        (await list('q=GRACE')).items.map((o) => o.id),
        [card.order.id],
      );
      assert.deepEqual(
        (await list(`q=%23${manual.order.number}`)).items.map((o) => o.id),
        [manual.order.id],
      );
      const page = await list('limit=2&offset=2&sort=oldest');
      assert.equal(page.total, 3);
      assert.deepEqual(
        page.items.map((o) => o.id),
        [big.order.id],
      );
    });

    test('bad filters are 400 with the field named', async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/orders?financialStatus=rich` });
      assert.equal(res.statusCode, 400);
      const unknown = await viewer.request({ method: 'GET', url: `${base}/orders?colour=red` });
      assert.equal(unknown.statusCode, 400);
    });

    test('tags, notes and the timeline; a viewer may read but not write', async () => {
      const url = `${base}/orders/${card.order.id}`;
      const tags = await manager.request({
        method: 'PUT',
        url: `${url}/tags`,
        payload: { tags: ['vip', 'gift', 'vip'] },
      });
      assert.equal(tags.statusCode, 200, tags.body);
      assert.deepEqual(tags.json().order.tags, ['gift', 'vip']);
      const note = await manager.request({
        method: 'POST',
        url: `${url}/notes`,
        payload: { text: 'Called the customer.' },
      });
      assert.equal(note.statusCode, 201);
      assert.deepEqual(
        (await list('tag=vip')).items.map((o) => o.id),
        [card.order.id],
      );
      const detail = (await viewer.request({ method: 'GET', url })).json().order;
      assert.deepEqual(detail.tags, ['gift', 'vip']);
      assert.ok(
        detail.events.some(
          (e: { kind: string; message: string }) => e.kind === 'note' && e.message === 'Called the customer.',
        ),
      );
      assert.equal(detail.payments.length, 1);
      assert.equal(detail.payments[0].state, 'captured');
      const denied = await viewer.request({ method: 'POST', url: `${url}/notes`, payload: { text: 'x' } });
      assert.equal(denied.statusCode, 403);
      const empty = await manager.request({ method: 'POST', url: `${url}/notes`, payload: { text: '  ' } });
      assert.equal(empty.statusCode, 400);
    });

    test('staff mark a bank transfer received: the order becomes paid and order.paid is told', async () => {
      const url = `${base}/orders/${manual.order.id}/payments/${manual.payment.id}/mark-paid`;
      const res = await manager.request({ method: 'POST', url, payload: { reference: 'SEPA 42' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().order.financialStatus, 'paid');
      const again = await manager.request({ method: 'POST', url });
      assert.equal(again.statusCode, 409, 'a payment received in full cannot be received again');
      const foreign = await manager.request({
        method: 'POST',
        url: `${base}/orders/${card.order.id}/payments/${manual.payment.id}/mark-paid`,
        payload: {},
      });
      assert.equal(foreign.statusCode, 404);
      const events = await database.execute<{ n: number }>(
        `select count(*)::int as n from outbox_events where type = 'order.paid' and payload->>'orderId' = $1`,
        [manual.order.id],
      );
      assert.equal(events[0]!.n, 1);
    });

    test('order settings: defaults, change, bad input', async () => {
      const read = await viewer.request({ method: 'GET', url: `${base}/order-settings` });
      assert.deepEqual(read.json().settings, {
        returnWindowDays: 30,
        numberPrefix: '#',
        returnInstructions: null,
      });
      const changed = await manager.request({
        method: 'PATCH',
        url: `${base}/order-settings`,
        payload: { returnWindowDays: 14 },
      });
      assert.equal(changed.statusCode, 403, 'a manager lacks store:write');
      const bad = await viewer.request({
        method: 'PATCH',
        url: `${base}/order-settings`,
        payload: { returnWindowDays: -1 },
      });
      assert.equal(bad.statusCode, 403);

      // An owner's bad input: a clear 400 naming the field, and nothing of it written.
      const patch = (payload: unknown) =>
        owner.request({ method: 'PATCH', url: `${base}/order-settings`, payload: payload as object });
      for (const [payload, field] of [
        [{ returnWindowDays: -1 }, 'returnWindowDays'],
        [{ returnWindowDays: 400 }, 'returnWindowDays'],
        [{ returnWindowDays: 2.5 }, 'returnWindowDays'],
        [{ numberPrefix: 'TOO-LONG-PREFIX' }, 'numberPrefix'],
        [{ returnWindowDays: 14, colour: 'red' }, ''],
      ] as const) {
        const res = await patch(payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, 'validation_failed');
        if (field) assert.match(res.body, new RegExp(field));
      }
      assert.deepEqual(
        (await viewer.request({ method: 'GET', url: `${base}/order-settings` })).json().settings,
        {
          returnWindowDays: 30,
          numberPrefix: '#',
          returnInstructions: null,
        },
      );
      const saved = await patch({
        returnWindowDays: 14,
        numberPrefix: 'OS-',
        returnInstructions: '  Box it.  ',
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json().settings, {
        returnWindowDays: 14,
        numberPrefix: 'OS-',
        returnInstructions: 'Box it.',
      });
      // Put back for the tests after this one.
      assert.equal(
        (await patch({ returnWindowDays: 30, numberPrefix: '#', returnInstructions: null })).statusCode,
        200,
      );
    });

    test('an unknown order is 404', async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/orders/ord_nope` });
      assert.equal(res.statusCode, 404);
    });
  });
}
