// A free-shipping-threshold experiment through the real app on both databases: a bad change is
// refused (400 `invalid_change`, nothing written); a visitor in the variant sees its threshold on
// product pages, in the cart's estimate and in checkout's options and is charged by it when the
// order is placed (priced again on the server); a control visitor gets the store's rates; a visitor
// is counted once however many of those pages they see; a headless client without the visitor
// cookie is in no experiment and pays the store's rates.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import { newVisitorId } from '../../modules/analytics/index.ts';
import { germanAddress, readyCart } from '../../modules/checkout/testing/placement-setup.ts';
import {
  makeProduct,
  makeZone,
  receiveStock,
  type TestProduct,
} from '../../modules/checkout/testing/selling-setup.ts';
import { bucketOf, variantAtBucket } from '../../modules/experiments/index.ts';
import { experimentExposures, experiments } from '../../modules/experiments/schema.ts';
import { getOrder } from '../../modules/orders/index.ts';
import { testCardNumbers } from '../../modules/payments/testing/payment-fixtures.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { TestShopper, textOf } from '../checkout/testing/test-shopper.ts';

const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
const payment = {
  provider: 'test_card',
  card: { cardNumber: testCardNumbers.success, expiry: `12/${year}`, cvc: '123' },
};
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const variants = [
  { key: 'control', name: 'The store’s €100', weight: 50, change: {} },
  { key: 'fifty', name: 'Free from €50', weight: 50, change: { freeAbove: { EUR: 5000 } } },
];

function thresholdExperiment(key: string, change?: unknown) {
  return {
    key,
    name: 'Free shipping from €50',
    hypothesis: 'A lower free-shipping threshold lifts conversion more than it costs in shipping.',
    point: 'free_shipping_threshold',
    variants: change === undefined ? variants : [variants[0], { ...variants[1], change }],
    primaryMetric: 'conversion_rate',
    guardrailMetrics: ['average_order_value'],
  };
}

for (const target of testDatabaseTargets()) {
  describe(`the free-shipping threshold experiment on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let lamp: TestProduct;
    const at = (path: string) => `/s/${store.handle}${path}`;
    const base = () => `/api/admin/stores/${store.id}/experiments`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, systemActor('test'), {
        handle: `ship-${process.pid}`,
        name: 'Lamp & Co',
        baseCurrency: 'EUR',
        locale: 'en',
      });
      lamp = await makeProduct(database, store, { title: 'Brass lamp', price: 6_000, weightGrams: 800 });
      await receiveStock(database, store.id, [{ variantId: lamp.variantIds[0]!, quantity: 50 }]);
      // The store ships free from €100 by standard delivery; express is never free.
      await makeZone(database, store.id, { name: 'Germany', countries: [{ country: 'DE' }] }, [
        {
          name: 'Standard',
          type: 'flat',
          estimate: { minDays: 1, maxDays: 3 },
          prices: [{ currency: 'EUR', amount: 490, freeAbove: 10_000 }],
        },
        {
          name: 'Express',
          type: 'flat',
          estimate: { minDays: 0, maxDays: 1 },
          prices: [{ currency: 'EUR', amount: 990 }],
        },
      ]);
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['experiments:read', 'experiments:write']),
      );
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    const exposuresOf = async (experimentId: string, visitorId?: string) => {
      const rows = await database.db
        .select({ n: count() })
        .from(experimentExposures)
        .where(
          and(
            eq(experimentExposures.experimentId, experimentId),
            ...(visitorId ? [eq(experimentExposures.visitorId, visitorId)] : []),
          ),
        );
      return Number(rows[0]!.n);
    };

    /** A browser in the given variant (its visitor cookie chosen by the hash) with a cart ready to pay. */
    async function shopperIn(experiment: { key: string; seed: string }, variant: string) {
      let visitorId = newVisitorId();
      while (variantAtBucket(variants, bucketOf(visitorId, experiment.key, experiment.seed)).key !== variant)
        visitorId = newVisitorId();
      const { token } = await readyCart(database, store, {
        lines: [{ variantId: lamp.variantIds[0]!, quantity: 1 }],
        address: germanAddress,
      });
      const shopper = new TestShopper(sp);
      shopper.cookies.set('sp_vid', visitorId);
      shopper.cookies.set('sp_cart', token);
      // The country the shopper chose (the cart's "ship to" sets it): product pages' note is for it.
      shopper.cookies.set('sp_market', 'DE');
      return { shopper, visitorId, token };
    }

    test('a bad change is refused with invalid_change and nothing is written', async () => {
      for (const change of [
        { freeAbove: { EUR: -100 } },
        { freeAbove: { eur: 5000 } },
        { freeAbove: { EUR: 49.99 } },
        { threshold: 5000 },
      ]) {
        const res = await api({ method: 'POST', url: base(), payload: thresholdExperiment('bad', change) });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'invalid_change', JSON.stringify(change));
      }
      const [rows] = await database.db.select({ n: count() }).from(experiments);
      assert.equal(Number(rows!.n), 0);
      const points = await api({ method: 'GET', url: `${base()}/points` });
      const point = points.json().items.find((p: { key: string }) => p.key === 'free_shipping_threshold') as {
        change: object;
      };
      assert.ok(point, 'the point is listed with the JSON Schema of its change');
      assert.match(JSON.stringify(point.change), /freeAbove/);
    });

    test('the variant’s threshold is shown, estimated and charged; the control pays the store’s rates; counted once', async () => {
      const created = await api({
        method: 'POST',
        url: base(),
        payload: thresholdExperiment('free-from-50'),
      });
      assert.equal(created.statusCode, 201, created.body);
      const e = created.json().experiment as { id: string; key: string; seed: string };
      assert.equal((await api({ method: 'POST', url: `${base()}/${e.id}/start` })).statusCode, 200);

      const fifty = await shopperIn(e, 'fifty');
      const control = await shopperIn(e, 'control');
      const headers = { 'user-agent': chrome };

      // Product pages say it (and their cache keeps the two apart).
      for (const [who, note] of [
        [fifty, 'Free shipping on orders from €50.00'],
        [control, 'Free shipping on orders from €100.00'],
        [fifty, 'Free shipping on orders from €50.00'],
      ] as const) {
        const page = await who.shopper.get(at(`/products/${lamp.handle}`), headers);
        assert.equal(page.statusCode, 200);
        assert.ok(textOf(page.body).includes(note), note);
      }

      // The cart's estimate: free standard delivery for €60 in the variant, €4.90 in the control.
      for (let i = 0; i < 2; i++) {
        const cart = await fifty.shopper.get(at('/cart'), headers);
        assert.equal(cart.statusCode, 200);
        assert.match(textOf(cart.body), /Standard · Free/);
        assert.match(textOf(cart.body), /Free shipping on orders from €50\.00/);
      }
      const controlCart = textOf((await control.shopper.get(at('/cart'), headers)).body);
      assert.match(controlCart, /Standard · €4\.90/);
      assert.match(controlCart, /Free shipping on orders from €100\.00/);

      // Checkout's options, and the order placed (priced again on the server) with the total shown.
      const checkout = textOf((await fifty.shopper.get(at('/checkout'), headers)).body);
      assert.match(checkout, /Shipping Free Total EUR €60\.00/);
      const options = textOf((await fifty.shopper.get(at('/checkout?edit=shipping'), headers)).body);
      assert.match(options, /Standard Free/);
      assert.match(options, /Express €9\.90/, 'express is never free');
      for (const [who, shipping, total] of [
        [fifty, 0, 6_000],
        [control, 490, 6_490],
      ] as const) {
        const placed = await who.shopper.json(
          at('/checkout/place'),
          { payment, expectedTotal: total },
          { 'idempotency-key': randomUUID(), 'user-agent': chrome },
        );
        assert.equal(placed.statusCode, 201, placed.body);
        const order = await getOrder(database.db, store.id, placed.json().order.id);
        assert.deepEqual(
          [order.shipping?.title, order.shipping?.amount, order.shippingTotal, order.total],
          ['Standard', shipping, shipping, total],
        );
      }

      // Each visitor counted once, in their own variant, after product pages, cart, checkout and the order.
      assert.equal(await exposuresOf(e.id, fifty.visitorId), 1);
      assert.equal(await exposuresOf(e.id, control.visitorId), 1);
      const stored = await database.db
        .select({ visitorId: experimentExposures.visitorId, variantKey: experimentExposures.variantKey })
        .from(experimentExposures)
        .where(eq(experimentExposures.experimentId, e.id));
      assert.deepEqual(Object.fromEntries(stored.map((r) => [r.visitorId, r.variantKey])), {
        [fifty.visitorId]: 'fifty',
        [control.visitorId]: 'control',
      });

      // A headless client keeping no visitor cookie is a new visitor every request: the store's rates.
      const { token } = await readyCart(database, store, {
        lines: [{ variantId: lamp.variantIds[0]!, quantity: 1 }],
      });
      const headless = await new TestShopper(sp).json(
        at('/checkout/place'),
        { cartToken: token, payment },
        { 'idempotency-key': randomUUID(), 'user-agent': chrome },
      );
      assert.equal(headless.statusCode, 201, headless.body);
      assert.equal(headless.json().order.total, 6_490);
      assert.equal(await exposuresOf(e.id), 2, 'nobody else was counted');
    });
  });
}
