import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { allCombine, candidate, cart, context, line } from '../testing/engine-fixtures.ts';
import { applyDiscounts } from './apply-discounts.ts';
import type { DiscountResult } from './types.ts';

/** lineId → discount, for compact expectations. */
const lineDiscounts = (result: DiscountResult) =>
  Object.fromEntries(result.lines.map((l) => [l.lineId, l.discount]));
const appliedIds = (result: DiscountResult) => result.applied.map((a) => [a.discountId, a.amount]);
const reasons = (result: DiscountResult) => result.rejected.map((r) => [r.discountId ?? r.code, r.reason]);

describe('percentage discounts', () => {
  test('10 % off the order: rounded half up once on the subtotal, allocated to lines in proportion', () => {
    // 19.99 + 2 × 12.50 = 44.99; 10 % = 4.499 → 4.50; split 1999 : 2500 → 2.00 + 2.50.
    const result = applyDiscounts(
      cart([line('a', 1999), line('b', 1250, 2)], 495),
      [candidate({ id: 'd1', percentBp: 1000 })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 200, b: 250 });
    assert.equal(result.discountTotal, 450);
    assert.equal(result.total, 4499 - 450 + 495);
    assert.deepEqual(result.lines[0]!.allocations, [{ discountId: 'd1', amount: 200 }]);
    assert.deepEqual(appliedIds(result), [['d1', 450]]);
    assert.equal(result.applied[0]!.class, 'order');
  });

  test('15 % off a product: per line, rounded half up; other lines untouched', () => {
    // 3 × 3.33 = 9.99; 15 % = 1.4985 → 1.50.
    const result = applyDiscounts(
      cart([line('a', 333, 3, { productId: 'p1' }), line('b', 1000, 1, { productId: 'p2' })]),
      [candidate({ id: 'd1', percentBp: 1500, appliesTo: { scope: 'products', productIds: ['p1'] } })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 150, b: 0 });
    assert.equal(result.applied[0]!.class, 'product');
  });

  test('a percentage on a collection reaches the lines whose product is in it', () => {
    const result = applyDiscounts(
      cart([
        line('a', 2000, 1, { collectionIds: ['summer', 'linen'] }),
        line('b', 2000, 1, { collectionIds: [] }),
      ]),
      [
        candidate({
          id: 'd1',
          percentBp: 2500,
          appliesTo: { scope: 'collections', collectionIds: ['linen'] },
        }),
      ],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 500, b: 0 });
  });

  test('yen have no minor unit: 10 % of ¥1,999 is ¥200', () => {
    const result = applyDiscounts(cart([line('a', 1999)], 0, 'JPY'), [candidate({ id: 'd1' })], context());
    assert.equal(result.discountTotal, 200);
  });

  test('100 % takes the whole line and no more', () => {
    const result = applyDiscounts(
      cart([line('a', 1234, 3)]),
      [candidate({ id: 'd1', percentBp: 10000 })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 3702 });
    assert.equal(result.total, 0);
  });
});

describe('fixed amounts', () => {
  test('€10 off the order is split 3:1 over lines of €30 and €10', () => {
    const result = applyDiscounts(
      cart([line('a', 3000), line('b', 1000)]),
      [candidate({ id: 'd1', type: 'fixed_amount', percentBp: null, amounts: { EUR: 1000 } })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 750, b: 250 });
  });

  test('an odd cent goes to the largest remainder, so the lines still add up: €1 over three €1 lines', () => {
    const result = applyDiscounts(
      cart([line('a', 100), line('b', 100), line('c', 100)]),
      [candidate({ id: 'd1', type: 'fixed_amount', amounts: { EUR: 100 } })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 34, b: 33, c: 33 });
  });

  test('€50 off a €40 cart takes €40: never below zero', () => {
    const result = applyDiscounts(
      cart([line('a', 4000)], 500),
      [candidate({ id: 'd1', type: 'fixed_amount', amounts: { EUR: 5000 } })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 4000 });
    assert.equal(result.shipping.discount, 0);
    assert.equal(result.total, 500);
  });

  test('a fixed amount only in dollars does not apply to a euro cart', () => {
    const result = applyDiscounts(
      cart([line('a', 4000)]),
      [candidate({ id: 'd1', type: 'fixed_amount', amounts: { USD: 500 } })],
      context(),
    );
    assert.deepEqual(result.applied, []);
    assert.deepEqual(result.rejected, [
      {
        discountId: 'd1',
        code: null,
        reason: 'wrong_currency',
        details: { currency: 'EUR', currencies: ['USD'] },
      },
    ]);
  });

  test('per unit (not once per order): €2 off each unit of the product, at most the line', () => {
    const result = applyDiscounts(
      cart([
        line('a', 150, 3, { productId: 'p1' }),
        line('b', 500, 2, { productId: 'p2' }),
        line('c', 900, 1, { productId: 'p3' }),
      ]),
      [
        candidate({
          id: 'd1',
          type: 'fixed_amount',
          amounts: { EUR: 200 },
          oncePerOrder: false,
          appliesTo: { scope: 'products', productIds: ['p1', 'p2'] },
        }),
      ],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 450, b: 400, c: 0 });
  });

  test('once per order on products: the amount once, over the matching lines in proportion', () => {
    const result = applyDiscounts(
      cart([
        line('a', 1000, 1, { productId: 'p1' }),
        line('b', 3000, 1, { productId: 'p2' }),
        line('c', 9000),
      ]),
      [
        candidate({
          id: 'd1',
          type: 'fixed_amount',
          amounts: { EUR: 500 },
          appliesTo: { scope: 'products', productIds: ['p1', 'p2'] },
        }),
      ],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 125, b: 375, c: 0 });
  });

  test('three-digit currencies: KWD 1.000 off over 0.333 and 0.667', () => {
    const result = applyDiscounts(
      cart([line('a', 333), line('b', 667)], 0, 'KWD'),
      [candidate({ id: 'd1', type: 'fixed_amount', amounts: { KWD: 500 } })],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 167, b: 333 });
  });
});

describe('free shipping', () => {
  test('takes the whole shipping amount once the minimum subtotal is met', () => {
    const free = candidate({ id: 'ship', type: 'free_shipping', minimumSubtotal: { EUR: 5000 } });
    const above = applyDiscounts(cart([line('a', 5000)], 495), [free], context());
    assert.equal(above.shipping.discount, 495);
    assert.equal(above.shipping.total, 0);
    assert.deepEqual(above.applied[0]!.shippingAmount, 495);
    const below = applyDiscounts(cart([line('a', 4000)], 495), [free], context());
    assert.deepEqual(below.rejected, [
      {
        discountId: 'ship',
        code: null,
        reason: 'below_minimum_subtotal',
        details: { minimum: 5000, subtotal: 4000, currency: 'EUR' },
      },
    ]);
  });

  test('nothing to take when shipping is free already', () => {
    const result = applyDiscounts(
      cart([line('a', 5000)], 0),
      [candidate({ id: 's', type: 'free_shipping' })],
      context(),
    );
    assert.deepEqual(reasons(result), [['s', 'nothing_to_discount']]);
  });
});

describe('buy X get Y', () => {
  const shirts = { scope: 'collections' as const, collectionIds: ['shirts'] };
  const shirt = (id: string, price: number, quantity = 1) =>
    line(id, price, quantity, { collectionIds: ['shirts'] });
  const offer = (buys: number, gets: number, percentBp = 10000, maxUsesPerOrder: number | null = null) =>
    candidate({
      id: 'bxgy',
      type: 'buy_x_get_y',
      percentBp: null,
      buyXGetY: {
        buys: { items: shirts, quantity: buys, minimumAmounts: null },
        gets: { items: shirts, quantity: gets, percentBp },
        maxUsesPerOrder,
      },
    });

  test('buy 2 get 1 free: the cheapest shirt is free', () => {
    const result = applyDiscounts(
      cart([shirt('a', 3000), shirt('b', 1000), shirt('c', 2000)]),
      [offer(2, 1)],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 0, b: 1000, c: 0 });
    assert.equal(result.applied[0]!.class, 'product');
  });

  test('it repeats: six shirts, two free (the two cheapest units), unless capped at one use per order', () => {
    const six = cart([shirt('a', 3000, 3), shirt('b', 1000, 3)]);
    assert.deepEqual(lineDiscounts(applyDiscounts(six, [offer(2, 1)], context())), { a: 0, b: 2000 });
    assert.deepEqual(lineDiscounts(applyDiscounts(six, [offer(2, 1, 10000, 1)], context())), {
      a: 0,
      b: 1000,
    });
  });

  test('two shirts do not make "buy 2 get 1": a unit is X or Y, never both', () => {
    const result = applyDiscounts(cart([shirt('a', 3000, 2)]), [offer(2, 1)], context());
    assert.deepEqual(reasons(result), [['bxgy', 'not_applicable']]);
    assert.deepEqual(result.rejected[0]!.details, {
      buyXGetY: 'condition_not_met',
      buysQuantity: 2,
      getsQuantity: 2,
    });
  });

  test('buy shoes, get socks at half price (X and Y apart)', () => {
    const discount = candidate({
      id: 'shoes-socks',
      type: 'buy_x_get_y',
      buyXGetY: {
        buys: { items: { scope: 'products', productIds: ['shoes'] }, quantity: 1, minimumAmounts: null },
        gets: { items: { scope: 'products', productIds: ['socks'] }, quantity: 1, percentBp: 5000 },
        maxUsesPerOrder: null,
      },
    });
    const result = applyDiscounts(
      cart([line('shoes', 8000, 1, { productId: 'shoes' }), line('socks', 600, 3, { productId: 'socks' })]),
      [discount],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { shoes: 0, socks: 300 });
  });

  test('cheapest Y, but never a unit the X condition needs', () => {
    // X = shirts, Y = shirts or socks. Both shirts must be bought, so the (dearer) socks are the Y unit.
    const discount = candidate({
      id: 'mixed',
      type: 'buy_x_get_y',
      buyXGetY: {
        buys: { items: shirts, quantity: 2, minimumAmounts: null },
        gets: {
          items: { scope: 'collections', collectionIds: ['shirts', 'socks'] },
          quantity: 1,
          percentBp: 10000,
        },
        maxUsesPerOrder: null,
      },
    });
    const result = applyDiscounts(
      cart([shirt('a', 1000, 2), line('s', 2000, 1, { collectionIds: ['socks'] })]),
      [discount],
      context(),
    );
    assert.deepEqual(lineDiscounts(result), { a: 0, s: 2000 });
  });

  test('spend €50 on X, get one Y free: the Y unit does not count toward the spend', () => {
    const discount = candidate({
      id: 'spend',
      type: 'buy_x_get_y',
      buyXGetY: {
        buys: { items: shirts, quantity: null, minimumAmounts: { EUR: 5000 } },
        gets: { items: shirts, quantity: 1, percentBp: 10000 },
        maxUsesPerOrder: null,
      },
    });
    // 30 + 20 + 10: the €10 shirt is Y, leaving €50 of X: one use.
    const met = applyDiscounts(
      cart([shirt('a', 3000), shirt('b', 2000), shirt('c', 1000)]),
      [discount],
      context(),
    );
    assert.deepEqual(lineDiscounts(met), { a: 0, b: 0, c: 1000 });
    // 30 + 20: the €20 shirt would be Y, leaving €30: not met.
    const short = applyDiscounts(cart([shirt('a', 3000), shirt('b', 2000)]), [discount], context());
    assert.deepEqual(reasons(short), [['spend', 'not_applicable']]);
    // A spend in dollars only: a euro cart is the wrong currency.
    const dollars = applyDiscounts(
      cart([shirt('a', 3000)]),
      [
        {
          ...discount,
          buyXGetY: {
            ...discount.buyXGetY!,
            buys: { ...discount.buyXGetY!.buys, minimumAmounts: { USD: 1 } },
          },
        },
      ],
      context(),
    );
    assert.deepEqual(reasons(dollars), [['spend', 'wrong_currency']]);
  });
});

describe('conditions', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const base = cart([line('a', 1000, 2)]);
  const cases: [string, Parameters<typeof candidate>[0], Partial<Parameters<typeof context>[0]>, string][] = [
    ['switched off', { id: 'x', enabled: false }, {}, 'disabled'],
    ['starts tomorrow', { id: 'x', startsAt: new Date('2025-06-02T00:00:00Z') }, {}, 'not_started'],
    ['ended a second ago', { id: 'x', endsAt: new Date(now.getTime() - 1000) }, {}, 'expired'],
    ['ends exactly now', { id: 'x', endsAt: now }, {}, 'expired'],
    ['used up', { id: 'x', usageLimit: 100, used: 100 }, {}, 'usage_limit_reached'],
    [
      'this customer used it',
      { id: 'x', perCustomerLimit: 1, customerUsed: 1 },
      {},
      'customer_limit_reached',
    ],
    [
      'a guest cannot use a once-per-customer code',
      { id: 'x', perCustomerLimit: 1 },
      { customerKey: null },
      'customer_required',
    ],
    [
      'segment',
      { id: 'x', customerSegments: ['vip'] },
      { segments: ['newsletter'] },
      'customer_not_eligible',
    ],
    ['minimum quantity 3', { id: 'x', minimumQuantity: 3 }, {}, 'below_minimum_quantity'],
    ['minimum subtotal only in USD', { id: 'x', minimumSubtotal: { USD: 100 } }, {}, 'wrong_currency'],
    [
      'product not in the cart',
      { id: 'x', appliesTo: { scope: 'products', productIds: ['elsewhere'] } },
      {},
      'not_applicable',
    ],
  ];
  for (const [label, overrides, ctx, reason] of cases) {
    test(`${label} → ${reason}`, () => {
      const result = applyDiscounts(base, [candidate(overrides)], context({ now, ...ctx }));
      assert.deepEqual(result.applied, []);
      assert.equal(result.rejected[0]?.reason, reason, JSON.stringify(result.rejected));
      assert.equal(result.discountTotal, 0);
    });
  }

  test('met conditions apply: in the window, under the limits, in the segment, at the minimum', () => {
    const result = applyDiscounts(
      base,
      [
        candidate({
          id: 'x',
          startsAt: now,
          endsAt: new Date(now.getTime() + 1),
          usageLimit: 100,
          used: 99,
          perCustomerLimit: 2,
          customerUsed: 1,
          customerSegments: ['vip', 'staff'],
          minimumQuantity: 2,
          minimumSubtotal: { EUR: 2000 },
        }),
      ],
      context({ now, segments: ['staff'] }),
    );
    assert.deepEqual(appliedIds(result), [['x', 200]]);
  });

  test('minimums on products count only the targeted lines', () => {
    const discount = candidate({
      id: 'x',
      appliesTo: { scope: 'products', productIds: ['p1'] },
      minimumSubtotal: { EUR: 3000 },
    });
    const result = applyDiscounts(
      cart([line('a', 1000, 2, { productId: 'p1' }), line('b', 5000, 1, { productId: 'p2' })]),
      [discount],
      context(),
    );
    assert.deepEqual(reasons(result), [['x', 'below_minimum_subtotal']]);
  });
});

describe('codes', () => {
  const coded = candidate({ id: 'c1', kind: 'code', codes: ['SUMMER10'], percentBp: 1000 });

  test('a code is matched without regard to case or spaces; the stored spelling is reported', () => {
    const result = applyDiscounts(cart([line('a', 1000)]), [coded], context({ codes: ['  summer10 '] }));
    assert.deepEqual(
      result.applied.map((a) => a.code),
      ['SUMMER10'],
    );
  });

  test('a code discount whose code was not entered is not considered; unknown codes are reported', () => {
    const result = applyDiscounts(cart([line('a', 1000)]), [coded], context({ codes: ['WINTER', 'winter'] }));
    assert.deepEqual(result.applied, []);
    assert.deepEqual(result.rejected, [{ discountId: null, code: 'WINTER', reason: 'unknown_code' }]);
  });

  test('two codes of one discount apply it once', () => {
    const two = { ...coded, codes: ['SUMMER10', 'SUN10'] };
    const result = applyDiscounts(cart([line('a', 1000)]), [two], context({ codes: ['sun10', 'SUMMER10'] }));
    assert.deepEqual(
      result.applied.map((a) => [a.code, a.amount]),
      [['SUN10', 100]],
    );
    assert.deepEqual(result.rejected, []);
  });
});

describe('combination', () => {
  test('when they do not combine, the biggest saving wins: €15 code over an automatic 10 % on €100', () => {
    const result = applyDiscounts(
      cart([line('a', 10000)]),
      [
        candidate({ id: 'auto10', percentBp: 1000 }),
        candidate({
          id: 'code15',
          kind: 'code',
          codes: ['FIFTEEN'],
          type: 'fixed_amount',
          amounts: { EUR: 1500 },
        }),
      ],
      context({ codes: ['fifteen'] }),
    );
    assert.deepEqual(appliedIds(result), [['code15', 1500]]);
    assert.deepEqual(result.rejected, [
      {
        discountId: 'auto10',
        code: null,
        reason: 'does_not_combine',
        details: { conflictsWith: ['code15'] },
      },
    ]);
  });

  test('product, order and shipping discounts that all combine stack: product first, order on what is left', () => {
    // A €50 + B €50; 20 % off A = €10; then 10 % of the €90 left = €9, split 40 : 50.
    const result = applyDiscounts(
      cart([line('a', 5000, 1, { productId: 'A' }), line('b', 5000, 1, { productId: 'B' })], 700),
      [
        candidate({ id: 'order10', percentBp: 1000, combinesWith: allCombine }),
        candidate({
          id: 'prodA20',
          percentBp: 2000,
          appliesTo: { scope: 'products', productIds: ['A'] },
          combinesWith: allCombine,
        }),
        candidate({ id: 'ship', type: 'free_shipping', combinesWith: allCombine }),
      ],
      context(),
    );
    assert.deepEqual(appliedIds(result), [
      ['prodA20', 1000],
      ['order10', 900],
      ['ship', 700],
    ]);
    assert.deepEqual(lineDiscounts(result), { a: 1400, b: 500 });
    assert.deepEqual(result.lines[0]!.allocations, [
      { discountId: 'prodA20', amount: 1000 },
      { discountId: 'order10', amount: 400 },
    ]);
    assert.equal(result.total, 10000 - 1900);
  });

  test('combining needs both sides: an order discount that allows shipping, shipping that does not allow orders', () => {
    const result = applyDiscounts(
      cart([line('a', 5000)], 700),
      [
        candidate({
          id: 'order10',
          percentBp: 1000,
          combinesWith: { order: false, product: false, shipping: true },
        }),
        candidate({ id: 'ship', type: 'free_shipping' }),
      ],
      context(),
    );
    assert.deepEqual(appliedIds(result), [['ship', 700]]);
    assert.deepEqual(reasons(result), [['order10', 'does_not_combine']]);
  });

  test('the best set, not the best single: two that combine beat a bigger one that combines with nothing', () => {
    const result = applyDiscounts(
      cart([line('a', 4000, 1, { productId: 'A' })], 700),
      [
        candidate({ id: 'solo', type: 'fixed_amount', amounts: { EUR: 1000 } }),
        candidate({
          id: 'prod20',
          percentBp: 2000,
          appliesTo: { scope: 'products', productIds: ['A'] },
          combinesWith: { order: false, product: false, shipping: true },
        }),
        candidate({
          id: 'ship',
          type: 'free_shipping',
          combinesWith: { order: false, product: true, shipping: false },
        }),
      ],
      context(),
    );
    assert.deepEqual(appliedIds(result), [
      ['prod20', 800],
      ['ship', 700],
    ]);
    assert.deepEqual(result.rejected, [
      {
        discountId: 'solo',
        code: null,
        reason: 'does_not_combine',
        details: { conflictsWith: ['prod20', 'ship'] },
      },
    ]);
  });

  test('equal savings: a code the customer entered beats an automatic discount, then the smaller id', () => {
    const auto = candidate({ id: 'a-auto', percentBp: 1000 });
    const code = candidate({ id: 'z-code', kind: 'code', codes: ['TEN'], percentBp: 1000 });
    const result = applyDiscounts(cart([line('a', 1000)]), [auto, code], context({ codes: ['TEN'] }));
    assert.deepEqual(appliedIds(result), [['z-code', 100]]);
    const twins = applyDiscounts(
      cart([line('a', 1000)]),
      [candidate({ id: 'b' }), candidate({ id: 'a' })],
      context(),
    );
    assert.deepEqual(appliedIds(twins), [['a', 100]]);
  });

  test('stacked fixed amounts stop at zero; one left with nothing to take is reported, not applied', () => {
    const result = applyDiscounts(
      cart([line('a', 4000)]),
      [
        candidate({ id: 'f1', type: 'fixed_amount', amounts: { EUR: 3000 }, combinesWith: allCombine }),
        candidate({ id: 'f2', type: 'fixed_amount', amounts: { EUR: 3000 }, combinesWith: allCombine }),
        candidate({ id: 'f3', type: 'fixed_amount', amounts: { EUR: 3000 }, combinesWith: allCombine }),
      ],
      context(),
    );
    assert.deepEqual(appliedIds(result), [
      ['f1', 3000],
      ['f2', 1000],
    ]);
    assert.deepEqual(reasons(result), [['f3', 'nothing_to_discount']]);
    assert.equal(result.total, 0);
  });
});

test('a malformed cart is refused with invalid_cart', () => {
  for (const bad of [
    cart([line('a', -1)]),
    cart([line('a', 1.5)]),
    cart([line('a', 100, 0)]),
    cart([line('a', 100), line('a', 100)]),
    cart([line('a', 100)], -5),
    cart([line('a', 100)], 0, 'eur'),
  ]) {
    assert.throws(
      () => applyDiscounts(bad, [], context()),
      (err: unknown) => err instanceof AppError && err.code === 'invalid_cart',
    );
  }
});
