import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Browser, makeMember, startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { createProduct } from '../catalog/index.ts';
import { estimateCartShipping, quoteShipping, selectShippingOption } from './index.ts';
import { createPickupOption } from './pickup-options.ts';
import { createRate } from './rates.ts';
import { createZone } from './zones.ts';

const actor = systemActor('shipping test');

/** What the cart and checkout will call: the module's public face, on a store in New York. */
for (const target of testDatabaseTargets()) {
  describe(`quoteShipping and estimateCartShipping on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let owner: Browser;
    let mug: string;
    let pickupId: string;
    let locationId: string;
    // Friday 5 July 2030, 22:00 in New York: already Saturday in UTC, so the store's calendar shows.
    const now = new Date('2030-07-06T02:00:00Z');

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'quote-shop',
        name: 'Quote shop',
        baseCurrency: 'USD',
        timezone: 'America/New_York',
      });
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      const product = await createProduct(database.db, { actor, canPublish: true }, store, {
        title: 'Mug',
        variants: [{ sku: 'MUG', optionValues: [], price: { amount: 1800 }, weightGrams: 450 }],
      });
      mug = product.variants[0]!.id;
      const location = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/quote-shop/inventory/locations',
        payload: { name: 'Brooklyn shop', kind: 'retail', address: { city: 'Brooklyn', country: 'US' } },
      });
      locationId = location.json().location.id;
      await database.db.transaction(async (tx) => {
        const us = await createZone(tx, store.id, actor, { name: 'US', countries: [{ country: 'US' }] });
        await createRate(tx, store.id, actor, us.id, {
          name: 'Ground',
          type: 'weight_bands',
          prices: [
            {
              currency: 'USD',
              weightBands: [
                { upToGrams: 1000, amount: 599 },
                { upToGrams: 3000, amount: 899 },
              ],
              freeAbove: 7500,
            },
          ],
          estimate: { minDays: 2, maxDays: 4 },
        });
        await createRate(tx, store.id, actor, us.id, {
          name: 'Overnight',
          type: 'flat',
          prices: [{ currency: 'USD', amount: 2400, minSubtotal: 2000 }],
          estimate: { minDays: 1, maxDays: 1 },
        });
        const pickup = await createPickupOption(tx, store.id, actor, {
          locationId,
          name: 'Brooklyn pick-up',
          readyIn: { value: 1, unit: 'days' },
        });
        pickupId = pickup.id;
      });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('the quote for an address: weighed lines, the store’s calendar, the chosen option checked', async () => {
      const { quote, weight } = await quoteShipping(database.db, store, {
        destination: { country: 'US', region: 'US-NY' },
        currency: 'USD',
        subtotal: 3 * 1800,
        lines: [{ variantId: mug, quantity: 3 }],
        now,
      });
      assert.equal(weight.totalGrams, 1350);
      assert.deepEqual(
        quote.options.map((o) => [o.name, o.amount, o.type === 'delivery' ? o.estimate?.earliest : null]),
        [
          ['Ground', 899, '2030-07-09'],
          ['Overnight', 2400, '2030-07-08'],
          ['Brooklyn pick-up', 0, null],
        ],
      );
      const pickup = quote.options[2]!;
      assert.deepEqual(pickup.type === 'pickup' && pickup.estimate, {
        readyInDays: 1,
        readyOn: '2030-07-08',
      });
      assert.equal(selectShippingOption(quote, pickupId).amount, 0);
    });

    test('the cart estimate by country; a closed shop is no longer offered', async () => {
      const { estimate } = await estimateCartShipping(database.db, store, {
        country: 'US',
        subtotal: 1800,
        lines: [{ variantId: mug, quantity: 1 }],
        now,
      });
      assert.deepEqual(
        [estimate.currency, estimate.cheapest?.name, estimate.range, estimate.pickupAvailable],
        ['USD', 'Ground', { min: 599, max: 599 }, true],
        'overnight needs $20.00; the base currency is the default',
      );
      await owner.request({
        method: 'PATCH',
        url: `/api/admin/stores/quote-shop/inventory/locations/${locationId}`,
        payload: { active: false },
      });
      const { quote } = await quoteShipping(database.db, store, {
        destination: { country: 'US' },
        subtotal: 7500,
        totalWeightGrams: 2000,
        now,
      });
      assert.deepEqual(
        quote.options.map((o) => [o.name, o.amount]),
        [
          ['Ground', 0],
          ['Overnight', 2400],
        ],
      );
      assert.equal(quote.unavailable.find((u) => u.id === pickupId)?.reason, 'location_inactive');
      assert.throws(
        () => selectShippingOption(quote, pickupId),
        (err: unknown) => err instanceof AppError && err.code === 'shipping_option_unavailable',
      );
    });

    test('input from code is checked too', async () => {
      await assert.rejects(
        quoteShipping(database.db, store, { destination: { country: 'US' }, subtotal: -5 }),
        (err: unknown) => (err as { name?: string }).name === 'ZodError',
      );
      const { weight } = await estimateCartShipping(database.db, store, { country: 'DE', subtotal: 0 });
      assert.deepEqual(weight, { totalGrams: 0, shippingRequired: true, variantsWithoutWeight: [] });
    });
  });
}
