/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currencyFractionDigits,
  formatMinorAsDecimal,
  formatMoney,
  parseDecimalToMinor,
} from './minor-units.ts';

describe('currencyFractionDigits', () => {
  it('follows ISO 4217 exponents', () => {
    assert.equal(currencyFractionDigits('EUR'), 2);
    assert.equal(currencyFractionDigits('JPY'), 0);
    assert.equal(currencyFractionDigits('KWD'), 3);
  });
});

describe('parseDecimalToMinor', () => {
  it('converts decimals exactly, including values floats get wrong', () => {
    assert.deepEqual(parseDecimalToMinor('12.50', 2), { ok: true, amount: 1250 });
    assert.deepEqual(parseDecimalToMinor('19.99', 2), { ok: true, amount: 1999 });
    // 1.005 * 100 is 100.49999999999999 in floating point; 4.35 * 100 is 434.99999999999994.
    assert.deepEqual(parseDecimalToMinor('4.35', 2), { ok: true, amount: 435 });
    assert.deepEqual(parseDecimalToMinor('1.005', 3), { ok: true, amount: 1005 });
    assert.deepEqual(parseDecimalToMinor('12.5', 2), { ok: true, amount: 1250 });
    assert.deepEqual(parseDecimalToMinor('12.', 2), { ok: true, amount: 1200 });
    assert.deepEqual(parseDecimalToMinor(' 1,234.56 ', 2), { ok: true, amount: 123456 });
    assert.deepEqual(parseDecimalToMinor('1200', 0), { ok: true, amount: 1200 });
    assert.deepEqual(parseDecimalToMinor('0', 2), { ok: true, amount: 0 });
  });

  it('refuses what is not a price in that currency', () => {
    assert.equal(parseDecimalToMinor('', 2).ok, false);
    assert.equal(parseDecimalToMinor('abc', 2).ok, false);
    assert.equal(parseDecimalToMinor('-3', 2).ok, false);
    assert.equal(parseDecimalToMinor('1.234', 2).ok, false);
    assert.equal(parseDecimalToMinor('12.5', 0).ok, false);
    assert.equal(parseDecimalToMinor('1,23', 2).ok, false);
    assert.equal(parseDecimalToMinor('1e3', 2).ok, false);
    assert.equal(parseDecimalToMinor('99999999999999999', 2).ok, false);
  });

  it('round-trips with formatMinorAsDecimal for every amount it produces', () => {
    for (const digits of [0, 2, 3]) {
      for (const amount of [0, 1, 9, 10, 99, 100, 1250, 123456789, Number.MAX_SAFE_INTEGER]) {
        const text = formatMinorAsDecimal(amount, digits);
        assert.deepEqual(parseDecimalToMinor(text, digits), { ok: true, amount });
      }
    }
  });
});

describe('formatMinorAsDecimal', () => {
  it('pads small amounts', () => {
    assert.equal(formatMinorAsDecimal(5, 2), '0.05');
    assert.equal(formatMinorAsDecimal(1250, 2), '12.50');
    assert.equal(formatMinorAsDecimal(7, 3), '0.007');
    assert.equal(formatMinorAsDecimal(1200, 0), '1200');
  });
});

describe('formatMoney', () => {
  it('formats in the product currency', () => {
    assert.equal(formatMoney(1250, 'USD', 'en-US'), '$12.50');
    assert.equal(formatMoney(1200, 'JPY', 'en-US'), '¥1,200');
    assert.equal(formatMoney(1005, 'KWD', 'en-US'), 'KWD\u00a01.005');
  });
});
