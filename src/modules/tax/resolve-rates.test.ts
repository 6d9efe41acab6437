import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { createStore, systemActor } from '../access/index.ts';
import { createProduct } from '../catalog/index.ts';
import { installTaxPreset } from './install-preset.ts';
import { assignProductTaxClass } from './product-classes.ts';
import { quoteTax } from './quote-tax.ts';
import { resolveRates } from './resolve-rates.ts';
import { createTaxClass } from './tax-classes.ts';
import { createTaxRate } from './tax-rates.ts';
import { updateTaxSettings } from './tax-settings.ts';

const actor = systemActor('test');
const summary = (rates: Awaited<ReturnType<typeof resolveRates>>) =>
  Object.fromEntries(
    Object.entries(rates.byClass).map(([taxClass, list]) => [
      taxClass,
      list.map((r) => `${r.name}:${r.ratePpm}`),
    ]),
  );

for (const target of testDatabaseTargets()) {
  describe(`resolving rates and quoting on ${target.label}`, () => {
    let database: Database;
    let storeId: string;
    let otherStoreId: string;
    let bookId: string;
    let shirtId: string;

    before(async () => {
      database = await target.create();
      const { db } = database;
      storeId = (await createStore(db, actor, { handle: 'tax-shop', name: 'Tax shop', baseCurrency: 'EUR' }))
        .id;
      otherStoreId = (
        await createStore(db, actor, { handle: 'tax-other', name: 'Other', baseCurrency: 'EUR' })
      ).id;
      await db.transaction(async (tx) => {
        await installTaxPreset(tx, storeId, actor, 'eu', {});
        await installTaxPreset(tx, storeId, actor, 'us', {});
        await createTaxClass(tx, storeId, actor, { handle: 'zero', name: 'Zero rate' });
        await createTaxRate(tx, storeId, actor, {
          country: 'DE',
          taxClass: 'zero',
          ratePpm: 0,
          name: 'VAT 0 %',
        });
        // The Canary Islands are outside EU VAT: IGIC replaces Spanish VAT there.
        await createTaxRate(tx, storeId, actor, {
          country: 'ES',
          region: 'ES-CN',
          ratePpm: 70_000,
          name: 'IGIC 7 %',
        });
        await createTaxRate(tx, storeId, actor, {
          country: 'US',
          region: 'US-CA',
          ratePpm: 10_000,
          name: 'Example County Tax',
          priority: 1,
        });
        // Another store's rate for the same place never leaks in.
        await installTaxPreset(tx, otherStoreId, actor, 'us', {});
        await createTaxRate(tx, otherStoreId, actor, {
          country: 'US',
          region: 'US-CA',
          ratePpm: 99_000,
          name: 'Other',
        });
      });
      const store = { id: storeId, baseCurrency: 'EUR' };
      const make = async (title: string, amount: number) =>
        (
          await createProduct(db, { actor, canPublish: true }, store, {
            title,
            status: 'active',
            price: { amount },
          })
        ).product.id;
      bookId = await make('A book', 1070);
      shirtId = await make('A shirt', 11900);
      await db.transaction((tx) =>
        assignProductTaxClass(tx, storeId, actor, { productIds: [bookId], taxClass: 'reduced' }),
      );
    });
    after(async () => {
      await database.close();
    });

    test('a country: its rates per class; a class without rates there takes the standard ones', async () => {
      const germany = await resolveRates(database.db, storeId, { country: 'DE', region: 'DE-BY' });
      assert.equal(germany.level, 'country');
      assert.deepEqual(summary(germany), {
        standard: ['VAT 19 %:190000'],
        reduced: ['VAT 7 %:70000'],
        zero: ['VAT 0 %:0'],
      });
      const france = await resolveRates(database.db, storeId, { country: 'fr' });
      assert.deepEqual(summary(france), {
        standard: ['VAT 20 %:200000'],
        reduced: ['VAT 5.5 %:55000'],
        zero: ['VAT 20 %:200000'],
      });
    });

    test('a region with rates replaces its country: ES-CN has IGIC, not Spanish VAT', async () => {
      const canaries = await resolveRates(database.db, storeId, { country: 'ES', region: 'es-cn' });
      assert.equal(canaries.level, 'region');
      assert.deepEqual(summary(canaries), {
        standard: ['IGIC 7 %:70000'],
        reduced: ['IGIC 7 %:70000'],
        zero: ['IGIC 7 %:70000'],
      });
      const madrid = await resolveRates(database.db, storeId, { country: 'ES', region: 'ES-MD' });
      assert.deepEqual(summary(madrid).standard, ['VAT 21 %:210000']);
    });

    test('US: state and county rates of one region apply together; a state without rates is not taxed', async () => {
      const california = await resolveRates(database.db, storeId, { country: 'US', region: 'US-CA' });
      assert.deepEqual(summary(california).standard, ['CA State Tax:72500', 'Example County Tax:10000']);
      const oregon = await resolveRates(database.db, storeId, { country: 'US', region: 'US-OR' });
      assert.equal(oregon.level, 'none');
      assert.deepEqual(summary(oregon).standard, []);
      const japan = await resolveRates(database.db, storeId, { country: 'JP' });
      assert.deepEqual([japan.level, japan.byClass.standard], ['none', []]);
    });

    test('bad addresses are 422 invalid_address', async () => {
      for (const address of [
        { country: 'XX' },
        { country: 'US', region: 'US-ZZ' },
        { country: 'DE', region: 'US-CA' },
      ]) {
        await assert.rejects(
          resolveRates(database.db, storeId, address),
          (err) => err instanceof AppError && err.status === 422 && err.code === 'invalid_address',
        );
      }
    });

    test('quoteTax: the settings pick the address and the rules; products bring their classes', async () => {
      await database.db.transaction((tx) =>
        updateTaxSettings(tx, storeId, actor, {
          pricesIncludeTax: true,
          shippingTaxation: 'by_highest_rate',
        }),
      );
      const quote = await quoteTax(database.db, storeId, {
        currency: 'EUR',
        lines: [
          { lineId: 'shirt', productId: shirtId, amount: 11900, quantity: 1 },
          { lineId: 'book', productId: bookId, amount: 1070, quantity: 1 },
        ],
        shipping: { amount: 590 },
        shippingAddress: { country: 'DE' },
        billingAddress: { country: 'FR' },
      });
      assert.deepEqual(quote.taxAddress, { country: 'DE', region: null, source: 'shipping_address' });
      assert.deepEqual(
        quote.lines.map((l) => [l.taxClass, l.net, l.tax]),
        [
          ['standard', 10000, 1900],
          ['reduced', 1000, 70],
        ],
      );
      assert.deepEqual([quote.shipping!.net, quote.shipping!.tax], [496, 94]);

      await database.db.transaction((tx) =>
        updateTaxSettings(tx, storeId, actor, { taxBasedOn: 'billing_address' }),
      );
      const billed = await quoteTax(database.db, storeId, {
        currency: 'EUR',
        lines: [{ lineId: 'shirt', productId: shirtId, amount: 2400, quantity: 1 }],
        shippingAddress: { country: 'DE' },
        billingAddress: { country: 'FR' },
      });
      assert.deepEqual([billed.taxAddress.country, billed.lines[0]!.tax], ['FR', 400]);

      await assert.rejects(
        quoteTax(database.db, storeId, { currency: 'EUR', lines: [] }),
        (err) => err instanceof AppError && err.code === 'tax_address_required',
      );
      await assert.rejects(
        quoteTax(database.db, storeId, {
          currency: 'EUR',
          lines: [{ lineId: 'x', productId: 'prod_unknown', amount: 100, quantity: 1 }],
          billingAddress: { country: 'DE' },
        }),
        (err) => err instanceof AppError && err.code === 'unknown_products',
      );
    });
  });
}
