import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { assertOrderArithmetic, type NewOrder, newOrderInput } from './new-order-input.ts';

/** An EUR order priced with tax included: two lines, a 10 % code, flat shipping with 19 % VAT. */
function pricedOrder(): NewOrder {
  return {
    source: 'storefront',
    checkoutId: 'cart_1',
    customerId: null,
    email: 'Ada@Example.com',
    locale: 'de',
    marketId: null,
    currency: 'EUR',
    taxesIncluded: true,
    shippingAddress: null,
    billingAddress: null,
    lines: [
      {
        variantId: 'var_a',
        productId: 'prod_a',
        title: 'Shirt',
        variantTitle: 'M',
        sku: 'S-M',
        quantity: 2,
        unitAmount: 1999,
        subtotal: 3998,
        discount: 400,
        discountAllocations: [{ discountId: 'disc_1', amount: 400 }],
        tax: 574,
        taxLines: [{ rateId: 'txr_de', name: 'MwSt', ratePpm: 190000, amount: 574 }],
        total: 3598,
        requiresShipping: true,
        weightGrams: 200,
      },
      {
        variantId: 'var_b',
        productId: 'prod_b',
        title: 'Book',
        variantTitle: null,
        sku: null,
        quantity: 1,
        unitAmount: 1500,
        subtotal: 1500,
        discount: 150,
        discountAllocations: [{ discountId: 'disc_1', amount: 150 }],
        tax: 88,
        taxLines: [{ rateId: 'txr_de7', name: 'MwSt 7 %', ratePpm: 70000, amount: 88 }],
        total: 1350,
        requiresShipping: true,
        weightGrams: 400,
      },
    ],
    shipping: {
      optionKey: 'shr_1',
      title: 'Standard',
      kind: 'delivery',
      locationId: null,
      amount: 495,
      discount: 0,
      tax: 79,
      taxLines: [{ rateId: 'txr_de', name: 'MwSt', ratePpm: 190000, amount: 79 }],
      total: 495,
      estimate: { earliest: '2026-11-26', latest: '2026-11-27' },
    },
    discounts: [{ discountId: 'disc_1', title: '10 % off', code: 'TEN', amount: 550 }],
    totals: { subtotal: 5498, discountTotal: 550, shippingTotal: 495, taxTotal: 741, total: 5443 },
    reservationId: null,
    discountUsageRef: null,
  };
}

function mismatchPaths(order: NewOrder): string[] {
  try {
    assertOrderArithmetic(newOrderInput.parse(order));
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'order_totals_mismatch');
    return (err.details as { paths: string[] }).paths;
  }
  return [];
}

describe('an order’s amounts must add up before it is stored', () => {
  test('a correctly priced order (tax included) passes and its e-mail is kept lower-cased', () => {
    assert.deepEqual(mismatchPaths(pricedOrder()), []);
    assert.equal(newOrderInput.parse(pricedOrder()).email, 'ada@example.com');
  });

  test('with tax added on top, the totals include it', () => {
    const order = pricedOrder();
    order.taxesIncluded = false;
    assert.deepEqual(mismatchPaths(order), ['lines.0.total', 'lines.1.total', 'shipping.total']);
    order.lines[0]!.total = 3598 + 574;
    order.lines[1]!.total = 1350 + 88;
    order.shipping!.total = 495 + 79;
    order.totals.shippingTotal = 574;
    order.totals.total = 5443 + 741;
    assert.deepEqual(mismatchPaths(order), []);
  });

  test('a cent off anywhere is named', () => {
    const cases: [string, (o: NewOrder) => void][] = [
      [
        'lines.0.subtotal',
        (o) => {
          o.lines[0]!.unitAmount = 2000;
        },
      ],
      [
        'lines.1.discount',
        (o) => {
          o.lines[1]!.discountAllocations[0]!.amount = 149;
        },
      ],
      [
        'lines.0.tax',
        (o) => {
          o.lines[0]!.taxLines[0]!.amount = 573;
        },
      ],
      [
        'discounts',
        (o) => {
          o.discounts[0]!.amount = 551;
        },
      ],
      [
        'totals.taxTotal',
        (o) => {
          o.totals.taxTotal = 740;
        },
      ],
      [
        'totals.total',
        (o) => {
          o.totals.total = 5444;
        },
      ],
    ];
    for (const [path, spoil] of cases) {
      const order = pricedOrder();
      spoil(order);
      assert.ok(mismatchPaths(order).includes(path), `${path} named`);
    }
  });

  test('malformed input is refused by the schema', () => {
    const order = pricedOrder();
    assert.equal(newOrderInput.safeParse({ ...order, currency: 'EURO' }).success, false);
    assert.equal(newOrderInput.safeParse({ ...order, lines: [] }).success, false);
    assert.equal(
      newOrderInput.safeParse({ ...order, lines: [{ ...order.lines[0]!, quantity: 0 }] }).success,
      false,
    );
    assert.equal(newOrderInput.safeParse({ ...order, total: 1 }).success, false);
  });
});
