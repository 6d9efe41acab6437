import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { currencyCodes, currencyExponent } from './currencies.ts';
import { formatMinorAsDecimal, formatMoney, parseMoney } from './decimal-text.ts';

const MAX = Number.MAX_SAFE_INTEGER;
const invalidAmount = { name: 'AppError', status: 400, code: 'invalid_amount' };
// ICU separates a currency code from the number with a no-break space.
const nbsp = '\u00a0';

describe('parseMoney', () => {
  it('reads plain decimal strings as minor units', () => {
    assert.deepEqual(parseMoney('19.99', 'EUR'), { amount: 1999, currency: 'EUR' });
    assert.equal(parseMoney('19', 'EUR').amount, 1900);
    assert.equal(parseMoney('19.9', 'EUR').amount, 1990);
    assert.equal(parseMoney('-0.05', 'EUR').amount, -5);
    assert.equal(parseMoney('0007.50', 'EUR').amount, 750);
    assert.equal(parseMoney('1000', 'JPY').amount, 1000);
    assert.equal(parseMoney('1.234', 'KWD').amount, 1234);
    assert.equal(parseMoney('0.1', 'KWD').amount, 100);
    assert.equal(parseMoney('1.2345', 'CLF').amount, 12345);
    assert.equal(parseMoney('90071992547409.91', 'USD').amount, MAX);
    assert.equal(parseMoney('-90071992547409.91', 'USD').amount, -MAX);
    assert.ok(Object.is(parseMoney('-0', 'EUR').amount, 0));
    assert.ok(Object.is(parseMoney('-0.00', 'EUR').amount, 0));
  });

  it('rejects anything but a plain decimal with 400 invalid_amount', () => {
    const garbage = [
      '',
      ' ',
      '19.99 ',
      ' 19.99',
      '1,234.50',
      '1.234,50',
      '19,99',
      '1.',
      '.5',
      '+1',
      '--1',
      '1e3',
    ];
    const moreGarbage = [
      'NaN',
      'Infinity',
      '-Infinity',
      '0x10',
      '1_000',
      '١٢',
      '12abc',
      '1.2.3',
      '€19.99',
      '-',
    ];
    for (const text of [...garbage, ...moreGarbage]) {
      assert.throws(() => parseMoney(text, 'EUR'), invalidAmount, JSON.stringify(text));
    }
    for (const value of [19.99, null, undefined, {}]) {
      assert.throws(() => parseMoney(value as unknown as string, 'EUR'), invalidAmount);
    }
  });

  it('rejects more fraction digits than the currency has instead of rounding', () => {
    assert.throws(() => parseMoney('19.999', 'EUR'), invalidAmount);
    assert.throws(() => parseMoney('19.990', 'EUR'), invalidAmount);
    assert.throws(() => parseMoney('5.0', 'JPY'), {
      ...invalidAmount,
      message: 'JPY amounts have no decimal places.',
    });
    assert.throws(() => parseMoney('1.2345', 'KWD'), {
      ...invalidAmount,
      message: 'KWD amounts have at most 3 decimal places.',
    });
  });

  it('rejects amounts beyond the safe integer range, however they would round', () => {
    assert.throws(() => parseMoney('9007199254740992', 'JPY'), invalidAmount);
    assert.throws(() => parseMoney('9007199254740993', 'JPY'), invalidAmount);
    assert.throws(() => parseMoney('90071992547409.92', 'USD'), invalidAmount);
    assert.throws(() => parseMoney('-90071992547409.92', 'USD'), invalidAmount);
    assert.throws(() => parseMoney('1'.repeat(400), 'EUR'), invalidAmount);
    assert.equal(parseMoney('9007199254740991', 'JPY').amount, MAX);
  });

  it('throws 422 unknown_currency before looking at the text', () => {
    assert.throws(() => parseMoney('garbage', 'eur'), { status: 422, code: 'unknown_currency' });
  });

  it('equals the exact decimal value for any plain decimal text', () => {
    const text = fc.record({
      negative: fc.boolean(),
      whole: fc.stringMatching(/^\d{1,12}$/),
      fraction: fc.stringMatching(/^\d{0,4}$/),
      currency: fc.constantFrom(...currencyCodes),
    });
    fc.assert(
      fc.property(text, ({ negative, whole, fraction, currency }) => {
        const exponent = currencyExponent(currency);
        const input = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
        if (fraction.length > exponent) {
          assert.throws(() => parseMoney(input, currency), invalidAmount);
          return;
        }
        // Twelve whole digits in a currency with four decimals (UYW) can pass 2^53 − 1 minor units.
        if (BigInt(`${whole}${'0'.repeat(exponent)}`) > BigInt(Number.MAX_SAFE_INTEGER)) {
          assert.throws(() => parseMoney(input, currency), invalidAmount);
          return;
        }
        // amount / 10^exponent === digits / 10^fraction.length, cross-multiplied to stay in integers.
        const digits = BigInt(`${whole}${fraction}`) * (negative ? -1n : 1n);
        const amount = BigInt(parseMoney(input, currency).amount);
        assert.equal(amount * 10n ** BigInt(fraction.length), digits * 10n ** BigInt(exponent));
      }),
    );
  });
});

describe('formatMinorAsDecimal', () => {
  it('writes exactly the currency digits', () => {
    assert.equal(formatMinorAsDecimal(1999, 'EUR'), '19.99');
    assert.equal(formatMinorAsDecimal(5, 'EUR'), '0.05');
    assert.equal(formatMinorAsDecimal(-5, 'EUR'), '-0.05');
    assert.equal(formatMinorAsDecimal(0, 'EUR'), '0.00');
    assert.equal(formatMinorAsDecimal(-0, 'EUR'), '0.00');
    assert.equal(formatMinorAsDecimal(1900, 'EUR'), '19.00');
    assert.equal(formatMinorAsDecimal(123456, 'JPY'), '123456');
    assert.equal(formatMinorAsDecimal(-7, 'JPY'), '-7');
    assert.equal(formatMinorAsDecimal(1234, 'KWD'), '1.234');
    assert.equal(formatMinorAsDecimal(7, 'KWD'), '0.007');
    assert.equal(formatMinorAsDecimal(12345, 'CLF'), '1.2345');
    assert.equal(formatMinorAsDecimal(MAX, 'USD'), '90071992547409.91');
    assert.equal(formatMinorAsDecimal(-MAX, 'KWD'), '-9007199254740.991');
  });

  it('rejects non-integer amounts and unknown currencies', () => {
    assert.throws(() => formatMinorAsDecimal(19.99, 'EUR'), invalidAmount);
    assert.throws(() => formatMinorAsDecimal(MAX + 1, 'EUR'), invalidAmount);
    assert.throws(() => formatMinorAsDecimal(Number.NaN, 'EUR'), invalidAmount);
    assert.throws(() => formatMinorAsDecimal(1, 'EURO'), { status: 422, code: 'unknown_currency' });
  });

  it('round-trips through parseMoney for every currency and every safe amount', () => {
    fc.assert(
      fc.property(fc.constantFrom(...currencyCodes), fc.maxSafeInteger(), (currency, amount) => {
        const text = formatMinorAsDecimal(amount, currency);
        const exponent = currencyExponent(currency);
        assert.match(text, exponent === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${exponent}}$`));
        assert.equal(parseMoney(text, currency).amount, amount);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatMoney', () => {
  it('formats for people with the ISO number of decimals', () => {
    assert.equal(formatMoney(1999, 'EUR', 'en-US'), '€19.99');
    assert.equal(formatMoney(-1999, 'USD', 'en-US'), '-$19.99');
    assert.equal(formatMoney(123456, 'EUR', 'de-DE'), `1.234,56${nbsp}€`);
    assert.equal(formatMoney(123456, 'JPY', 'en-US'), '¥123,456');
    assert.equal(formatMoney(123456, 'JPY', 'ja-JP'), '￥123,456');
    assert.equal(formatMoney(1234, 'KWD', 'en-US'), `KWD${nbsp}1.234`);
    assert.equal(formatMoney(12345, 'CLF', 'en'), `CLF${nbsp}1.2345`);
    // CLDR would show IQD without decimals; the stored amount has three.
    assert.equal(formatMoney(1500, 'IQD', 'en'), `IQD${nbsp}1.500`);
  });

  it('stays exact for the largest amounts, where float division would not', () => {
    assert.equal(formatMoney(MAX, 'USD', 'en-US'), '$90,071,992,547,409.91');
    assert.equal(formatMoney(MAX - 2, 'KWD', 'en-US'), `KWD${nbsp}9,007,199,254,740.989`);
  });

  it('rejects bad locales, amounts and currencies', () => {
    assert.throws(() => formatMoney(1, 'EUR', 'en_US'), {
      name: 'AppError',
      status: 400,
      code: 'invalid_locale',
    });
    assert.throws(() => formatMoney(1, 'EUR', ''), { status: 400, code: 'invalid_locale' });
    assert.throws(() => formatMoney(1.5, 'EUR', 'en'), invalidAmount);
    assert.throws(() => formatMoney(1, 'ZZZ', 'en'), { status: 422, code: 'unknown_currency' });
  });

  it('shows every currency with exactly its exponent of digits and the exact value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...currencyCodes), fc.maxSafeInteger(), (currency, amount) => {
        const shown = formatMoney(amount, currency, 'en-US');
        const number = /\d[\d,]*(?:\.\d+)?/.exec(shown)?.[0].replaceAll(',', '');
        assert.equal(number, formatMinorAsDecimal(Math.abs(amount), currency), shown);
        assert.equal(shown.includes('-'), amount < 0, shown);
      }),
      { numRuns: 2000 },
    );
  });
});
