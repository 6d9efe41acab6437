// priceCart against hand-worked examples (docs/checkout.md, "Worked examples"): an EU store with
// VAT in its prices shipping to Germany and France, a US store adding a state's sales tax, a JPY
// market converted from euros, a KWD market with three decimals; codes, free shipping, stock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { type Store, systemActor } from '../../access/index.ts';
import { unpublishProduct } from '../../catalog/index.ts';
import { recordMovements } from '../../inventory/index.ts';
import type { CartAddressInput } from '../cart-address.ts';
import {
  addCartLine,
  applyDiscountCode,
  createCart,
  priceCart,
  selectCartShippingOption,
  setCartAddresses,
  setCartCountry,
} from '../index.ts';
import {
  makeDiscount,
  makeMarket,
  makeProduct,
  makeZone,
  receiveStock,
  setUpTax,
  type TestProduct,
} from '../testing/selling-setup.ts';

/** Friday 5 July 2030, 10:00 in Berlin. */
const now = new Date('2030-07-05T08:00:00Z');

const address = (country: string, more: Partial<CartAddressInput> = {}): CartAddressInput => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  line1: '1 Example Street',
  city: 'Example City',
  postalCode: { DE: '10115', FR: '75001', US: '94103', JP: '100-0001' }[country] ?? null,
  country,
  ...more,
});

for (const target of testDatabaseTargets()) {
  describe(`priceCart on ${target.label}`, () => {
    let database: Database;
    let eu: Store;
    let us: Store;
    let shirt: TestProduct;
    let book: TestProduct;
    let mug: TestProduct;
    let card: TestProduct;
    let boots: TestProduct;
    let socks: TestProduct;
    let germanStandard: string;

    /** A cart of `lines` ([variantId, quantity]) in the store, for `country`. */
    async function cartWith(store: Store, lines: [string, number][], country?: string) {
      const { cart } = await createCart(database.db, store, { locale: 'en', country: country ?? null });
      for (const [variantId, quantity] of lines)
        await addCartLine(database.db, store.id, cart.id, { variantId, quantity });
      return cart.id;
    }

    before(async () => {
      database = await target.create();
      eu = await makeStore(database, `eu-${process.pid}`, 'EUR');
      us = await makeStore(database, `us-${process.pid}`, 'USD');
      shirt = await makeProduct(database, eu, { title: 'Linen shirt', price: 11_900, weightGrams: 300 });
      book = await makeProduct(database, eu, { title: 'Field guide', price: 1_070, weightGrams: 500 });
      mug = await makeProduct(database, eu, { title: 'Stoneware mug', price: 1_999, compareAt: 2_499 });
      card = await makeProduct(database, eu, { title: 'Greeting card', price: 450 });
      await makeMarket(database, eu, {
        name: 'Japan',
        currency: 'JPY',
        countries: ['JP'],
        rate: '162.37',
        priceList: { rounding: 'whole' },
      });
      await makeMarket(database, eu, { name: 'Kuwait', currency: 'KWD', countries: ['KW'], rate: '0.3315' });
      await setUpTax(database, eu.id, {
        settings: { pricesIncludeTax: true },
        classes: ['reduced'],
        rates: [
          { country: 'DE', ratePpm: 190_000, name: 'VAT 19 %' },
          { country: 'DE', taxClass: 'reduced', ratePpm: 70_000, name: 'VAT 7 %' },
          { country: 'FR', ratePpm: 200_000, name: 'TVA 20 %' },
          { country: 'FR', taxClass: 'reduced', ratePpm: 55_000, name: 'TVA 5,5 %' },
          { country: 'JP', ratePpm: 100_000, name: 'JCT 10 %' },
        ],
        productClasses: [{ productIds: [book.productId], taxClass: 'reduced' }],
      });
      germanStandard = (
        await makeZone(database, eu.id, { name: 'Germany', countries: [{ country: 'DE' }] }, [
          {
            name: 'Standard',
            type: 'flat',
            estimate: { minDays: 1, maxDays: 2 },
            prices: [{ currency: 'EUR', amount: 590, freeAbove: 20_000 }],
          },
          {
            name: 'Express',
            type: 'flat',
            estimate: { minDays: 0, maxDays: 1 },
            prices: [{ currency: 'EUR', amount: 1_290 }],
          },
        ])
      ).rateIds[0]!;
      await makeZone(database, eu.id, { name: 'EU', countries: [{ country: 'FR' }, { country: 'AT' }] }, [
        {
          name: 'Standard',
          type: 'flat',
          estimate: { minDays: 2, maxDays: 5 },
          prices: [{ currency: 'EUR', amount: 990 }],
        },
      ]);
      await makeZone(database, eu.id, { name: 'Japan', countries: [{ country: 'JP' }] }, [
        { name: 'International', type: 'flat', prices: [{ currency: 'JPY', amount: 2_500 }] },
      ]);
      await makeZone(database, eu.id, { name: 'Kuwait', countries: [{ country: 'KW' }] }, [
        { name: 'International', type: 'flat', prices: [{ currency: 'KWD', amount: 2_500 }] },
      ]);
      await makeDiscount(database, eu.id, {
        title: 'Welcome',
        kind: 'code',
        codes: ['WELCOME10'],
        type: 'percentage',
        percentBp: 1000,
      });
      await makeDiscount(database, eu.id, {
        title: 'Free shipping',
        kind: 'code',
        codes: ['FREESHIP'],
        type: 'free_shipping',
      });
      await makeDiscount(database, eu.id, {
        title: 'Fifty off',
        kind: 'code',
        codes: ['FIFTY'],
        type: 'fixed_amount',
        amounts: { EUR: 5_000 },
      });
      await makeDiscount(database, eu.id, {
        title: 'Half a dinar',
        kind: 'code',
        codes: ['KWD500'],
        type: 'fixed_amount',
        amounts: { KWD: 500 },
      });
      await makeDiscount(database, eu.id, {
        title: 'Big spender',
        kind: 'code',
        codes: ['BIG20'],
        type: 'percentage',
        percentBp: 2000,
        minimumSubtotal: { EUR: 100_000 },
      });

      boots = await makeProduct(database, us, { title: 'Boots', price: 4_999 });
      socks = await makeProduct(database, us, { title: 'Socks', price: 1_999 });
      await setUpTax(database, us.id, {
        settings: { pricesIncludeTax: false, shippingTaxation: 'not_taxed' },
        rates: [
          { country: 'US', region: 'US-CA', ratePpm: 72_500, name: 'CA State Tax' },
          { country: 'US', region: 'US-CA', ratePpm: 10_000, name: 'Example County Tax' },
        ],
      });
      await makeZone(database, us.id, { name: 'United States', countries: [{ country: 'US' }] }, [
        {
          name: 'Standard',
          type: 'subtotal_bands',
          estimate: { minDays: 3, maxDays: 7 },
          prices: [
            {
              currency: 'USD',
              subtotalBands: [
                { fromSubtotal: 0, amount: 995 },
                { fromSubtotal: 5_000, amount: 595 },
                { fromSubtotal: 10_000, amount: 0 },
              ],
            },
          ],
        },
      ]);
    });
    after(async () => {
      await database?.close();
    });

    test('EU prices with VAT, shipped to Germany: 19 % and 7 %, shipping split over both', async () => {
      const cartId = await cartWith(eu, [
        [shirt.variantIds[0]!, 1],
        [book.variantIds[0]!, 1],
      ]);
      await setCartAddresses(database.db, eu.id, cartId, { shippingAddress: address('DE') });
      const priced = await priceCart(database.db, eu.id, cartId, { now });
      assert.equal(priced.currency, 'EUR');
      assert.deepEqual(
        priced.lines.map((l) => [l.title, l.unitAmount, l.net, l.tax, l.total]),
        [
          ['Linen shirt', 11_900, 10_000, 1_900, 11_900],
          ['Field guide', 1_070, 1_000, 70, 1_070],
        ],
      );
      assert.equal(priced.shipping.mode, 'estimate', 'no option chosen: the cheapest stands in');
      assert.equal(priced.shipping.option?.name, 'Standard');
      // 5.90 split 119.00 : 10.70 → 5.41 at 19 % (4.55 + 0.86) and 0.49 at 7 % (0.46 + 0.03).
      assert.deepEqual([priced.shipping.amount, priced.shipping.net, priced.shipping.tax], [590, 501, 89]);
      assert.deepEqual(priced.totals, {
        subtotal: 12_970,
        discountTotal: 0,
        lineDiscountTotal: 0,
        shippingDiscountTotal: 0,
        shippingTotal: 590,
        taxTotal: 2_059,
        total: 13_560,
        taxesIncluded: true,
      });
      assert.deepEqual(
        priced.tax.byRate.map((r) => [r.name, r.amount]),
        [
          ['VAT 19 %', 1_986],
          ['VAT 7 %', 73],
        ],
      );
      assert.equal(priced.tax.estimated, false);
      assert.equal(priced.purchasable, true);
    });

    test('the same cart to a French address: the same prices, French VAT inside them', async () => {
      const cartId = await cartWith(eu, [
        [shirt.variantIds[0]!, 1],
        [book.variantIds[0]!, 1],
      ]);
      await setCartAddresses(database.db, eu.id, cartId, { shippingAddress: address('FR') });
      const priced = await priceCart(database.db, eu.id, cartId, { now });
      assert.deepEqual(
        priced.lines.map((l) => [l.net, l.tax, l.total]),
        [
          [9_917, 1_983, 11_900],
          [1_014, 56, 1_070],
        ],
      );
      // 9.90 split 908 : 82 → 7.57 + 1.51 TVA 20 %, 0.78 + 0.04 TVA 5.5 %.
      assert.deepEqual([priced.shipping.amount, priced.shipping.tax], [990, 155]);
      assert.equal(priced.totals.taxTotal, 2_194);
      assert.equal(priced.totals.total, 13_960);
      assert.deepEqual(priced.shipping.option?.type === 'delivery' && priced.shipping.option.estimate, {
        minDays: 2,
        maxDays: 5,
        earliest: '2030-07-09',
        latest: '2030-07-12',
      });
    });

    test('a US store adds California tax to net prices; shipping by subtotal band, untaxed', async () => {
      const cartId = await cartWith(us, [
        [boots.variantIds[0]!, 1],
        [socks.variantIds[0]!, 2],
      ]);
      await setCartAddresses(database.db, us.id, cartId, {
        shippingAddress: address('US', { region: 'US-CA' }),
      });
      const priced = await priceCart(database.db, us.id, cartId, { now });
      assert.deepEqual(
        priced.lines.map((l) => [l.subtotal, l.tax, l.taxes.map((t) => t.amount), l.total]),
        [
          [4_999, 412, [362, 50], 5_411],
          [3_998, 330, [290, 40], 4_328],
        ],
      );
      assert.deepEqual([priced.shipping.amount, priced.shipping.tax, priced.shipping.total], [595, 0, 595]);
      assert.equal(priced.totals.taxesIncluded, false);
      assert.equal(priced.totals.taxTotal, 742);
      assert.equal(priced.totals.total, 8_997 + 742 + 595);
    });

    test('a JPY market: prices converted to whole yen, 10 % off, Japanese tax in the yen amounts', async () => {
      const cartId = await cartWith(
        eu,
        [
          [mug.variantIds[0]!, 2],
          [card.variantIds[0]!, 1],
        ],
        'JP',
      );
      await applyDiscountCode(database.db, eu.id, cartId, 'welcome10', { now });
      const priced = await priceCart(database.db, eu.id, cartId, { now });
      assert.equal(priced.market.name, 'Japan');
      assert.equal(priced.currency, 'JPY');
      assert.equal(priced.exchangeRate?.rate, '162.37');
      // 19.99 € × 162.37 = ¥3,245.78 → ¥3,246; 4.50 € → ¥730.67 → ¥731; compare-at 24.99 € → ¥4,058.
      assert.deepEqual(
        priced.lines.map((l) => [l.unitAmount, l.compareAtAmount, l.priceSource]),
        [
          [3_246, 4_058, 'converted'],
          [731, null, 'converted'],
        ],
      );
      // 10 % of ¥7,223 = ¥722.3 → ¥722, split 6,492 : 731 → 649 + 73.
      assert.deepEqual(
        priced.lines.map((l) => [l.discount, l.net, l.tax, l.total]),
        [
          [649, 5_312, 531, 5_843],
          [73, 598, 60, 658],
        ],
      );
      assert.deepEqual(
        priced.discounts.applied.map((d) => [d.code, d.amount]),
        [['WELCOME10', 722]],
      );
      // ¥2,500 split 5,843 : 658 → 2,247 (tax 204) + 253 (tax 23).
      assert.deepEqual([priced.shipping.amount, priced.shipping.tax], [2_500, 227]);
      assert.equal(priced.totals.taxTotal, 818);
      assert.equal(priced.totals.total, 9_001);
      assert.equal(priced.tax.estimated, true, 'a country, no address yet');
    });

    test('a KWD market: three decimals, a fixed amount in dinars, no tax where none is set', async () => {
      const cartId = await cartWith(eu, [[mug.variantIds[0]!, 3]], 'KW');
      const applied = await applyDiscountCode(database.db, eu.id, cartId, 'KWD500', { now });
      assert.equal(applied.applied, true);
      const priced = await priceCart(database.db, eu.id, cartId, { now });
      assert.equal(priced.currency, 'KWD');
      // 19.99 € × 0.3315 = 6.626685 → KWD 6.627.
      assert.equal(priced.lines[0]!.unitAmount, 6_627);
      assert.equal(priced.lines[0]!.subtotal, 19_881);
      assert.equal(priced.lines[0]!.discount, 500);
      assert.equal(priced.shipping.amount, 2_500);
      assert.equal(priced.totals.taxTotal, 0);
      assert.equal(priced.totals.total, 19_881 - 500 + 2_500);
    });

    test('a free-shipping code takes the chosen option off; the discount lowers the subtotal shipping sees', async () => {
      const cartId = await cartWith(eu, [[shirt.variantIds[0]!, 1]], 'DE');
      const express = (await priceCart(database.db, eu.id, cartId, { now })).shipping.options.find(
        (o) => o.name === 'Express',
      )!;
      await selectCartShippingOption(database.db, eu.id, cartId, express.key, { now });
      await applyDiscountCode(database.db, eu.id, cartId, 'freeship', { now });
      const free = await priceCart(database.db, eu.id, cartId, { now });
      assert.equal(free.shipping.mode, 'selected');
      assert.deepEqual(
        [free.shipping.amount, free.shipping.discount, free.shipping.tax, free.shipping.total],
        [1_290, 1_290, 0, 0],
      );
      assert.deepEqual(
        free.discounts.applied.map((d) => [d.code, d.shippingAmount]),
        [['FREESHIP', 1_290]],
      );
      assert.equal(free.totals.discountTotal, 1_290);
      assert.equal(free.totals.total, 11_900);

      // Two shirts (238.00) ship free above 200.00; 50.00 off brings the subtotal below it, so Standard costs 5.90 again.
      const twoShirts = await cartWith(eu, [[shirt.variantIds[0]!, 2]], 'DE');
      const above = await priceCart(database.db, eu.id, twoShirts, { now });
      assert.deepEqual([above.shipping.option?.key, above.shipping.amount], [germanStandard, 0]);
      await applyDiscountCode(database.db, eu.id, twoShirts, 'FIFTY', { now });
      const below = await priceCart(database.db, eu.id, twoShirts, { now });
      assert.equal(below.totals.lineDiscountTotal, 5_000);
      assert.equal(below.shipping.amount, 590);
      assert.equal(below.totals.total, 23_800 - 5_000 + 590);
    });

    test('codes that do not apply are reported with a reason and not kept', async () => {
      const cartId = await cartWith(eu, [[book.variantIds[0]!, 1]], 'DE');
      const unknown = await applyDiscountCode(database.db, eu.id, cartId, 'NOPE', { now });
      assert.equal(unknown.applied, false);
      assert.equal(unknown.rejection?.reason, 'unknown_code');
      const minimum = await applyDiscountCode(database.db, eu.id, cartId, 'big20', { now });
      assert.equal(minimum.rejection?.reason, 'below_minimum_subtotal');
      assert.equal(minimum.rejection?.message, 'Spend €989.30 more to use this code.');
      assert.deepEqual(minimum.cart.discountCodes, []);
      const priced = await priceCart(database.db, eu.id, cartId, { now });
      assert.deepEqual(
        priced.discounts.rejected.map((r) => [r.code, r.reason, r.kept]),
        [['big20', 'below_minimum_subtotal', false]],
        'the last code tried is shown until the next',
      );
    });

    test('stock and availability problems are reported per line and block purchase', async () => {
      const scarf = await makeProduct(database, eu, { title: 'Scarf', price: 3_900, sizes: ['S', 'M'] });
      const lamp = await makeProduct(database, eu, { title: 'Lamp', price: 8_900 });
      await receiveStock(database, eu.id, [
        { variantId: scarf.variantIds[0]!, quantity: 5 },
        { variantId: scarf.variantIds[1]!, quantity: 1 },
      ]);
      const cartId = await cartWith(
        eu,
        [
          [scarf.variantIds[0]!, 3],
          [scarf.variantIds[1]!, 1],
          [lamp.variantIds[0]!, 1],
        ],
        'DE',
      );
      // Meanwhile: three scarves S are sold elsewhere, the last M too, and the lamp is taken off sale.
      const location = (
        await database.execute<{ location_id: string }>(
          'select location_id from inventory_levels where variant_id = $1',
          [scarf.variantIds[0]],
        )
      )[0]!.location_id;
      await database.db.transaction((tx) =>
        recordMovements(tx, eu.id, systemActor('test'), [
          {
            variantId: scarf.variantIds[0]!,
            locationId: location,
            kind: 'adjustment',
            reason: 'damaged',
            quantity: -3,
          },
          {
            variantId: scarf.variantIds[1]!,
            locationId: location,
            kind: 'adjustment',
            reason: 'damaged',
            quantity: -1,
          },
        ]),
      );
      await unpublishProduct(
        database.db,
        { actor: systemActor('test'), canPublish: true },
        eu.id,
        lamp.productId,
      );

      const priced = await priceCart(database.db, eu.id, cartId, { now });
      assert.deepEqual(
        priced.lines.map((l) => [l.variantTitle, l.problem, l.availability?.available ?? null, l.total]),
        [
          ['S', 'insufficient_stock', 2, 11_700],
          ['M', 'out_of_stock', 0, 3_900],
          ['', 'variant_unavailable', null, 0],
        ],
      );
      assert.deepEqual(
        priced.problems.map((p) => [p.code, p.available ?? null]),
        [
          ['insufficient_stock', 2],
          ['out_of_stock', 0],
          ['variant_unavailable', null],
        ],
      );
      assert.equal(priced.purchasable, false);
      assert.equal(priced.totals.total, 11_700 + 3_900 + priced.shipping.total);
    });

    test('no shipping to a country is a problem; a new country re-prices in its market', async () => {
      const cartId = await cartWith(eu, [[mug.variantIds[0]!, 1]], 'DE');
      await setCartCountry(database.db, eu.id, cartId, 'BR');
      const nowhere = await priceCart(database.db, eu.id, cartId, { now });
      assert.deepEqual(
        nowhere.problems.map((p) => p.code),
        ['no_shipping_to_country'],
      );
      assert.equal(nowhere.shipping.mode, 'none');
      assert.equal(nowhere.currency, 'EUR');

      const inYen = await setCartCountry(database.db, eu.id, cartId, 'JP');
      assert.equal(inYen.currency, 'JPY');
      const priced = await priceCart(database.db, eu.id, inYen, { now });
      assert.equal(priced.lines[0]!.unitAmount, 3_246);
      assert.equal(priced.shipping.amount, 2_500);
    });
  });
}
