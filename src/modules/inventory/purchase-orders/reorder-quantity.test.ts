// The reorder arithmetic: cover (lead time + 4 weeks) at the rate of sale, less available and
// incoming, in whole packs and at least the minimum; and which supplier to buy from.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  chooseSupplier,
  type ReorderInputs,
  reorderQuantity,
  type SupplierOffer,
} from './reorder-quantity.ts';

const base: ReorderInputs = {
  soldPerDay: 2,
  available: 12,
  incoming: 0,
  leadTimeDays: 10,
  packSize: 1,
  minimumOrderQuantity: 1,
};

describe('reorder quantity', () => {
  test('covers lead time + 28 days at the rate, less what is available', () => {
    // 2 a day × 38 days = 76; 76 − 12 = 64.
    assert.deepEqual(reorderQuantity(base), {
      coverDays: 38,
      targetUnits: 76,
      shortfall: 64,
      quantity: 64,
      packs: 64,
      roundedUpBy: 'nothing',
    });
  });

  test('rounds up to whole packs', () => {
    const q = reorderQuantity({ ...base, packSize: 6 });
    assert.deepEqual([q.shortfall, q.quantity, q.packs, q.roundedUpBy], [64, 66, 11, 'packs']);
    // An exact number of packs is not rounded.
    const exact = reorderQuantity({ ...base, packSize: 8 });
    assert.deepEqual([exact.quantity, exact.packs, exact.roundedUpBy], [64, 8, 'nothing']);
  });

  test("raises a small need to the supplier's minimum, in whole packs", () => {
    // 0.5 a day × 38 = 19; 19 − 12 = 7 short; minimum 20 in packs of 6 → 24.
    const q = reorderQuantity({ ...base, soldPerDay: 0.5, packSize: 6, minimumOrderQuantity: 20 });
    assert.deepEqual(
      [q.targetUnits, q.shortfall, q.quantity, q.packs, q.roundedUpBy],
      [19, 7, 24, 4, 'minimum'],
    );
    // A need above the minimum is not raised by it.
    const big = reorderQuantity({ ...base, packSize: 6, minimumOrderQuantity: 20 });
    assert.deepEqual([big.quantity, big.roundedUpBy], [66, 'packs']);
  });

  test('no sales: nothing to order, whatever the minimum', () => {
    const q = reorderQuantity({ ...base, soldPerDay: 0, available: 0, minimumOrderQuantity: 50 });
    assert.deepEqual([q.targetUnits, q.shortfall, q.quantity, q.packs], [0, 0, 0, 0]);
  });

  test('incoming stock that covers the target leaves nothing to order', () => {
    const q = reorderQuantity({ ...base, incoming: 64, packSize: 6, minimumOrderQuantity: 12 });
    assert.deepEqual([q.shortfall, q.quantity, q.packs], [0, 0, 0]);
    // One unit short of it is a whole pack (and the minimum).
    const short = reorderQuantity({ ...base, incoming: 63, packSize: 6, minimumOrderQuantity: 12 });
    assert.deepEqual([short.shortfall, short.quantity], [1, 12]);
  });

  test('units sold past zero are bought back too', () => {
    assert.equal(reorderQuantity({ ...base, available: -4 }).quantity, 80);
  });

  test('a rate with a floating-point tail does not buy a unit more', () => {
    // 0.1 × 30 is 3.0000000000000004 in floating point.
    const q = reorderQuantity({ ...base, soldPerDay: 0.1, leadTimeDays: 2, available: 0 });
    assert.equal(q.targetUnits, 3);
    // 0.15 × 30 = 4.5 → 5.
    assert.equal(
      reorderQuantity({ ...base, soldPerDay: 0.15, leadTimeDays: 2, available: 0 }).targetUnits,
      5,
    );
  });
});

const offer = (patch: Partial<SupplierOffer>): SupplierOffer => ({
  supplierId: 'sup_a',
  supplierName: 'A',
  currency: 'EUR',
  leadTimeDays: 10,
  active: true,
  costAmount: 500,
  packSize: 1,
  minimumOrderQuantity: 1,
  preferred: false,
  ...patch,
});

describe('supplier choice', () => {
  test('none: no supplier, or only inactive ones', () => {
    assert.equal(chooseSupplier([], 'EUR'), null);
    assert.equal(chooseSupplier([offer({ active: false, preferred: true })], 'EUR'), null);
  });

  test('the preferred supplier wins over a cheaper one, while it is active', () => {
    const offers = [
      offer({ supplierId: 'cheap', costAmount: 100 }),
      offer({ supplierId: 'pref', costAmount: 900, preferred: true }),
    ];
    assert.deepEqual(
      [chooseSupplier(offers, 'EUR')?.offer.supplierId, chooseSupplier(offers, 'EUR')?.choice],
      ['pref', 'preferred'],
    );
    const inactive = [offers[0]!, { ...offers[1]!, active: false }];
    assert.deepEqual(
      [chooseSupplier(inactive, 'EUR')?.offer.supplierId, chooseSupplier(inactive, 'EUR')?.choice],
      ['cheap', 'only'],
    );
  });

  test('else the cheapest, in the store currency first; equal prices go to the quicker', () => {
    const offers = [
      offer({ supplierId: 'usd', currency: 'USD', costAmount: 50 }),
      offer({ supplierId: 'dear', costAmount: 700 }),
      offer({ supplierId: 'slow', costAmount: 400, leadTimeDays: 30 }),
      offer({ supplierId: 'quick', costAmount: 400, leadTimeDays: 5 }),
    ];
    const chosen = chooseSupplier(offers, 'EUR');
    assert.deepEqual([chosen?.offer.supplierId, chosen?.choice], ['quick', 'cheapest']);
    // Without a supplier in the store's currency, the cheapest in another one.
    assert.equal(
      chooseSupplier([offers[0]!, offer({ supplierId: 'usd2', currency: 'USD', costAmount: 40 })], 'EUR')
        ?.offer.supplierId,
      'usd2',
    );
  });
});
