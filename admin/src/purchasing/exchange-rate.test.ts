/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  exchangeRateInputValue,
  formatExchangeRate,
  formatWithBaseCurrency,
  parseExchangeRate,
  toBaseCurrencyAmount,
} from './exchange-rate.ts';

describe('parseExchangeRate', () => {
  it('reads a decimal point or comma, and wants more than 0', () => {
    assert.deepEqual(parseExchangeRate(' 0.92 ', 'USD', 'EUR'), { ok: true, rate: 0.92 });
    assert.deepEqual(parseExchangeRate('0,92', 'USD', 'EUR'), { ok: true, rate: 0.92 });
    assert.deepEqual(parseExchangeRate('162', 'EUR', 'JPY'), { ok: true, rate: 162 });
    assert.deepEqual(parseExchangeRate('', 'USD', 'EUR'), {
      ok: false,
      message: 'Give the rate: how many EUR 1 USD costs.',
    });
    assert.deepEqual(parseExchangeRate('0', 'USD', 'EUR'), {
      ok: false,
      message: 'The rate must be more than 0.',
    });
    assert.deepEqual(parseExchangeRate('0.000', 'USD', 'EUR').ok, false);
    for (const bad of ['-1', '1e3', 'abc', '1.2.3', '1,234.5']) {
      assert.equal(parseExchangeRate(bad, 'USD', 'EUR').ok, false, bad);
    }
  });

  it('gives a stored rate back as plain digits', () => {
    assert.equal(exchangeRateInputValue(0.92), '0.92');
    assert.equal(exchangeRateInputValue(1e-7), '0.0000001');
    assert.equal(exchangeRateInputValue(1234.5), '1234.5');
  });
});

describe('toBaseCurrencyAmount', () => {
  it('converts as receipts do: scaled for each currency’s decimals, half up', () => {
    assert.equal(toBaseCurrencyAmount(1250, 'USD', 'EUR', 0.92), 1150);
    // 1000 JPY at 0.0062 EUR per yen is 620 euro cents.
    assert.equal(toBaseCurrencyAmount(1000, 'JPY', 'EUR', 0.0062), 620);
    // 10.00 EUR at 162 JPY per euro is 1620 yen.
    assert.equal(toBaseCurrencyAmount(1000, 'EUR', 'JPY', 162), 1620);
    // 1155 × 1.1 is 1270.4999… in binary; a person says 1270.5, which rounds up.
    assert.equal(toBaseCurrencyAmount(1155, 'USD', 'EUR', 1.1), 1271);
    assert.equal(toBaseCurrencyAmount(1155, 'EUR', 'EUR', 1.1), 1155);
  });
});

describe('formatting', () => {
  it('writes the rate and a total in both currencies', () => {
    assert.equal(formatExchangeRate('USD', 'EUR', 0.92, 'en-US'), '1 USD = 0.92 EUR');
    assert.equal(
      formatWithBaseCurrency({ amount: 123400, currency: 'USD' }, 'EUR', 0.92, 'en-US'),
      '$1,234.00 ≈ €1,135.28',
    );
    assert.equal(formatWithBaseCurrency({ amount: 123400, currency: 'EUR' }, 'EUR', 1, 'en-US'), '€1,234.00');
  });
});
