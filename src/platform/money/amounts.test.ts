import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMoney, moneyOf, multiplyMoney, subtractMoney, sumMoney, zeroMoney } from './amounts.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('Money arithmetic', () => {
  it('builds checked values', () => {
    assert.deepEqual(moneyOf(1999, 'EUR'), { amount: 1999, currency: 'EUR' });
    assert.ok(Object.is(moneyOf(-0, 'EUR').amount, 0));
    assert.deepEqual(zeroMoney('JPY'), { amount: 0, currency: 'JPY' });
    for (const amount of [
      19.99,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      MAX + 1,
      '1999' as unknown as number,
    ]) {
      assert.throws(() => moneyOf(amount, 'EUR'), { name: 'AppError', status: 400, code: 'invalid_amount' });
    }
    assert.throws(() => moneyOf(100, 'XYZ'), { name: 'AppError', status: 422, code: 'unknown_currency' });
  });

  it('adds, subtracts, multiplies and sums within one currency', () => {
    const price = moneyOf(1999, 'EUR');
    assert.deepEqual(addMoney(price, moneyOf(1, 'EUR')), moneyOf(2000, 'EUR'));
    assert.deepEqual(subtractMoney(price, moneyOf(2000, 'EUR')), moneyOf(-1, 'EUR'));
    assert.deepEqual(multiplyMoney(price, 3), moneyOf(5997, 'EUR'));
    assert.deepEqual(multiplyMoney(price, -1), moneyOf(-1999, 'EUR'));
    assert.deepEqual(sumMoney([price, price, moneyOf(2, 'EUR')], 'EUR'), moneyOf(4000, 'EUR'));
    assert.deepEqual(sumMoney([], 'KWD'), moneyOf(0, 'KWD'));
  });

  it('refuses to mix currencies with 422 currency_mismatch', () => {
    const mismatch = { name: 'AppError', status: 422, code: 'currency_mismatch' };
    assert.throws(() => addMoney(moneyOf(1, 'EUR'), moneyOf(1, 'USD')), mismatch);
    assert.throws(() => subtractMoney(moneyOf(1, 'EUR'), moneyOf(1, 'USD')), mismatch);
    assert.throws(() => sumMoney([moneyOf(1, 'JPY')], 'EUR'), mismatch);
  });

  it('refuses results beyond the safe integer range instead of rounding', () => {
    const outOfRange = { name: 'AppError', status: 422, code: 'amount_out_of_range' };
    assert.throws(() => addMoney(moneyOf(MAX, 'USD'), moneyOf(1, 'USD')), outOfRange);
    assert.throws(() => subtractMoney(moneyOf(-MAX, 'USD'), moneyOf(1, 'USD')), outOfRange);
    assert.throws(() => multiplyMoney(moneyOf(2 ** 27, 'USD'), 2 ** 26), outOfRange);
    assert.deepEqual(addMoney(moneyOf(MAX - 1, 'USD'), moneyOf(1, 'USD')), moneyOf(MAX, 'USD'));
  });

  it('rejects fractional factors and hand-built invalid Money', () => {
    assert.throws(() => multiplyMoney(moneyOf(100, 'EUR'), 1.5), { status: 400, code: 'invalid_factor' });
    const forged = { amount: 0.1, currency: 'EUR' };
    assert.throws(() => addMoney(forged, moneyOf(1, 'EUR')), { status: 400, code: 'invalid_amount' });
    assert.throws(() => multiplyMoney({ amount: 1, currency: 'usd' }, 2), {
      status: 422,
      code: 'unknown_currency',
    });
  });

  it('matches exact integer arithmetic whenever the result is representable', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), fc.integer(), (a, b, factor) => {
        const exactSum = BigInt(a) + BigInt(b);
        const exactProduct = BigInt(a) * BigInt(factor);
        const fits = (n: bigint) => n <= BigInt(MAX) && n >= BigInt(-MAX);
        const x = moneyOf(a, 'EUR');
        const y = moneyOf(b, 'EUR');
        if (fits(exactSum)) assert.equal(BigInt(addMoney(x, y).amount), exactSum);
        else assert.throws(() => addMoney(x, y), { code: 'amount_out_of_range' });
        if (fits(exactProduct)) assert.equal(BigInt(multiplyMoney(x, factor).amount), exactProduct);
        else assert.throws(() => multiplyMoney(x, factor), { code: 'amount_out_of_range' });
      }),
    );
  });
});
