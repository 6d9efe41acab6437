import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currencyCodes, currencyExponent, isCurrencyCode } from './currencies.ts';

describe('ISO 4217 currency table', () => {
  it('knows the common exponents', () => {
    assert.equal(currencyExponent('EUR'), 2);
    assert.equal(currencyExponent('USD'), 2);
    assert.equal(currencyExponent('JPY'), 0);
    assert.equal(currencyExponent('KWD'), 3);
    assert.equal(currencyExponent('CLF'), 4);
    assert.equal(currencyExponent('UYW'), 4);
  });

  it('lists exactly the ISO zero-, three- and four-digit currencies', () => {
    const withExponent = (exponent: number) => currencyCodes.filter((c) => currencyExponent(c) === exponent);
    assert.deepEqual(
      withExponent(0),
      ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV']
        .concat(['XAF', 'XOF', 'XPF'])
        .sort(),
    );
    assert.deepEqual(withExponent(3), ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
    assert.deepEqual(withExponent(4), ['CLF', 'UYW']);
    assert.deepEqual(
      currencyCodes.filter((c) => ![0, 2, 3, 4].includes(currencyExponent(c))),
      [],
    );
  });

  it('covers the current codes, fund codes and recent replacements', () => {
    const expected = [
      'GBP',
      'CHF',
      'CNY',
      'INR',
      'BRL',
      'ZAR',
      'HUF',
      'IDR',
      'MGA',
      'MRU',
      'STN',
      'VES',
      'VED',
    ];
    const funds = ['BOV', 'CHE', 'CHW', 'COU', 'MXV', 'USN', 'UYI'];
    const replacements = ['XCG', 'SLE', 'ZWG'];
    for (const code of [...expected, ...funds, ...replacements]) assert.ok(isCurrencyCode(code), code);
    assert.ok(currencyCodes.length >= 165, `only ${currencyCodes.length} codes`);
  });

  it('holds no duplicates and only well-formed codes, sorted', () => {
    assert.equal(new Set(currencyCodes).size, currencyCodes.length);
    for (const code of currencyCodes) assert.match(code, /^[A-Z]{3}$/);
    assert.deepEqual([...currencyCodes].sort(), currencyCodes);
  });

  it('rejects codes without a minor unit, withdrawn codes, wrong case and non-strings', () => {
    for (const code of ['XAU', 'XAG', 'XDR', 'XSU', 'XUA', 'XTS', 'XXX', 'DEM', 'FRF', 'HRK', 'VEF']) {
      assert.equal(isCurrencyCode(code), false, code);
    }
    for (const value of ['eur', 'Eur', ' EUR', 'EURO', '', 'toString', '__proto__', 978, null, undefined]) {
      assert.equal(isCurrencyCode(value), false, String(value));
    }
  });

  it('throws 422 unknown_currency for an unknown code', () => {
    for (const code of ['ABC', 'eur', 'constructor', '']) {
      assert.throws(() => currencyExponent(code), {
        name: 'AppError',
        status: 422,
        code: 'unknown_currency',
      });
    }
  });
});
