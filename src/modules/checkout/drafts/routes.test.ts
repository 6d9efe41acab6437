// The draft orders' admin API: who may read and change drafts, strict bodies with 4xx answers that
// write nothing, and a phone order from start to paid through HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import type { Store } from '../../access/index.ts';
import { type EuShop, germanAddress, makeEuShop } from '../testing/placement-setup.ts';

for (const target of testDatabaseTargets()) {
  describe(`draft orders API on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let eu: EuShop;
    let support: Browser;
    let viewer: Browser;
    let content: Browser;
    let base: string;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, `drafts-api-${process.pid}`, 'EUR');
      eu = await makeEuShop(database, store);
      support = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      base = `/api/admin/stores/${store.handle}/draft-orders`;
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    const draftCount = async () =>
      Number(
        (await database.execute<{ n: string }>("select count(*) as n from carts where kind = 'draft'"))[0]!.n,
      );

    test('a phone order through the API: create, choose shipping, send the link, take the payment', async () => {
      const created = await support.request({
        method: 'POST',
        url: base,
        payload: {
          lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
          customer: { email: 'ada@example.com' },
          shippingAddress: germanAddress,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const draft = created.json().draft;
      assert.match(draft.name, /^D\d{4}$/);
      assert.deepEqual(draft.missing, ['shipping']);
      const option = draft.priced.shipping.options.find((o: { name: string }) => o.name === 'Express');

      const chosen = await support.request({
        method: 'PATCH',
        url: `${base}/${draft.id}`,
        payload: { shippingOptionKey: option.key },
      });
      assert.equal(chosen.statusCode, 200, chosen.body);
      const priced = chosen.json().draft.priced;
      assert.equal(priced.shipping.option.name, 'Express');
      assert.deepEqual(
        priced.tax.byRate.map((r: { name: string }) => r.name),
        ['MwSt. 19 %'],
      );

      const invoice = await support.request({
        method: 'POST',
        url: `${base}/${draft.id}/invoice`,
        payload: {},
      });
      assert.equal(invoice.statusCode, 200, invoice.body);
      assert.match(
        invoice.json().paymentUrl,
        new RegExp(`^http://localhost(:\\d+)?/s/${store.handle}/checkout\\?draft=[A-Za-z0-9_-]{43}$`),
      );
      assert.equal(invoice.json().draft.status, 'invoice_sent');

      const list = await viewer.request({ method: 'GET', url: `${base}?status=invoice_sent` });
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list.json().items.map((d: { name: string; total: number }) => [d.name, d.total]),
        [[draft.name, priced.totals.total]],
      );

      const completed = await support.request({
        method: 'POST',
        url: `${base}/${draft.id}/complete`,
        payload: { paymentPending: false, expectedTotal: priced.totals.total },
      });
      assert.equal(completed.statusCode, 201, completed.body);
      const order = completed.json().order;
      assert.deepEqual([order.financialStatus, order.total], ['paid', priced.totals.total]);
      const read = await viewer.request({ method: 'GET', url: `${base}/${draft.id}` });
      assert.deepEqual([read.json().draft.status, read.json().draft.order.id], ['completed', order.id]);
      const orderPage = await viewer.request({
        method: 'GET',
        url: `/api/admin/stores/${store.handle}/orders/${order.id}`,
      });
      assert.equal(orderPage.json().order.source, 'admin');
    });

    test('reading needs orders:read, changing orders:write', async () => {
      const made = await support.request({ method: 'POST', url: base, payload: {} });
      const id = made.json().draft.id;
      assert.equal((await content.request({ method: 'GET', url: base })).statusCode, 403);
      assert.equal((await content.request({ method: 'GET', url: `${base}/${id}` })).statusCode, 403);
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/${id}` })).statusCode, 200);
      const count = await draftCount();
      for (const [method, url, payload] of [
        ['POST', base, {}],
        ['PATCH', `${base}/${id}`, { note: 'mine now' }],
        ['DELETE', `${base}/${id}`, undefined],
        ['POST', `${base}/${id}/invoice`, {}],
        ['POST', `${base}/${id}/complete`, { paymentPending: true }],
      ] as const) {
        const res = await viewer.request({ method, url, ...(payload ? { payload } : {}) });
        assert.equal(res.statusCode, 403, `${method} ${url}`);
      }
      assert.equal(await draftCount(), count);
      const read = await viewer.request({ method: 'GET', url: `${base}/${id}` });
      assert.deepEqual([read.json().draft.note, read.json().draft.status], ['', 'open']);
      assert.equal((await support.request({ method: 'DELETE', url: `${base}/${id}` })).statusCode, 204);
      assert.equal((await viewer.request({ method: 'GET', url: `${base}/${id}` })).statusCode, 404);
    });

    test('bad input is a 4xx with a code, and writes nothing', async () => {
      const made = await support.request({
        method: 'POST',
        url: base,
        payload: { lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }] },
      });
      const id = made.json().draft.id;
      const count = await draftCount();
      const cases: [string, string, unknown, number, string][] = [
        ['POST', base, { colour: 'red' }, 400, 'validation_failed'],
        [
          'POST',
          base,
          { lines: [{ variantId: eu.book.variantIds[0]!, quantity: 0 }] },
          400,
          'validation_failed',
        ],
        ['POST', base, { customer: { email: 'not an address' } }, 400, 'validation_failed'],
        ['POST', base, { customer: {} }, 400, 'validation_failed'],
        ['POST', base, { shippingAddress: { ...germanAddress, country: 'XX' } }, 400, 'validation_failed'],
        [
          'POST',
          base,
          { lines: [{ variantId: 'var_01jzzzzzzzzzzzzzzzzzzzzzzz', quantity: 1 }] },
          422,
          'variant_unavailable',
        ],
        ['PATCH', `${base}/${id}`, { discountCodes: ['NOPE'] }, 422, 'discount_code_rejected'],
        ['PATCH', `${base}/${id}`, { shippingOptionKey: eu.express }, 422, 'shipping_option_unavailable'],
        ['PATCH', `${base}/cart_01jzzzzzzzzzzzzzzzzzzzzzzz`, { note: 'x' }, 404, 'not_found'],
        ['POST', `${base}/${id}/invoice`, { message: 'x'.repeat(2001) }, 400, 'validation_failed'],
        ['POST', `${base}/${id}/invoice`, {}, 422, 'draft_order_incomplete'],
        ['POST', `${base}/${id}/complete`, {}, 400, 'validation_failed'],
        ['POST', `${base}/${id}/complete`, { paymentPending: 'yes' }, 400, 'validation_failed'],
        ['POST', `${base}/${id}/complete`, { paymentPending: false }, 422, 'checkout_incomplete'],
        ['GET', `${base}?status=lost`, undefined, 400, 'validation_failed'],
      ];
      for (const [method, url, payload, status, code] of cases) {
        const res = await support.request({
          method: method as 'GET',
          url,
          ...(payload !== undefined ? { payload: payload as object } : {}),
        });
        assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, code, `${method} ${url} ${JSON.stringify(payload)}`);
      }
      assert.equal(await draftCount(), count);
      const read = (await support.request({ method: 'GET', url: `${base}/${id}` })).json().draft;
      assert.deepEqual([read.discountCodes, read.shippingOptionKey, read.status], [[], null, 'open']);
    });
  });
}
