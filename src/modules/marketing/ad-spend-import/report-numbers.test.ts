import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decimalMarkOf, plainDecimal, readAmount, readCount, readDecimalCount } from './report-numbers.ts';

describe('decimalMarkOf', () => {
  it('decides from the first cell that shows the mark', () => {
    assert.equal(decimalMarkOf(['1,234', '1,234.56'], ','), '.');
    assert.equal(decimalMarkOf(['1.234', '1.234,56'], ','), ',');
    assert.equal(decimalMarkOf(['12', '0,42'], ','), ',');
    assert.equal(decimalMarkOf(['12.5'], ';'), '.');
  });

  it('falls back on the delimiter when no cell shows it', () => {
    assert.equal(decimalMarkOf(['1,234', '5'], ','), '.');
    assert.equal(decimalMarkOf(['1.234', '5'], ';'), ',');
    assert.equal(decimalMarkOf([], '\t'), '.');
  });
});

describe('plainDecimal', () => {
  it('reads the notations reports use', () => {
    assert.equal(plainDecimal('1,234.56', '.'), '1234.56');
    assert.equal(plainDecimal('1.234,56', ','), '1234.56');
    assert.equal(plainDecimal('1 234,56', ','), '1234.56');
    assert.equal(plainDecimal('1\u202f234,56 €', ','), '1234.56');
    assert.equal(plainDecimal("1'234.56", '.'), '1234.56');
    assert.equal(plainDecimal('$12.00', '.'), '12.00');
    assert.equal(plainDecimal('.5', '.'), '0.5');
    assert.equal(plainDecimal('-3.10', '.'), '-3.10');
    assert.equal(plainDecimal('\u22123.10', '.'), '-3.10');
    assert.equal(plainDecimal('-0.00', '.'), '0.00');
  });

  it('reads "--" and empty cells as zero', () => {
    for (const cell of ['--', '', '  ', '-', 'n/a']) assert.equal(plainDecimal(cell, '.'), '0');
  });

  it('rejects misplaced grouping, two decimal marks and text', () => {
    for (const cell of ['1,23,456.00', '1,2345', '12.34.56', '1.234,56', '12a', 'abc', '1.', ',5,']) {
      assert.equal(plainDecimal(cell, '.'), null, cell);
    }
    assert.equal(plainDecimal('1,234.56', ','), null);
  });
});

describe('readAmount', () => {
  it('gives exact minor units for the currency’s exponent', () => {
    assert.deepEqual(readAmount('1,234.56', 'EUR', '.'), { amount: 123_456, currency: 'EUR' });
    assert.deepEqual(readAmount('0.1', 'EUR', '.'), { amount: 10, currency: 'EUR' });
    assert.deepEqual(readAmount('312,480', 'JPY', '.'), { amount: 312_480, currency: 'JPY' });
    assert.deepEqual(readAmount('25.00', 'JPY', '.'), { amount: 25, currency: 'JPY' });
    assert.deepEqual(readAmount('1,5', 'KWD', ','), { amount: 1_500, currency: 'KWD' });
    assert.deepEqual(readAmount('--', 'USD', '.'), { amount: 0, currency: 'USD' });
  });

  it('never rounds away a digit the currency cannot hold', () => {
    assert.equal(readAmount('12.345', 'EUR', '.'), null);
    assert.equal(readAmount('25.5', 'JPY', '.'), null);
    assert.deepEqual(readAmount('12.3400', 'EUR', '.'), { amount: 1_234, currency: 'EUR' });
  });

  it('is exact where a float would not be', () => {
    // 0.29 × 100 is 28.999999999999996 in floating point.
    assert.deepEqual(readAmount('0.29', 'EUR', '.'), { amount: 29, currency: 'EUR' });
    assert.deepEqual(readAmount('90,071,992,547,409.91', 'USD', '.'), {
      amount: 9_007_199_254_740_991,
      currency: 'USD',
    });
    assert.equal(readAmount('90,071,992,547,409.92', 'USD', '.'), null);
  });

  it('agrees with integer arithmetic for any amount written with grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        const whole = Math.floor(cents / 100).toLocaleString('en-US');
        const text = `${whole}.${String(cents % 100).padStart(2, '0')}`;
        assert.equal(readAmount(text, 'EUR', '.')?.amount, cents);
        assert.equal(readAmount(text.replaceAll(',', ' ').replace('.', ','), 'EUR', ',')?.amount, cents);
      }),
    );
  });
});

describe('counts', () => {
  it('reads whole counts with grouping and refuses fractions and negatives', () => {
    assert.equal(readCount('1,120,455', '.'), 1_120_455);
    assert.equal(readCount('48.210', ','), 48_210);
    assert.equal(readCount('12.0', '.'), 12);
    assert.equal(readCount('--', '.'), 0);
    assert.equal(readCount('4.5', '.'), null);
    assert.equal(readCount('-3', '.'), null);
  });

  it('reads fractional conversions', () => {
    assert.equal(readDecimalCount('41.33', '.'), 41.33);
    assert.equal(readDecimalCount('1.402,5', ','), 1402.5);
    assert.equal(readDecimalCount('-1', '.'), null);
  });
});
