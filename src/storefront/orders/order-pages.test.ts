// The customer's order pages through HTTP: the status page (what it shows for a paid card order, a
// bank transfer awaited, a shipped parcel with tracking), a return asked for on it, a window that
// closed, and the guest lookup that answers a wrong number exactly as a wrong e-mail.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import { placeOrderFromCart } from '../../modules/checkout/index.ts';
import { type EuShop, makeEuShop, readyCart } from '../../modules/checkout/testing/placement-setup.ts';
import {
  fulfilOrder,
  getOrder,
  listOrders,
  numberFromName,
  type Order,
  updateOrderSettings,
} from '../../modules/orders/index.ts';
import { updatePaymentSettings } from '../../modules/payments/index.ts';
import { testCard } from '../../modules/payments/testing/payment-fixtures.ts';
import { builtInTemplate } from '../../modules/transactional-mail/defaults/index.ts';
import { renderTransactionalMail } from '../../modules/transactional-mail/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { csrfOf, TestShopper, textOf } from '../checkout/testing/test-shopper.ts';

const actor = systemActor('order pages test');

for (const target of testDatabaseTargets()) {
  describe(`the order pages on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let eu: EuShop;
    const at = (path: string) => `/s/${store.handle}${path}`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: `orders-${process.pid}`,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'fr'],
      });
      eu = await makeEuShop(database, store);
      await database.db.transaction((tx) =>
        updatePaymentSettings(tx, store.id, actor, {
          providers: {
            manual: { title: 'Bank transfer', instructions: 'IBAN DE89 3704 0044 0532 0130 00, Linen & Co' },
          },
        }),
      );
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    async function place(
      options: { email?: string; manual?: boolean; quantity?: number } = {},
    ): Promise<Order> {
      const { token } = await readyCart(database, store, {
        lines: [
          { variantId: eu.shirt.variantIds[0]!, quantity: options.quantity ?? 2 },
          { variantId: eu.book.variantIds[0]!, quantity: 1 },
        ],
        shippingOptionKey: eu.express,
        codes: ['WELCOME10'],
        ...(options.email ? { email: options.email } : {}),
      });
      const placed = await placeOrderFromCart(database.db, {
        storeId: store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: options.manual ? { provider: 'manual' } : { provider: 'test_card', card: testCard() },
      });
      return placed.order;
    }

    async function ship(order: Order, lineIndex: number, quantity: number) {
      const detail = await getOrder(database.db, store.id, order.id);
      await database.db.transaction((tx) =>
        fulfilOrder(tx, store.id, actor, order.id, {
          lines: [{ orderLineId: detail.lines[lineIndex]!.id, quantity }],
          carrier: 'DHL',
          trackingNumber: '00340434161094042557',
          trackingUrl: 'https://tracking.example/00340434161094042557',
          notifyCustomer: false,
        }),
      );
      return detail;
    }

    test('a paid order: number, date, status, lines, totals with each tax, addresses, shipping and its window', async () => {
      const order = await place();
      const page = await new TestShopper(sp).get(at(`/orders/${order.token}`));
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.match(page.body, /<meta name="robots" content="noindex"/);
      const words = textOf(page.body);
      assert.match(words, new RegExp(`Order #${order.number}`));
      assert.match(words, /Placed on \w+ \d{1,2}, \d{4}/);
      assert.match(words, /Confirmed and paid/);
      assert.match(words, /Thank you, Ada! We sent a confirmation to ada@example\.com\./);
      assert.match(words, /Linen shirt .*Field guide/);
      assert.match(
        words,
        /Subtotal €248\.70 Discount \(WELCOME10\) −€24\.87 Shipping €9\.90 Total EUR €233\.73/,
      );
      assert.match(words, /Including MwSt\. 19 %: €[\d.]+ Including MwSt\. 7 %: €/);
      assert.match(words, /Shipping address Ada Lovelace Hauptstraße 1 10115 Berlin Germany/);
      assert.match(words, /Shipping method Express Arrives /);
      assert.doesNotMatch(words, /Request a return/, 'nothing shipped yet, nothing to return');

      assert.equal((await new TestShopper(sp).get(at('/orders/AAAAAAAAAAAAAAAAAAAAAAAA'))).statusCode, 404);
      assert.equal((await new TestShopper(sp).get(at('/orders/%3Cscript%3E'))).statusCode, 404);
      const french = await new TestShopper(sp).get(at(`/fr/orders/${order.token}`));
      assert.match(textOf(french.body), /Confirmée et payée/);
    });

    test('a bank transfer awaited: the status says so and the store’s instructions show', async () => {
      const order = await place({ manual: true });
      const words = textOf((await new TestShopper(sp).get(at(`/orders/${order.token}`))).body);
      assert.match(words, /Awaiting payment/);
      assert.match(words, /How to pay: Bank transfer/);
      assert.match(words, new RegExp(`Please pay €233\\.73 and give #${order.number} as the reference`));
      assert.match(words, /IBAN DE89 3704 0044 0532 0130 00/);
    });

    test('a shipped parcel with tracking, a return asked for on the page, and what cannot be asked twice', async () => {
      const order = await place();
      const detail = await ship(order, 0, 2);
      const shopper = new TestShopper(sp);
      const url = at(`/orders/${order.token}`);
      let page = await shopper.get(url);
      let words = textOf(page.body);
      assert.match(words, /Shipped|Partly shipped/);
      assert.match(words, /Parcel 1 · 2 items Shipped on .* DHL · 00340434161094042557 Track parcel/);
      assert.match(page.body, /href="https:\/\/tracking\.example\/00340434161094042557"/);
      assert.match(words, /Request a return You can ask to return items until /);
      const shirtLine = detail.lines[0]!.id;
      assert.match(page.body, new RegExp(`name="qty\\.${shirtLine}"`));
      assert.doesNotMatch(
        page.body,
        new RegExp(`name="qty\\.${detail.lines[1]!.id}"`),
        'the book has not shipped',
      );
      const csrf = csrfOf(page.body);

      let res = await shopper.post(`${url}/returns`, {
        [`qty.${shirtLine}`]: '1',
        [`reason.${shirtLine}`]: 'too_small',
      });
      assert.equal(res.statusCode, 403, 'without the form’s token');
      res = await shopper.post(`${url}/returns`, { _csrf: csrf, [`qty.${shirtLine}`]: '0' });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /Choose at least one item to return/);
      res = await shopper.post(`${url}/returns`, {
        _csrf: csrf,
        [`qty.${shirtLine}`]: '1',
        [`reason.${shirtLine}`]: 'bored',
      });
      assert.equal(res.statusCode, 400);
      res = await shopper.post(`${url}/returns`, {
        _csrf: csrf,
        'qty.ordl_nope': '1',
        'reason.ordl_nope': 'other',
      });
      assert.equal(res.statusCode, 422);

      res = await shopper.post(`${url}/returns`, {
        _csrf: csrf,
        [`qty.${shirtLine}`]: '1',
        [`reason.${shirtLine}`]: 'too_small',
        comment: 'A size up, please.',
      });
      assert.deepEqual([res.statusCode, res.headers.location], [303, `${url}?notice=return-requested`]);
      page = await shopper.get(String(res.headers.location));
      words = textOf(page.body);
      assert.match(words, /Your return request is sent/);
      assert.match(words, /Returns Return requested .* 1 × Linen shirt — Too small/);
      assert.match(page.body, /<option value="1"/, 'one more unit may still go back');

      res = await shopper.post(`${url}/returns`, {
        _csrf: csrf,
        [`qty.${shirtLine}`]: '2',
        [`reason.${shirtLine}`]: 'other',
      });
      assert.equal(res.statusCode, 409);
      assert.match(textOf(res.body), /That is more than can still be returned/);
    });

    test('after the window: the page says the day it closed, and a return is refused', async () => {
      const order = await place({ quantity: 1 });
      const detail = await ship(order, 0, 1);
      const shopper = new TestShopper(sp);
      const url = at(`/orders/${order.token}`);
      const csrf = csrfOf((await shopper.get(url)).body);
      await database.db.execute(
        sql`update fulfilments set shipped_at = now() - interval '90 days' where order_id = ${order.id}`,
      );
      const page = await shopper.get(url);
      assert.match(textOf(page.body), /Request a return The return window closed on /);
      const res = await shopper.post(`${url}/returns`, {
        _csrf: csrf,
        [`qty.${detail.lines[0]!.id}`]: '1',
        [`reason.${detail.lines[0]!.id}`]: 'other',
      });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /The return window closed on /);
    });

    test('the lookup: the order by number and e-mail; a wrong number answers exactly as a wrong e-mail', async () => {
      const email = `lookup-${process.pid}@example.com`;
      const order = await place({ email });
      const shopper = new TestShopper(sp);
      const form = await shopper.get(at('/orders/lookup'));
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<meta name="robots" content="noindex"/);
      const csrf = csrfOf(form.body);
      const lookup = (number: string, mail: string, remoteAddress = '198.51.100.7') =>
        shopper.raw({
          method: 'POST',
          url: at('/orders/lookup'),
          remoteAddress,
          payload: new URLSearchParams({ _csrf: csrf, number, email: mail }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });

      const found = await lookup(`#${order.number}`, email.toUpperCase());
      assert.deepEqual([found.statusCode, found.headers.location], [303, at(`/orders/${order.token}`)]);
      const wrongEmail = await lookup(String(order.number), 'someone@example.com');
      const wrongNumber = await lookup(String(order.number! + 500), email);
      assert.equal(wrongEmail.statusCode, 404);
      assert.equal(wrongNumber.statusCode, wrongEmail.statusCode);
      const problem = (html: string) => /class="form-problem"[^>]*>([^<]+)/.exec(html)?.[1];
      assert.equal(problem(wrongNumber.body), problem(wrongEmail.body));
      assert.equal(
        problem(wrongEmail.body),
        'We could not find an order with that number and e-mail address.',
      );
      assert.equal((await lookup('not a number', email)).statusCode, 422);

      const expired = await shopper.raw({
        method: 'POST',
        url: at('/orders/lookup'),
        payload: new URLSearchParams({ number: String(order.number), email }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(expired.statusCode, 403, 'a form without its token');

      // Guessing is throttled: the e-mail's failures count (as sign-ins do), from any address.
      let last = 0;
      for (let i = 0; i < 10; i++)
        last = (await lookup(String(100_000 + i), 'victim@example.com', `192.0.2.${i}`)).statusCode;
      assert.equal(last, 429);
    });

    test("the store's number prefix names the order everywhere: status page, history, e-mail, lookup and search", async () => {
      await database.db.transaction((tx) =>
        updateOrderSettings(tx, store.id, actor, { numberPrefix: 'LC-' }),
      );
      try {
        const email = `prefix-${process.pid}@example.com`;
        const order = await place({ email });
        const name = `LC-${order.number}`;
        const words = textOf((await new TestShopper(sp).get(at(`/orders/${order.token}`))).body);
        assert.match(words, new RegExp(`Order ${name}`));
        assert.doesNotMatch(words, new RegExp(`#${order.number}`));

        // The confirmation e-mail's variables and its default English subject.
        const [event] = resultRows<{ payload: { mail: { variables: { order: { name: string } } } } }>(
          await database.db.execute(
            sql`select payload from outbox_events where type = 'order.placed' and payload->>'orderId' = ${order.id}`,
          ),
        );
        assert.equal(event?.payload.mail.variables.order.name, name);
        for (const [locale, wanted] of [
          ['en', `Order ${name} confirmed`],
          ['de', `Bestellbestätigung ${name}`],
        ] as const) {
          const mail = renderTransactionalMail({
            template: builtInTemplate('order_confirmation', locale)!,
            variables: event!.payload.mail.variables,
            store,
            locale,
          });
          assert.equal(mail.subject, wanted);
        }

        // A guest types it as the shop writes it, in any case; staff search for it the same way.
        const shopper = new TestShopper(sp);
        const csrf = csrfOf((await shopper.get(at('/orders/lookup'))).body);
        const found = await shopper.raw({
          method: 'POST',
          url: at('/orders/lookup'),
          remoteAddress: '198.51.100.99',
          payload: new URLSearchParams({ _csrf: csrf, number: name.toLowerCase(), email }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.deepEqual([found.statusCode, found.headers.location], [303, at(`/orders/${order.token}`)]);
        const searched = await listOrders(database.db, store.id, { q: name });
        assert.deepEqual(
          searched.items.map((o) => o.id),
          [order.id],
        );
        assert.equal(numberFromName(` #${order.number} `, 'LC-'), order.number);
        assert.equal(numberFromName('LC-', 'LC-'), null);
        assert.equal(numberFromName('XY-1001', 'LC-'), null);
      } finally {
        await database.db.transaction((tx) =>
          updateOrderSettings(tx, store.id, actor, { numberPrefix: '#' }),
        );
      }
    });
  });
}
