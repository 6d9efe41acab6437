// The checkout through HTTP, as a browser without script and as a headless client use it: the
// sections one by one with the summary re-priced after each, refused posts (4xx, the problem beside
// the field, what was typed kept), placing with a declined and a good card, a double click, the
// card's extra step approved and failed, JSON placement with an Idempotency-Key, CSRF, bad input,
// the page's language, and a signed-in customer's saved address and order history.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import { addCartLine, createCart, findCartByToken } from '../../modules/checkout/index.ts';
import { type EuShop, makeEuShop, readyCart } from '../../modules/checkout/testing/placement-setup.ts';
import { addAddress, authenticateCustomer } from '../../modules/customers/index.ts';
import { makeCustomerAccount } from '../../modules/customers/testing/customer-fixtures.ts';
import { testCardNumbers } from '../../modules/payments/testing/payment-fixtures.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { csrfOf, hiddenOf, TestShopper, textOf } from './testing/test-shopper.ts';

const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
const card = (number: string = testCardNumbers.success) => ({
  provider: 'test_card',
  cardNumber: number,
  expiry: `12/${year}`,
  cvc: '123',
});
const berlin = {
  'shipping.country': 'DE',
  'shipping.firstName': 'Ada',
  'shipping.lastName': 'Lovelace',
  'shipping.line1': 'Hauptstraße 1',
  'shipping.postalCode': '10115',
  'shipping.city': 'Berlin',
  billingSame: 'on',
};

for (const target of testDatabaseTargets()) {
  describe(`the checkout pages on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let eu: EuShop;
    const at = (path: string) => `/s/${store.handle}${path}`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, systemActor('test'), {
        handle: `shop-${process.pid}`,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'de'],
      });
      eu = await makeEuShop(database, store);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    /** A shopper whose cart holds `lines` (nothing else done yet). */
    async function shopperWith(lines: [string, number][]) {
      const { cart, token } = await createCart(database.db, store, { locale: 'en', country: 'DE' });
      for (const [variantId, quantity] of lines)
        await addCartLine(database.db, store.id, cart.id, { variantId, quantity });
      const shopper = new TestShopper(sp);
      shopper.cookies.set('sp_cart', token);
      return { shopper, cartId: cart.id, token };
    }

    /** A shopper whose cart is ready to pay. */
    async function readyShopper(codes: string[] = []) {
      const { token, cartId } = await readyCart(database, store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
        codes,
      });
      const shopper = new TestShopper(sp);
      shopper.cookies.set('sp_cart', token);
      const page = await shopper.get(at('/checkout'));
      return { shopper, cartId, token, page: page.body };
    }

    const countOrders = async () =>
      Number(
        resultRows<{ n: number }>(
          await database.db.execute(sql`select count(*)::int as n from orders where store_id = ${store.id}`),
        )[0]!.n,
      );

    test('the sections one by one: each post answers 303 and the page re-prices the summary', async () => {
      const { shopper } = await shopperWith([
        [eu.shirt.variantIds[0]!, 2],
        [eu.book.variantIds[0]!, 1],
      ]);
      let page = await shopper.get(at('/checkout'));
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      assert.match(page.body, /<meta name="robots" content="noindex"/);
      assert.match(page.body, /id="contact" class="step step-open"/, 'the first section is open');
      assert.match(textOf(page.body), /Linen shirt .*Field guide/);
      const csrf = csrfOf(page.body);

      let res = await shopper.post(at('/checkout/contact'), { _csrf: csrf, email: 'Ada@Example.com' });
      assert.deepEqual([res.statusCode, res.headers.location], [303, at('/checkout#address')]);
      res = await shopper.post(at('/checkout/address'), { _csrf: csrf, ...berlin });
      assert.deepEqual([res.statusCode, res.headers.location], [303, at('/checkout#shipping')]);
      page = await shopper.get(at('/checkout'));
      assert.match(page.body, /id="contact" class="step step-done"/);
      assert.match(textOf(page.body), /ada@example\.com/);
      assert.match(textOf(page.body), /Standard €4\.90 .*Express €9\.90/, 'both rates with their amounts');
      assert.match(textOf(page.body), /Arrives /, 'with their delivery windows');

      res = await shopper.post(at('/checkout/shipping'), { _csrf: csrf, option: eu.express });
      assert.deepEqual([res.statusCode, res.headers.location], [303, at('/checkout#payment')]);
      res = await shopper.post(at('/checkout/discount'), { _csrf: csrf, code: 'welcome10' });
      assert.equal(res.statusCode, 303);
      page = await shopper.get(at('/checkout'));
      const words = textOf(page.body);
      // 2 × 119.00 + 10.70 = 248.70; 10 % off = 24.87; express 9.90 → 233.73, VAT inside.
      assert.match(words, /Subtotal €248\.70/);
      assert.match(words, /Discount \(WELCOME10\) −€24\.87/);
      assert.match(words, /Shipping €9\.90/);
      assert.match(words, /Total EUR €233\.73/);
      assert.match(words, /Including MwSt\. 19 %: €/);
      assert.match(words, /Including MwSt\. 7 %: €/);
      assert.match(words, /Test mode Use card 4242 4242 4242 4242/);
      assert.match(words, /Pay €233\.73/);
      assert.equal(hiddenOf(page.body, 'expectedTotal'), '23373');
      assert.match(hiddenOf(page.body, 'idempotencyKey'), /^[0-9a-f-]{36}$/);
    });

    test('a refused post answers 4xx with the problem beside its field and what was typed', async () => {
      const { shopper } = await shopperWith([[eu.book.variantIds[0]!, 1]]);
      const csrf = csrfOf((await shopper.get(at('/checkout'))).body);
      let res = await shopper.post(at('/checkout/contact'), { _csrf: csrf, email: 'ada-at-example' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /value="ada-at-example"/);
      assert.match(textOf(res.body), /Enter an e-mail address such as ada@example\.com/);
      await shopper.post(at('/checkout/contact'), { _csrf: csrf, email: 'ada@example.com' });

      res = await shopper.post(at('/checkout/address'), {
        _csrf: csrf,
        ...berlin,
        'shipping.postalCode': '',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /id="f-shipping\.postalCode-error"[^>]*>Enter the postal code\./);
      assert.match(res.body, /value="Hauptstraße 1"/, 'the rest stays as typed');
      res = await shopper.post(at('/checkout/address'), {
        _csrf: csrf,
        ...berlin,
        'shipping.region': 'US-CA',
      });
      assert.equal(res.statusCode, 422);
      assert.match(
        res.body,
        /id="f-shipping\.region-error"[^>]*>Choose a state or province of this country\./,
      );
      res = await shopper.post(at('/checkout/address'), {
        _csrf: csrf,
        ...berlin,
        'shipping.country': 'US',
        'shipping.postalCode': '94105',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /id="f-shipping\.region-error"[^>]*>Choose a state or province\./);
      res = await shopper.post(at('/checkout/address'), {
        _csrf: csrf,
        ...berlin,
        billingSame: '',
        'billing.country': 'FR',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /id="f-billing\.firstName-error"/, 'a different billing address is checked too');

      await shopper.post(at('/checkout/address'), { _csrf: csrf, ...berlin });
      res = await shopper.post(at('/checkout/shipping'), { _csrf: csrf, option: 'shr_nope' });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /This shipping method is not available for your address/);
      res = await shopper.post(at('/checkout/shipping'), { _csrf: csrf });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /Choose a shipping method\./);
      res = await shopper.post(at('/checkout/discount'), { _csrf: csrf, code: 'NOPE' });
      assert.equal(res.statusCode, 422);
      assert.match(textOf(res.body), /“NOPE” is not a valid code/);
      assert.match(res.body, /id="discount-code"[^>]*value="NOPE"/);
    });

    test('placing: a declined card is 402 with the reason in words and the cart stays; a good card lands on the order', async () => {
      const { shopper, page, token } = await readyShopper();
      const fields = {
        _csrf: csrfOf(page),
        idempotencyKey: hiddenOf(page, 'idempotencyKey'),
        expectedTotal: hiddenOf(page, 'expectedTotal'),
      };
      const before = await countOrders();
      const declined = await shopper.post(at('/checkout/place'), {
        ...fields,
        ...card(testCardNumbers.insufficientFunds),
      });
      assert.equal(declined.statusCode, 402);
      assert.match(textOf(declined.body), /Your card was declined: not enough funds\. Nothing was charged\./);
      assert.doesNotMatch(
        declined.body,
        /4000 ?0000 ?0000 ?9995|4000000000009995/,
        'card data is never shown again',
      );
      assert.equal(await countOrders(), before);
      assert.ok(await findCartByToken(database.db, store.id, token), 'the cart is still active');

      const badCard = await shopper.post(at('/checkout/place'), { ...fields, ...card('4242424242424241') });
      assert.equal(badCard.statusCode, 422);
      assert.match(badCard.body, /id="f-cardNumber-error"[^>]*>Check the card number\./);

      const placed = await shopper.post(at('/checkout/place'), { ...fields, ...card() });
      assert.equal(placed.statusCode, 303);
      assert.match(String(placed.headers.location), new RegExp(`^${at('/orders/')}[A-Za-z0-9_-]{24}$`));
      assert.equal(shopper.cookies.has('sp_cart'), false, 'the used cart is forgotten');
      const status = await shopper.get(String(placed.headers.location));
      assert.equal(status.statusCode, 200);
      assert.match(textOf(status.body), /Order #\d{4}/);
      assert.equal(await countOrders(), before + 1);
    });

    test('the marketing box is unticked; ticked, it records consent with the order, and a declined card records none', async () => {
      const { shopper, page } = await readyShopper();
      assert.match(
        page,
        /<input type="checkbox" name="acceptsMarketing" value="yes"\s*\/?>/,
        'unticked by default',
      );
      const fields = {
        _csrf: csrfOf(page),
        idempotencyKey: hiddenOf(page, 'idempotencyKey'),
        expectedTotal: hiddenOf(page, 'expectedTotal'),
        acceptsMarketing: 'yes',
      };
      const consents = async () =>
        resultRows<{ source: string; status: string; customer_id: string }>(
          await database.db.execute(
            sql`select source, status, customer_id from customer_marketing_consents where store_id = ${store.id}`,
          ),
        );
      const before = (await consents()).length;
      const declined = await shopper.post(at('/checkout/place'), {
        ...fields,
        ...card(testCardNumbers.insufficientFunds),
      });
      assert.equal(declined.statusCode, 402);
      assert.equal((await consents()).length, before, 'no order, no consent');
      const placed = await shopper.post(at('/checkout/place'), { ...fields, ...card() });
      assert.equal(placed.statusCode, 303);
      const [order] = resultRows<{ customer_id: string }>(
        await database.db.execute(
          sql`select customer_id from orders where store_id = ${store.id} order by placed_at desc limit 1`,
        ),
      );
      const recorded = (await consents()).filter((c) => c.customer_id === order!.customer_id);
      assert.deepEqual(
        recorded.map((c) => [c.status, c.source]),
        [['granted', 'checkout_checkbox']],
      );

      const unticked = await readyShopper();
      const plain = await unticked.shopper.post(at('/checkout/place'), {
        _csrf: csrfOf(unticked.page),
        idempotencyKey: hiddenOf(unticked.page, 'idempotencyKey'),
        expectedTotal: hiddenOf(unticked.page, 'expectedTotal'),
        ...card(),
      });
      assert.equal(plain.statusCode, 303);
      assert.equal((await consents()).length, before + 1, 'an unticked box records nothing');
    });

    test('a double click: two posts of the place form at once make one order and land on the same page', async () => {
      const { shopper, page } = await readyShopper();
      const fields = {
        _csrf: csrfOf(page),
        idempotencyKey: hiddenOf(page, 'idempotencyKey'),
        expectedTotal: hiddenOf(page, 'expectedTotal'),
        ...card(),
      };
      const before = await countOrders();
      const [a, b] = await Promise.all([
        shopper.post(at('/checkout/place'), fields),
        shopper.post(at('/checkout/place'), fields),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode], [303, 303]);
      assert.equal(a.headers.location, b.headers.location);
      assert.equal(await countOrders(), before + 1);
    });

    test('a total that changed since the page showed it is not charged: the page again, 409', async () => {
      const { shopper, page } = await readyShopper();
      const res = await shopper.post(at('/checkout/place'), {
        _csrf: csrfOf(page),
        idempotencyKey: hiddenOf(page, 'idempotencyKey'),
        expectedTotal: '100',
        ...card(),
      });
      assert.equal(res.statusCode, 409);
      assert.match(textOf(res.body), /Your total changed since you last saw it/);
    });

    test('the card’s extra step: approving places the order; failing brings the cart back with a notice', async () => {
      const approving = await readyShopper();
      const fields = (page: string) => ({
        _csrf: csrfOf(page),
        idempotencyKey: hiddenOf(page, 'idempotencyKey'),
        expectedTotal: hiddenOf(page, 'expectedTotal'),
        ...card(testCardNumbers.requiresAction),
      });
      let res = await approving.shopper.post(at('/checkout/place'), fields(approving.page));
      assert.equal(res.statusCode, 303);
      const verify = String(res.headers.location);
      assert.match(verify, new RegExp(`^${at('/checkout/payment/pay_')}[0-9a-z]{26}/verify$`));
      const step = await approving.shopper.get(verify);
      assert.equal(step.statusCode, 200);
      assert.match(textOf(step.body), /Your bank asks you to confirm this payment/);
      assert.match(textOf(step.body), /Visa •••• 3220/);
      const stranger = new TestShopper(sp);
      assert.equal(
        (await stranger.get(verify)).statusCode,
        404,
        'only the browser that placed it may answer',
      );
      res = await approving.shopper.post(verify, { _csrf: csrfOf(step.body), decision: 'approve' });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), new RegExp(`^${at('/orders/')}`));
      const status = await approving.shopper.get(String(res.headers.location));
      assert.match(textOf(status.body), /Confirmed and paid/);
      assert.equal(approving.shopper.cookies.has('sp_cart'), false, 'the cart became the order');

      const failing = await readyShopper(['WELCOME10']);
      res = await failing.shopper.post(at('/checkout/place'), fields(failing.page));
      const failPath = String(res.headers.location);
      const failStep = await failing.shopper.get(failPath);
      const oldToken = failing.shopper.cookies.get('sp_cart');
      res = await failing.shopper.post(failPath, { _csrf: csrfOf(failStep.body), decision: 'fail' });
      assert.deepEqual([res.statusCode, res.headers.location], [303, at('/checkout?notice=payment-failed')]);
      assert.notEqual(failing.shopper.cookies.get('sp_cart'), oldToken, 'a new cart holds the same things');
      const back = await failing.shopper.get(String(res.headers.location));
      assert.match(textOf(back.body), /Your bank did not confirm the payment, so nothing was charged/);
      assert.match(textOf(back.body), /Linen shirt/);
      assert.match(textOf(back.body), /Discount \(WELCOME10\)/);
    });

    test('headless: JSON steps and placement with an Idempotency-Key; replays and twins make one order', async () => {
      const { cart, token } = await createCart(database.db, store, { locale: 'en', country: 'DE' });
      await addCartLine(database.db, store.id, cart.id, { variantId: eu.book.variantIds[0]!, quantity: 2 });
      const client = new TestShopper(sp);
      const post = (path: string, body: object, headers: Record<string, string> = {}) =>
        client.json(at(path), { cartToken: token, ...body }, headers);
      let res = await post('/checkout/contact', { email: 'bot@example.com' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().progress.next, 'address');
      res = await post('/checkout/address', {
        shippingAddress: {
          firstName: 'B',
          lastName: 'Ot',
          line1: 'Weg 2',
          city: 'Köln',
          postalCode: '50667',
          country: 'DE',
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const option = res.json().priced.shipping.options[0].key;
      res = await post('/checkout/shipping', { option });
      assert.equal(res.json().progress.readyToPay, true);
      const total = res.json().priced.totals.total;

      const key = randomUUID();
      const payment = {
        provider: 'test_card',
        card: { cardNumber: testCardNumbers.success, expiry: `12/${year}`, cvc: '123' },
      };
      const missingKey = await post('/checkout/place', { payment });
      assert.deepEqual(
        [missingKey.statusCode, missingKey.json().error.code],
        [400, 'idempotency_key_required'],
      );
      const before = await countOrders();
      const [first, twin] = await Promise.all([
        post('/checkout/place', { payment, expectedTotal: total }, { 'idempotency-key': key }),
        post('/checkout/place', { payment, expectedTotal: total }, { 'idempotency-key': key }),
      ]);
      assert.deepEqual([first.statusCode, twin.statusCode].sort(), [200, 201]);
      assert.equal(first.json().order.id, twin.json().order.id);
      assert.equal(first.json().order.total, total);
      assert.equal(first.json().payment.state, 'captured');
      const replay = await post('/checkout/place', { payment }, { 'idempotency-key': key });
      assert.deepEqual(
        [replay.statusCode, replay.json().replayed, replay.json().order.id],
        [200, true, first.json().order.id],
      );
      assert.equal(await countOrders(), before + 1);
      const status = await client.get(first.json().order.statusPath);
      assert.equal(status.statusCode, 200);

      const other = await readyCart(database, store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const reused = await client.json(
        at('/checkout/place'),
        { cartToken: other.token, payment },
        { 'idempotency-key': key },
      );
      assert.deepEqual([reused.statusCode, reused.json().error.code], [422, 'idempotency_key_reused']);
      const declined = await client.json(
        at('/checkout/place'),
        {
          cartToken: other.token,
          payment: { ...payment, card: { ...payment.card, cardNumber: testCardNumbers.cardDeclined } },
        },
        { 'idempotency-key': randomUUID() },
      );
      assert.deepEqual(
        [declined.statusCode, declined.json().error.code, declined.json().error.details.declineCode],
        [402, 'payment_declined', 'card_declined'],
      );
    });

    test('CSRF: a form without the cart’s token, or from another site, changes nothing', async () => {
      const { shopper, page, cartId } = await readyShopper();
      const fields = { idempotencyKey: hiddenOf(page, 'idempotencyKey'), ...card() };
      const before = await countOrders();
      const noToken = await shopper.post(at('/checkout/place'), fields);
      assert.equal(noToken.statusCode, 403);
      const crossSite = await shopper.post(
        at('/checkout/place'),
        { _csrf: csrfOf(page), ...fields },
        { fetchSite: 'cross-site' },
      );
      assert.equal(crossSite.statusCode, 403);
      const contact = await shopper.post(
        at('/checkout/contact'),
        { email: 'mallory@example.com' },
        { fetchSite: 'cross-site' },
      );
      assert.equal(contact.statusCode, 403);
      assert.equal(await countOrders(), before);
      const [row] = resultRows<{ email: string }>(
        await database.db.execute(sql`select email from carts where id = ${cartId}`),
      );
      assert.equal(row!.email, 'ada@example.com');
    });

    test('bad input on every post is a 4xx, never a 500', async () => {
      const { shopper, page } = await readyShopper();
      const csrf = csrfOf(page);
      const paths = [
        'contact',
        'address',
        'shipping',
        'discount',
        'discount/remove',
        'place',
        'payment/pay_nope/verify',
      ];
      const bodies: Record<string, string>[] = [
        {},
        { _csrf: csrf },
        {
          _csrf: csrf,
          email: 'x'.repeat(400),
          code: 'y'.repeat(100),
          option: 'z'.repeat(100),
          provider: 'paypal',
        },
        {
          _csrf: csrf,
          'shipping.country': 'ZZ',
          'shipping.region': 'ZZ-99',
          savedAddressId: 'caddr_x',
          expectedTotal: '-1',
        },
        {
          _csrf: csrf,
          provider: 'test_card',
          cardNumber: '🙂',
          expiry: '99/99',
          cvc: 'abc',
          idempotencyKey: 'short',
        },
      ];
      for (const path of paths) {
        for (const body of bodies) {
          const res = await shopper.post(at(`/checkout/${path}`), body);
          assert.ok(res.statusCode < 500, `${path} ${JSON.stringify(body)} → ${res.statusCode}`);
        }
        for (const payload of [
          '{',
          '[]',
          '"text"',
          '{"payment":{"provider":"test_card","card":7}}',
          '{"shippingAddress":[1]}',
        ]) {
          const res = await shopper.raw({
            method: 'POST',
            url: at(`/checkout/${path}`),
            payload,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          });
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${path} ${payload} → ${res.statusCode}`);
        }
      }
      const huge = await shopper.post(at('/checkout/contact'), { _csrf: csrf, email: 'a'.repeat(40_000) });
      assert.equal(huge.statusCode, 413);
    });

    test('the checkout speaks the page’s language', async () => {
      const { shopper } = await readyShopper();
      const page = await shopper.get(at('/de/checkout'));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<html lang="de">/);
      const words = textOf(page.body);
      assert.match(words, /Kasse/);
      assert.match(words, /Zahlung/);
      assert.match(words, /Testmodus/);
      assert.match(words, /Enthaltene MwSt\. 19 %/);
      assert.equal((await shopper.get(at('/xx/checkout'))).statusCode, 404);
    });

    test('without a cart the checkout says so and links back to the shop', async () => {
      const page = await new TestShopper(sp).get(at('/checkout'));
      assert.equal(page.statusCode, 200);
      assert.match(textOf(page.body), /Your cart is empty/);
    });

    test('a signed-in customer: e-mail filled in, a saved address in one click, the order in the account', async () => {
      const email = `grace-${process.pid}@example.com`;
      const customerId = (await makeCustomerAccount(database, store.id, email, 'a long password')).id;
      await database.db.transaction((tx) =>
        addAddress(
          tx,
          store.id,
          customerId,
          {
            firstName: 'Grace',
            lastName: 'Hopper',
            line1: 'Unter den Linden 5',
            city: 'Berlin',
            postalCode: '10117',
            country: 'DE',
            isDefault: true,
          },
          { source: 'storefront' },
        ),
      );
      const { session } = await authenticateCustomer(database.db, store.id, {
        email,
        password: 'a long password',
        ip: '203.0.113.9',
      });
      const { shopper } = await shopperWith([[eu.book.variantIds[0]!, 1]]);
      shopper.cookies.set('sp_customer', session.token);
      let page = await shopper.get(at('/checkout'));
      assert.match(
        textOf(page.body),
        new RegExp(`${email.replace('.', '\\.')}`),
        'the account’s e-mail is the contact',
      );
      assert.match(page.body, /id="address" class="step step-open"/, 'contact is done already');
      const csrf = csrfOf(page.body);
      const savedId = /name="savedAddressId" value="([^"]+)"/.exec(page.body)![1]!;
      let res = await shopper.post(at('/checkout/address'), { _csrf: csrf, savedAddressId: savedId });
      assert.equal(res.statusCode, 303);
      page = await shopper.get(at('/checkout'));
      assert.match(textOf(page.body), /Unter den Linden 5/);
      const option = /name="option" value="([^"]+)"/.exec(page.body)![1]!;
      await shopper.post(at('/checkout/shipping'), { _csrf: csrf, option });
      page = await shopper.get(at('/checkout'));
      res = await shopper.post(at('/checkout/place'), {
        _csrf: csrf,
        idempotencyKey: hiddenOf(page.body, 'idempotencyKey'),
        expectedTotal: hiddenOf(page.body, 'expectedTotal'),
        provider: 'manual',
      });
      assert.equal(res.statusCode, 303);
      const statusPath = String(res.headers.location);
      const account = await shopper.get(at('/account'));
      assert.equal(account.statusCode, 200);
      assert.ok(account.body.includes(`href="${statusPath}"`), 'the order links to its status page');
      assert.match(textOf(account.body), /Order #\d{4} .*Awaiting payment/);
    });
  });
}
