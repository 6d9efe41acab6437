// A draft order's payment link on the storefront, as the customer's browser (no script) uses it:
// the link opens the checkout on the draft with every step filled in; the test card pays it and
// the order is placed; nothing in the draft can be changed through the link, by form or JSON.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import {
  createDraftOrder,
  type DraftOrder,
  deleteDraftOrder,
  getDraftOrder,
  sendDraftInvoice,
} from '../../modules/checkout/index.ts';
import { type EuShop, germanAddress, makeEuShop } from '../../modules/checkout/testing/placement-setup.ts';
import { getOrder } from '../../modules/orders/index.ts';
import { testCardNumbers } from '../../modules/payments/testing/payment-fixtures.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { csrfOf, hiddenOf, TestShopper, textOf } from './testing/test-shopper.ts';

const staff = systemActor('phone orders');
const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

for (const target of testDatabaseTargets()) {
  describe(`a draft order's payment link on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let eu: EuShop;
    const at = (path: string) => `/s/${store.handle}${path}`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, systemActor('test'), {
        handle: `drafts-${process.pid}`,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en'],
      });
      eu = await makeEuShop(database, store);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    /** A draft of two shirts and a field guide for Ada, sent to her: the draft and the link's path. */
    async function sentDraft(): Promise<{ draft: DraftOrder; link: string }> {
      return database.db.transaction(async (tx) => {
        const draft = await createDraftOrder(tx, store.id, staff, {
          lines: [
            { variantId: eu.shirt.variantIds[0]!, quantity: 2 },
            { variantId: eu.book.variantIds[0]!, quantity: 1 },
          ],
          customer: { email: 'ada@example.com' },
          shippingAddress: germanAddress,
          shippingOptionKey: eu.standard,
          discountCodes: ['WELCOME10'],
        });
        const sent = await sendDraftInvoice(tx, store.id, staff, draft.id);
        return { draft: sent.draft, link: sent.paymentPath };
      });
    }

    /** The customer's browser after following the link: the checkout page it lands on. */
    async function opened(link: string) {
      const shopper = new TestShopper(sp);
      const res = await shopper.get(at(link));
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, at('/checkout'), 'the token leaves the address bar');
      const page = await shopper.get(at('/checkout'));
      assert.equal(page.statusCode, 200);
      return { shopper, page: page.body };
    }

    test('the link opens the checkout on the draft, ready to pay; the test card places the order', async () => {
      const { draft, link } = await sentDraft();
      const { shopper, page } = await opened(link);
      const text = textOf(page);
      assert.match(text, /Linen shirt/);
      assert.match(text, /Field guide/);
      assert.match(text, /ada@example\.com/);
      assert.match(text, /Hauptstraße 1/);
      assert.match(text, /Standard/);
      assert.equal(hiddenOf(page, 'expectedTotal'), String(draft.priced!.totals.total));
      assert.doesNotMatch(page, /class="change"/, 'no section can be opened for a change');
      assert.doesNotMatch(page, /id="discount-code"/, 'no code can be entered');

      const placed = await shopper.post(at('/checkout/place'), {
        _csrf: csrfOf(page),
        idempotencyKey: hiddenOf(page, 'idempotencyKey'),
        expectedTotal: hiddenOf(page, 'expectedTotal'),
        provider: 'test_card',
        cardNumber: testCardNumbers.success,
        expiry: `12/${year}`,
        cvc: '123',
      });
      assert.equal(placed.statusCode, 303, placed.body);
      assert.match(String(placed.headers.location), new RegExp(`^${at('/orders/')}`));
      assert.equal(shopper.cookies.has('sp_cart'), false);

      const completed = await getDraftOrder(database.db, store, draft.id);
      assert.equal(completed.status, 'completed');
      const order = await getOrder(database.db, store.id, completed.order!.id);
      assert.equal(order.source, 'admin');
      assert.equal(order.financialStatus, 'paid');
      assert.equal(order.total, draft.priced!.totals.total);
      assert.deepEqual(
        order.discounts.map((d) => d.code),
        ['WELCOME10'],
      );

      // The link followed again leads to the order.
      const again = await new TestShopper(sp).get(at(link));
      assert.equal(again.statusCode, 303);
      assert.equal(again.headers.location, at(`/orders/${order.token}`));
    });

    test('the link cannot change the draft: forms go back to the checkout, JSON and cart posts are refused', async () => {
      const { draft, link } = await sentDraft();
      const { shopper, page } = await opened(link);
      const _csrf = csrfOf(page);
      const addressForm = await shopper.post(at('/checkout/address'), {
        _csrf,
        'shipping.country': 'DE',
        'shipping.firstName': 'Mallory',
        'shipping.lastName': 'Mallet',
        'shipping.line1': 'Elsewhere 9',
        'shipping.postalCode': '10117',
        'shipping.city': 'Berlin',
        billingSame: 'on',
      });
      assert.equal(addressForm.statusCode, 303);
      assert.equal(addressForm.headers.location, at('/checkout'));
      const code = await shopper.post(at('/checkout/discount/remove'), { _csrf, code: 'WELCOME10' });
      assert.equal(code.statusCode, 409, 'the page says it did not work');
      const token = shopper.cookies.get('sp_cart')!;
      const json = await shopper.json(at('/checkout/contact'), {
        cartToken: token,
        email: 'mallory@example.com',
      });
      assert.equal(json.statusCode, 409);
      assert.equal(json.json().error.code, 'draft_order_locked');
      await shopper.post(at('/cart/lines'), { _csrf, variantId: eu.book.variantIds[0]!, quantity: '5' });
      await shopper.post(at(`/cart/lines/${draft.lines[0]!.id}`), { _csrf, quantity: '0' });

      const after = await getDraftOrder(database.db, store, draft.id);
      assert.deepEqual(
        [after.email, after.shippingAddress?.line1, after.discountCodes, after.lines],
        [draft.email, draft.shippingAddress?.line1, draft.discountCodes, draft.lines],
      );
      assert.equal(after.priced!.totals.total, draft.priced!.totals.total);
    });

    test('an older link, a made-up one and a deleted draft’s find nothing', async () => {
      const { draft, link } = await sentDraft();
      await database.db.transaction((tx) => sendDraftInvoice(tx, store.id, staff, draft.id));
      const deleted = await sentDraft();
      await database.db.transaction((tx) => deleteDraftOrder(tx, store.id, staff, deleted.draft.id));
      for (const url of [link, deleted.link, '/checkout?draft=not-a-token']) {
        const shopper = new TestShopper(sp);
        const res = await shopper.get(at(url));
        assert.equal(res.statusCode, 404);
        assert.equal(shopper.cookies.has('sp_cart'), false);
      }
    });
  });
}
