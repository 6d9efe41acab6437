// The storefront's ways into the support inbox over HTTP: the contact form (pre-session CSRF,
// problems shown in the form, a ticket per message) and the order status page's "Get help" form
// (the order's form token; a ticket linked to the order, from the order's e-mail).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import { placeOrderFromCart } from '../../modules/checkout/index.ts';
import { type EuShop, makeEuShop, readyCart } from '../../modules/checkout/testing/placement-setup.ts';
import { testCard } from '../../modules/payments/testing/payment-fixtures.ts';
import { getTicketDetail, listTickets, ticketListQuery } from '../../modules/support/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { csrfOf, TestShopper, textOf } from '../checkout/testing/test-shopper.ts';

const actor = systemActor('support forms test');

for (const target of testDatabaseTargets()) {
  describe(`support forms on the storefront on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let eu: EuShop;
    const at = (path: string) => `/s/${store.handle}${path}`;
    const tickets = async () => (await listTickets(database.db, store.id, ticketListQuery.parse({}))).items;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: `help-${process.pid}`,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'fr'],
      });
      eu = await makeEuShop(database, store);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    test('the contact form opens a ticket; without its token or with bad fields nothing is written', async () => {
      const shopper = new TestShopper(sp);
      const page = await shopper.get(at('/contact'));
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      assert.match(textOf(page.body), /Contact us/);
      const csrf = csrfOf(page.body);
      const fields = {
        name: 'Ada Lovelace',
        email: 'Ada@Example.com',
        subject: 'Linen care',
        message: 'Can I tumble dry it?',
      };

      let res = await shopper.post(at('/contact'), fields);
      assert.equal(res.statusCode, 403, 'without the form’s token');
      res = await new TestShopper(sp).post(at('/contact'), { ...fields, _csrf: csrf });
      assert.equal(res.statusCode, 403, 'the token of another visitor’s cookie');
      res = await shopper.post(at('/contact'), { ...fields, email: 'nope', _csrf: csrf });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /Please check the fields/);
      assert.match(res.body, /value="Linen care"/, 'what was typed is kept');
      res = await shopper.post(at('/contact'), { ...fields, message: '  ', _csrf: csrf });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(await tickets(), []);

      res = await shopper.post(at('/contact'), {
        ...fields,
        message: 'Can I <b>tumble</b> dry it?',
        _csrf: csrf,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, at('/contact?sent=1'));
      const thanks = await shopper.get(at('/contact?sent=1'));
      assert.match(textOf(thanks.body), /Your message is with us/);
      const [ticket] = await tickets();
      assert.equal(ticket!.channel, 'contact_form');
      assert.equal(ticket!.subject, 'Linen care');
      assert.equal(ticket!.requesterEmail, 'ada@example.com');
      assert.equal(ticket!.requesterName, 'Ada Lovelace');
      const detail = await getTicketDetail(database.db, store.id, ticket!.id);
      assert.equal(
        detail.messages[0]!.bodyText,
        'Can I <b>tumble</b> dry it?',
        'kept as text, never as HTML',
      );
      assert.equal(detail.messages[0]!.bodyHtml, null);
      // The page speaks the store's other language too.
      const french = await shopper.get(at('/fr/contact'));
      assert.match(textOf(french.body), /Nous contacter/);
    });

    test('“Get help” on the order status page opens a ticket linked to the order', async () => {
      const { token } = await readyCart(database, store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
        shippingOptionKey: eu.express,
      });
      const { order } = await placeOrderFromCart(database.db, {
        storeId: store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: { provider: 'test_card', card: testCard() },
      });
      const shopper = new TestShopper(sp);
      const url = at(`/orders/${order.token}`);
      const page = await shopper.get(url);
      assert.match(textOf(page.body), /Get help with this order/);
      const csrf = csrfOf(page.body);
      const before = (await tickets()).length;

      let res = await shopper.post(`${url}/help`, { help: 'The shirt is torn.' });
      assert.equal(res.statusCode, 403, 'without the form’s token');
      res = await shopper.post(`${url}/help`, { help: ' ', _csrf: csrf });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /Please write what we can help with/);
      assert.equal((await tickets()).length, before);

      res = await shopper.post(`${url}/help`, { help: 'The shirt is torn.', _csrf: csrf });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${url}?notice=help-sent#help`);
      assert.match(
        textOf((await shopper.get(`${url}?notice=help-sent`)).body),
        /Your message is with our team/,
      );
      const [ticket] = await tickets();
      assert.equal(ticket!.channel, 'order_page');
      assert.equal(ticket!.orderId, order.id);
      assert.equal(ticket!.requesterEmail, order.email);
      assert.equal(ticket!.subject, `Help with order #${order.number}`);
      const detail = await getTicketDetail(database.db, store.id, ticket!.id);
      assert.deepEqual(
        detail.orders.map((o) => o.id),
        [order.id],
        'the customer’s orders beside the thread',
      );
      const unknown = await shopper.post(at('/orders/not-a-real-order-token-xx/help'), {
        help: 'x',
        _csrf: csrf,
      });
      assert.equal(unknown.statusCode, 404);
    });
  });
}
