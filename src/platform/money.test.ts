import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  allocate,
  currencyCodes,
  formatMinorAsDecimal,
  formatMoney,
  type Money,
  moneyOf,
  multiplyMoney,
  parseMoney,
  subtractMoney,
  sumMoney,
} from './money.ts';

/** What an order module does with the primitives: price lines, then spread an order-level discount. */
function priceOrder(lines: { unitPrice: string; quantity: number }[], discount: string, currency: string) {
  const subtotals = lines.map((line) => multiplyMoney(parseMoney(line.unitPrice, currency), line.quantity));
  const discountParts = allocate(
    parseMoney(discount, currency).amount,
    subtotals.map((s) => s.amount),
  );
  const totals = subtotals.map((subtotal, i) =>
    subtractMoney(subtotal, moneyOf(discountParts[i]!, currency)),
  );
  return { subtotals, discountParts, totals, total: sumMoney(totals, currency) };
}

describe('money, used the way an order is priced', () => {
  it('spreads a EUR discount across lines so that lines sum to the order total', () => {
    const order = priceOrder(
      [
        { unitPrice: '19.99', quantity: 3 },
        { unitPrice: '5', quantity: 1 },
        { unitPrice: '0.99', quantity: 10 },
      ],
      '10.00',
      'EUR',
    );
    assert.deepEqual(
      order.subtotals.map((s) => s.amount),
      [5997, 500, 990],
    );
    // 1000 × 5997 / 7487 = 800.99…, × 500 / 7487 = 66.78…, × 990 / 7487 = 132.22…
    assert.deepEqual(order.discountParts, [801, 67, 132]);
    assert.deepEqual(
      order.totals.map((t) => formatMinorAsDecimal(t.amount, t.currency)),
      ['51.96', '4.33', '8.58'],
    );
    assert.deepEqual(order.total, { amount: 6487, currency: 'EUR' });
    assert.equal(formatMoney(order.total.amount, 'EUR', 'en-IE'), '€64.87');
  });

  it('handles currencies without and with three decimals', () => {
    const yen = priceOrder(
      [
        { unitPrice: '1000', quantity: 1 },
        { unitPrice: '1000', quantity: 1 },
        { unitPrice: '1000', quantity: 1 },
      ],
      '100',
      'JPY',
    );
    assert.deepEqual(yen.discountParts, [34, 33, 33]);
    assert.equal(formatMoney(yen.total.amount, 'JPY', 'en-US'), '¥2,900');

    const dinar = priceOrder([{ unitPrice: '1.250', quantity: 2 }], '0.005', 'KWD');
    assert.equal(formatMinorAsDecimal(dinar.total.amount, 'KWD'), '2.495');
  });

  it('keeps line totals summing to subtotal minus discount for any order in any currency', () => {
    const order = fc.record({
      currency: fc.constantFrom(...currencyCodes),
      lines: fc.array(fc.record({ unit: fc.integer({ min: 0, max: 10_000_000 }), quantity: fc.nat(1000) }), {
        minLength: 1,
        maxLength: 15,
      }),
      discountShare: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(order, ({ currency, lines, discountShare }) => {
        const asText = lines.map((l) => ({
          unitPrice: formatMinorAsDecimal(l.unit, currency),
          quantity: l.quantity,
        }));
        const subtotal = lines.reduce((acc, l) => acc + l.unit * l.quantity, 0);
        const discount = Math.floor((subtotal * discountShare) / 100);
        const priced = priceOrder(asText, formatMinorAsDecimal(discount, currency), currency);
        const expected: Money = { amount: subtotal - discount, currency };
        assert.deepEqual(priced.total, expected);
        for (const line of priced.totals) assert.ok(line.amount >= 0, 'a line never goes below zero');
      }),
      { numRuns: 500 },
    );
  });
});
