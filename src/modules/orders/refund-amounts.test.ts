import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../platform/errors.ts';
import {
  cancellationRefundAmounts,
  lineRefundAmount,
  refundAmounts,
  spreadOverPayments,
  unitsTakenOffShipping,
} from './refund-amounts.ts';

/** Line totals of a realistic size per currency: yen have no minor unit, dinars three decimals. */
const currencyTotals = {
  JPY: fc.integer({ min: 1, max: 2_000_000 }),
  EUR: fc.integer({ min: 1, max: 20_000_000 }),
  KWD: fc.integer({ min: 1, max: 200_000_000 }),
};

/** A line's units cut into refunds of random sizes (in the order they happen). */
const lineAndSteps = fc.constantFrom('JPY', 'EUR', 'KWD').chain((currency) =>
  fc.integer({ min: 1, max: 40 }).chain((quantity) =>
    fc.record({
      currency: fc.constant(currency),
      quantity: fc.constant(quantity),
      total: currencyTotals[currency as keyof typeof currencyTotals],
      // Cut points in 1..quantity-1, deduplicated: the steps between them.
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, quantity - 1) }), {
        maxLength: quantity - 1,
      }),
    }),
  ),
);

function stepsOf(quantity: number, cuts: number[]): number[] {
  const points = [0, ...cuts.filter((c) => c < quantity).sort((a, b) => a - b), quantity];
  return points.slice(1).map((p, i) => p - points[i]!);
}

const limits = { shippingLeft: 500, orderLeft: 1_000_000, refundable: 1_000_000 };
const orderLine = (id: string, quantity: number, total: number) => ({
  id,
  title: id,
  quantity,
  total,
  refundedQuantity: 0,
  refundedAmount: 0,
});

describe('refund arithmetic', () => {
  test('a line refunded in any steps gives back exactly its total, each step within one minor unit of its share', () => {
    fc.assert(
      fc.property(lineAndSteps, ({ quantity, total, cuts }) => {
        const line = { quantity, total, refundedQuantity: 0, refundedAmount: 0 };
        for (const units of stepsOf(quantity, cuts)) {
          const amount = lineRefundAmount(line, units);
          const exactShare = ((total - line.refundedAmount) * units) / (quantity - line.refundedQuantity);
          assert.ok(Math.abs(amount - exactShare) < 1, `${amount} is the share ${exactShare}`);
          assert.ok(Number.isInteger(amount) && amount >= 0);
          line.refundedQuantity += units;
          line.refundedAmount += amount;
        }
        assert.equal(line.refundedQuantity, quantity);
        assert.equal(line.refundedAmount, total);
      }),
      { numRuns: 500 },
    );
  });

  test('examples: 3 units for 10.00 refund 3.33, 3.33, then 3.34; one unit of a yen line', () => {
    const line = { quantity: 3, total: 1000, refundedQuantity: 0, refundedAmount: 0 };
    assert.equal(lineRefundAmount(line, 1), 333);
    assert.equal(lineRefundAmount({ ...line, refundedQuantity: 1, refundedAmount: 333 }, 1), 334);
    assert.equal(lineRefundAmount({ ...line, refundedQuantity: 2, refundedAmount: 667 }, 1), 333);
    assert.equal(
      lineRefundAmount({ quantity: 7, total: 1000, refundedQuantity: 0, refundedAmount: 0 }, 2),
      286,
    );
  });

  test('a refund is lines + shipping + extra, and each limit is refused with its code', () => {
    const lines = [orderLine('a', 2, 2000), orderLine('b', 1, 999)];
    assert.deepEqual(
      refundAmounts(lines, limits, { lines: [{ orderLineId: 'a', quantity: 1 }], shipping: 200, extra: 50 }),
      {
        lines: [{ orderLineId: 'a', quantity: 1, amount: 1000 }],
        shipping: 200,
        extra: 50,
        amount: 1250,
      },
    );
    const refused = (request: Parameters<typeof refundAmounts>[2], code: string, l = limits) =>
      assert.throws(
        () => refundAmounts(lines, l, request),
        (err) => err instanceof AppError && err.code === code,
      );
    refused({ lines: [{ orderLineId: 'zzz', quantity: 1 }] }, 'unknown_order_line');
    refused(
      {
        lines: [
          { orderLineId: 'a', quantity: 1 },
          { orderLineId: 'a', quantity: 1 },
        ],
      },
      'duplicate_line',
    );
    refused({ lines: [{ orderLineId: 'a', quantity: 3 }] }, 'refund_exceeds_quantity');
    refused({ lines: [], shipping: 501 }, 'refund_exceeds_shipping');
    refused({ lines: [], extra: 1_000_001 }, 'refund_exceeds_captured');
    refused({ lines: [], extra: 10 }, 'refund_exceeds_order', { ...limits, orderLeft: 5 });
    refused({ lines: [] }, 'empty_refund');
    assert.throws(
      () =>
        refundAmounts(lines, { ...limits, refundable: 999 }, { lines: [{ orderLineId: 'a', quantity: 1 }] }),
      (err) =>
        err instanceof AppError &&
        err.status === 409 &&
        JSON.stringify(err.details) === JSON.stringify({ refundable: 999 }),
    );
    assert.equal(refundAmounts(lines, limits, { lines: [] }, { allowEmpty: true }).amount, 0);
  });

  test('which units a refund takes off what is left to ship', () => {
    const line = { quantity: 3, fulfilledQuantity: 1, removedQuantity: 0, refundedQuantity: 0 };
    assert.equal(unitsTakenOffShipping(line, 1, false), 1, 'an unshipped unit first');
    assert.equal(unitsTakenOffShipping(line, 3, false), 2, 'then the shipped one');
    assert.equal(unitsTakenOffShipping(line, 1, true), 0, 'a return refunds the shipped unit');
    assert.equal(unitsTakenOffShipping(line, 2, true), 1);
    assert.equal(
      unitsTakenOffShipping(
        { quantity: 2, fulfilledQuantity: 2, removedQuantity: 0, refundedQuantity: 0 },
        2,
        false,
      ),
      0,
    );
  });

  test('a refund is spread over payments in the order given, each up to what it can give back', () => {
    const payments = [
      { id: 'new', refundable: 300 },
      { id: 'old', refundable: 1000 },
    ];
    assert.deepEqual(spreadOverPayments(200, payments), [{ paymentId: 'new', amount: 200 }]);
    assert.deepEqual(spreadOverPayments(500, payments), [
      { paymentId: 'new', amount: 300 },
      { paymentId: 'old', amount: 200 },
    ]);
    assert.throws(() => spreadOverPayments(1301, payments));
  });

  test('a cancellation refunds what is left of each line and of shipping, or their share of what was paid', () => {
    const lines = [
      orderLine('a', 2, 2000),
      { ...orderLine('b', 3, 999), refundedQuantity: 1, refundedAmount: 333 },
    ];
    const whole = cancellationRefundAmounts(lines, 500, 2000 + 666 + 500);
    assert.deepEqual(whole.lines, [
      { orderLineId: 'a', quantity: 2, amount: 2000 },
      { orderLineId: 'b', quantity: 2, amount: 666 },
    ]);
    assert.equal(whole.shipping, 500);
    assert.equal(whole.extra, 0);
    const part = cancellationRefundAmounts(lines, 500, 1000);
    assert.equal(part.lines.reduce((n, l) => n + l.amount, 0) + part.shipping + part.extra, 1000);
    assert.deepEqual([...part.lines.map((l) => l.amount), part.shipping], [632, 210, 158]);
  });
});
