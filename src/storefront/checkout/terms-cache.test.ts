// The checkout prices from the process's cached terms of sale (docs/architecture.md, "Hot paths"):
// with the app running, a change to a shipping rate, the tax settings, a location or the payment
// settings shows at the shopper's very next step, and the cache does serve repeated pricings.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import { type EuShop, makeEuShop, readyCart } from '../../modules/checkout/testing/placement-setup.ts';
import { updatePaymentSettings } from '../../modules/payments/payment-settings.ts';
import { testCardNumbers } from '../../modules/payments/testing/payment-fixtures.ts';
import { updateRate } from '../../modules/shipping/rates.ts';
import { updateTaxSettings } from '../../modules/tax/tax-settings.ts';
import { configCacheStats } from '../../platform/cache/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { TestShopper } from './testing/test-shopper.ts';

const actor = systemActor('test');
const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

for (const target of testDatabaseTargets()) {
  describe(`checkout on cached terms of sale (${target.label})`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let eu: EuShop;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: `terms-${process.pid}`,
        name: 'Terms & Co',
        baseCurrency: 'EUR',
        locale: 'en',
      });
      eu = await makeEuShop(database, store);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    /** A shopper whose cart holds a book and is ready to pay, and a way to send its JSON steps. */
    async function shopper() {
      const { token } = await readyCart(database, store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
        shippingOptionKey: eu.standard,
      });
      const client = new TestShopper(sp);
      const step = async (path: string, body: object = {}, headers: Record<string, string> = {}) =>
        client.json(`/s/${store.handle}/checkout/${path}`, { cartToken: token, ...body }, headers);
      return { step };
    }

    const priced = async (step: Awaited<ReturnType<typeof shopper>>['step']) => {
      const res = await step('shipping', { option: eu.express });
      assert.equal(res.statusCode, 200, res.body);
      const back = await step('shipping', { option: eu.standard });
      assert.equal(back.statusCode, 200, back.body);
      return back.json().priced;
    };

    test('repeated pricings are served from the cache', async () => {
      const { step } = await shopper();
      await priced(step);
      const before = configCacheStats();
      await priced(step);
      const after = configCacheStats();
      assert.ok(after.hits > before.hits, 'the second pricing read its terms from the cache');
    });

    test('a shipping rate changed: the next step charges the new amount', async () => {
      const { step } = await shopper();
      assert.equal((await priced(step)).shipping.amount, 490);
      await database.db.transaction((tx) =>
        updateRate(tx, store.id, actor, eu.zoneId, eu.standard, {
          prices: [{ currency: 'EUR', amount: 590 }],
        }),
      );
      assert.equal((await priced(step)).shipping.amount, 590);
    });

    test('the tax settings changed: the next step adds tax on top instead of inside', async () => {
      const { step } = await shopper();
      const inside = await priced(step);
      assert.equal(inside.tax.pricesIncludeTax, true);
      await database.db.transaction((tx) =>
        updateTaxSettings(tx, store.id, actor, { pricesIncludeTax: false }),
      );
      const onTop = await priced(step);
      assert.equal(onTop.tax.pricesIncludeTax, false);
      assert.ok(onTop.totals.total > inside.totals.total, 'tax is now added to the same prices');
      await database.db.transaction((tx) =>
        updateTaxSettings(tx, store.id, actor, { pricesIncludeTax: true }),
      );
      assert.equal((await priced(step)).totals.total, inside.totals.total);
    });

    test('the test card turned off: the next placement with it is refused and nothing is placed', async () => {
      const { step } = await shopper();
      const total = (await priced(step)).totals.total;
      await database.db.transaction((tx) =>
        updatePaymentSettings(tx, store.id, actor, { providers: { test_card: { enabled: false } } }),
      );
      const res = await step(
        'place',
        {
          payment: {
            provider: 'test_card',
            card: { cardNumber: testCardNumbers.success, expiry: `12/${year}`, cvc: '123' },
          },
          expectedTotal: total,
        },
        { 'idempotency-key': `terms-${process.pid}-${Date.now()}` },
      );
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'payment_provider_disabled');
      await database.db.transaction((tx) =>
        updatePaymentSettings(tx, store.id, actor, { providers: { test_card: { enabled: true } } }),
      );
    });
  });
}
