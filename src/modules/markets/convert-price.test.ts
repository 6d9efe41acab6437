import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../platform/errors.ts';
import { currencyExponent } from '../../platform/money.ts';
import { convertPrice, convertToBase } from './convert-price.ts';
import { canonicalExchangeRate } from './exchange-rate-text.ts';
import { ninetyNineEnding } from './rounding.ts';
import { type RoundingRule, roundingRules } from './schema.ts';
import { type MarketPriceRule, priceVariant } from './variant-price.ts';

// Worked examples, also in docs/markets.md. [base amount, base, quote, rate, rule, expected minor units]
const examples: [number, string, string, string, RoundingRule, number][] = [
  // EUR → USD at 1.0856: 19.99 € is 21.701144 $ exactly.
  [1999, 'EUR', 'USD', '1.0856', 'none', 2170],
  [1999, 'EUR', 'USD', '1.0856', 'whole', 2200],
  [1999, 'EUR', 'USD', '1.0856', 'ninety_nine', 2199],
  [1999, 'EUR', 'USD', '1.0856', 'nearest_5', 2000],
  [1999, 'EUR', 'USD', '1.0856', 'nearest_10', 2000],
  [10000, 'EUR', 'USD', '1.0856', 'none', 10856],
  [10000, 'EUR', 'USD', '1.0856', 'whole', 10900],
  [10000, 'EUR', 'USD', '1.0856', 'ninety_nine', 10899],
  [10000, 'EUR', 'USD', '1.0856', 'nearest_5', 11000],
  // EUR → JPY at 162.37: 19.99 € is ¥3,245.7763; 4.50 € is ¥730.665.
  [1999, 'EUR', 'JPY', '162.37', 'none', 3246],
  [1999, 'EUR', 'JPY', '162.37', 'whole', 3246],
  [1999, 'EUR', 'JPY', '162.37', 'ninety_nine', 3300],
  [1999, 'EUR', 'JPY', '162.37', 'nearest_5', 3245],
  [1999, 'EUR', 'JPY', '162.37', 'nearest_10', 3250],
  [450, 'EUR', 'JPY', '162.37', 'none', 731],
  [450, 'EUR', 'JPY', '162.37', 'ninety_nine', 740],
  // EUR → KWD at 0.3315: 19.99 € is KWD 6.626685.
  [1999, 'EUR', 'KWD', '0.3315', 'none', 6627],
  [1999, 'EUR', 'KWD', '0.3315', 'whole', 7000],
  [1999, 'EUR', 'KWD', '0.3315', 'ninety_nine', 6990],
  [1999, 'EUR', 'KWD', '0.3315', 'nearest_5', 5000],
  [1999, 'EUR', 'KWD', '0.3315', 'nearest_10', 10000],
  // USD → EUR at 0.9211: 24.99 $ is 23.018289 €; 9.00 $ is 8.2899 €.
  [2499, 'USD', 'EUR', '0.9211', 'none', 2302],
  [2499, 'USD', 'EUR', '0.9211', 'ninety_nine', 2399],
  [2499, 'USD', 'EUR', '0.9211', 'whole', 2400],
  [900, 'USD', 'EUR', '0.9211', 'none', 829],
  [900, 'USD', 'EUR', '0.9211', 'ninety_nine', 899],
  [1000, 'USD', 'EUR', '0.99', 'whole', 1000],
  [1000, 'USD', 'EUR', '0.99', 'ninety_nine', 999],
  // A price already on the ending stays; a round one goes up to the next ending.
  [1299, 'USD', 'CAD', '1', 'ninety_nine', 1299],
  [1300, 'USD', 'CAD', '1', 'ninety_nine', 1399],
  [2000, 'USD', 'CAD', '1', 'whole', 2000],
  // JPY as the base: ¥3,000 at 0.006159 is 18.477 €.
  [3000, 'JPY', 'EUR', '0.006159', 'none', 1848],
  // Half a minor unit rounds up.
  [1, 'EUR', 'USD', '0.5', 'none', 1],
  [1, 'EUR', 'USD', '0.4999', 'none', 0],
  // Free stays free under every rule.
  [0, 'EUR', 'USD', '1.0856', 'ninety_nine', 0],
  [0, 'EUR', 'JPY', '162.37', 'nearest_10', 0],
  // A small positive price never rounds to free.
  [100, 'EUR', 'USD', '1.0856', 'nearest_10', 1000],
];

describe('convertPrice: worked examples', () => {
  for (const [amount, base, quote, rate, rule, expected] of examples) {
    test(`${amount} ${base} → ${quote} at ${rate}, ${rule} = ${expected}`, () => {
      assert.equal(convertPrice(amount, base, quote, rate, rule), expected);
    });
  }

  test('no float error: 0.1 + 0.2 style amounts stay exact', () => {
    // 0.29 € × 1.1 = 0.319 $, × 3 = 0.957 $; floats give 0.31900000000000006 and 0.9570000000000001.
    assert.equal(convertPrice(29, 'EUR', 'USD', '1.1', 'none'), 32);
    assert.equal(convertPrice(87, 'EUR', 'USD', '1.1', 'none'), 96);
    // 1.005 £ → the half is exact in decimal, so it rounds up (floats make it 1.00).
    assert.equal(convertPrice(1005, 'JPY', 'GBP', '0.001', 'none'), 101);
  });

  test('bad input: negative or fractional amounts, bad rates, unknown currencies, overflow', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        assert.ok(err instanceof AppError);
        return `${err.status} ${err.code}`;
      }
      return 'no error';
    };
    assert.equal(
      codeOf(() => convertPrice(-1, 'EUR', 'USD', '1.1', 'none')),
      '400 invalid_amount',
    );
    assert.equal(
      codeOf(() => convertPrice(1.5, 'EUR', 'USD', '1.1', 'none')),
      '400 invalid_amount',
    );
    for (const rate of ['0', '0.000', '-1', '1e3', '1,5', '', '.5', '1.', '1234567890123']) {
      assert.equal(
        codeOf(() => convertPrice(100, 'EUR', 'USD', rate, 'none')),
        '400 invalid_exchange_rate',
        rate,
      );
    }
    assert.equal(
      codeOf(() => convertPrice(100, 'EUR', 'XYZ', '1', 'none')),
      '422 unknown_currency',
    );
    assert.equal(
      codeOf(() => convertPrice(Number.MAX_SAFE_INTEGER, 'JPY', 'KWD', '999999999999', 'none')),
      '422 amount_out_of_range',
    );
  });
});

const currencies = ['EUR', 'USD', 'GBP', 'JPY', 'KRW', 'KWD', 'BHD', 'CLF'];
const rateArbitrary = fc
  .record({ digits: fc.bigInt({ min: 1n, max: 10n ** 12n - 1n }), scale: fc.integer({ min: 0, max: 12 }) })
  .map(({ digits, scale }) => {
    const text = digits.toString().padStart(scale + 1, '0');
    return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  })
  .filter((text) => text.split('.')[0]!.length <= 12);
const pair = fc
  .tuple(fc.constantFrom(...currencies), fc.constantFrom(...currencies))
  .filter(([a, b]) => a !== b);
const rule = fc.constantFrom(...roundingRules);
const amount = fc.integer({ min: 0, max: 100_000_000 });
const modestRate = rateArbitrary.filter((r) => Number(r) < 1_000_000);

/** Skips cases whose converted price would not fit below 2^53 (those are a 422, tested above). */
function assumeFits(amount: number, base: string, quote: string, rate: string): void {
  const exact = amount * Number(rate) * 10 ** (currencyExponent(quote) - currencyExponent(base));
  fc.pre(exact < 1e14);
}

describe('convertPrice: properties', () => {
  test('monotonic: a higher base price never converts to a lower price', () => {
    fc.assert(
      fc.property(pair, modestRate, rule, amount, amount, ([base, quote], rate, r, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assumeFits(high, base, quote, rate);
        assert.ok(convertPrice(low, base, quote, rate, r) <= convertPrice(high, base, quote, rate, r));
      }),
      { numRuns: 2000 },
    );
  });

  test('every rule gives whole, non-negative minor units on its grid; zero stays zero', () => {
    fc.assert(
      fc.property(pair, modestRate, rule, amount, ([base, quote], rate, r, a) => {
        assumeFits(a, base, quote, rate);
        const price = convertPrice(a, base, quote, rate, r);
        assert.ok(Number.isSafeInteger(price) && price >= 0);
        if (a === 0) assert.equal(price, 0);
        if (price === 0) return;
        const exponent = currencyExponent(quote);
        const unit = 10 ** exponent;
        if (r === 'whole') assert.equal(price % unit, 0);
        if (r === 'nearest_5') assert.equal(price % (5 * unit), 0);
        if (r === 'nearest_10') assert.equal(price % (10 * unit), 0);
        if (r === 'ninety_nine') {
          const { modulus, remainder } = ninetyNineEnding(exponent);
          if (exponent === 0) assert.equal(price % (price > 1000 ? 100 : 10), 0, `${price}`);
          else assert.equal(BigInt(price) % modulus, remainder, `${price}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("'ninety_nine' ends in 99 for two-digit currencies, 990 for three, 0/00 without minor units", () => {
    fc.assert(
      fc.property(modestRate, fc.integer({ min: 1, max: 100_000_000 }), (rate, a) => {
        assumeFits(a, 'EUR', 'KWD', rate);
        // Only a price that converts to nothing stays zero; every other one takes the ending.
        const dollars = convertPrice(a, 'EUR', 'USD', rate, 'ninety_nine');
        if (convertPrice(a, 'EUR', 'USD', rate, 'none') > 0) assert.equal(dollars % 100, 99);
        const dinars = convertPrice(a, 'EUR', 'KWD', rate, 'ninety_nine');
        if (convertPrice(a, 'EUR', 'KWD', rate, 'none') > 0) assert.equal(dinars % 1000, 990);
        const yen = convertPrice(a, 'EUR', 'JPY', rate, 'ninety_nine');
        if (yen > 0) assert.equal(yen % (yen > 1000 ? 100 : 10), 0);
      }),
    );
  });

  test('rounding up never goes below the plain conversion, nor a whole step above it', () => {
    fc.assert(
      fc.property(pair, modestRate, amount, ([base, quote], rate, a) => {
        assumeFits(a, base, quote, rate);
        const plain = convertPrice(a, base, quote, rate, 'none');
        const exponent = currencyExponent(quote);
        const unit = 10 ** exponent;
        const whole = convertPrice(a, base, quote, rate, 'whole');
        assert.ok(whole >= plain && whole - plain < unit);
        const charm = convertPrice(a, base, quote, rate, 'ninety_nine');
        const step = exponent === 0 ? (plain >= 1000 ? 100 : 10) : unit;
        assert.ok(charm >= plain && charm - plain < step, `${plain} → ${charm}`);
      }),
    );
  });

  test('the plain conversion is within half a minor unit of the exact value', () => {
    fc.assert(
      fc.property(amount, modestRate, (a, rate) => {
        // EUR → USD share an exponent: exact value = a × rate, compared in scaled integers.
        const price = convertPrice(a, 'EUR', 'USD', rate, 'none');
        const scale = rate.includes('.') ? rate.split('.')[1]!.length : 0;
        const exact = BigInt(a) * BigInt(rate.replace('.', ''));
        const distance = BigInt(price) * 10n ** BigInt(scale) - exact;
        const half = 10n ** BigInt(scale) / 2n;
        assert.ok(distance <= half && -distance <= half, `${a} × ${rate} → ${price}`);
      }),
    );
  });

  test('the way a rate is written does not matter ("1.5" = "1.50" = "01.500")', () => {
    fc.assert(
      fc.property(amount, rule, fc.integer({ min: 1, max: 99_999 }), (a, r, n) => {
        const rate = `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
        const padded = `0${rate}000`;
        assert.equal(canonicalExchangeRate(padded), canonicalExchangeRate(rate));
        assert.equal(convertPrice(a, 'EUR', 'USD', padded, r), convertPrice(a, 'EUR', 'USD', rate, r));
      }),
    );
  });
});

describe('priceVariant: compare-at prices', () => {
  const rule = (over: Partial<MarketPriceRule> = {}): MarketPriceRule => ({
    baseCurrency: 'EUR',
    currency: 'USD',
    mode: 'converted',
    rounding: 'whole',
    convertCompareAt: true,
    rate: '1.0856',
    ...over,
  });

  test('converted with the same rule, and dropped when rounding makes it meet the price', () => {
    const kept = priceVariant('v1', { amount: 1999, compareAtAmount: 2050 }, undefined, rule());
    assert.deepEqual(kept, {
      variantId: 'v1',
      amount: 2200,
      compareAtAmount: 2300,
      currency: 'USD',
      source: 'converted',
      rate: '1.0856',
    });
    // 20.10 € → 21.82 $ → 22; 20.20 € → 21.93 $ → 22: no longer a saving, so not shown.
    const met = priceVariant('v2', { amount: 2010, compareAtAmount: 2020 }, undefined, rule());
    assert.equal(met.amount, 2200);
    assert.equal(met.compareAtAmount, null);
    const off = priceVariant(
      'v3',
      { amount: 1999, compareAtAmount: 2050 },
      undefined,
      rule({ convertCompareAt: false }),
    );
    assert.equal(off.compareAtAmount, null);
  });

  test('explicit prices win in explicit mode; the base currency keeps base prices; no rate is a 422', () => {
    const explicit = { amount: 2500, compareAtAmount: 3000 };
    const base = { amount: 1999, compareAtAmount: null };
    assert.deepEqual(priceVariant('v', base, explicit, rule({ mode: 'explicit' })), {
      variantId: 'v',
      amount: 2500,
      compareAtAmount: 3000,
      currency: 'USD',
      source: 'explicit',
      rate: null,
    });
    assert.equal(priceVariant('v', base, explicit, rule()).source, 'converted');
    assert.equal(priceVariant('v', base, undefined, rule({ mode: 'explicit' })).source, 'converted');
    const same = priceVariant(
      'v',
      { amount: 1999, compareAtAmount: 2499 },
      undefined,
      rule({ currency: 'EUR', rate: null }),
    );
    assert.deepEqual([same.amount, same.compareAtAmount, same.source], [1999, 2499, 'base']);
    assert.throws(
      () => priceVariant('v', base, undefined, rule({ rate: null })),
      (err: unknown) => err instanceof AppError && err.code === 'exchange_rate_missing' && err.status === 422,
    );
  });

  test('property: a compare-at price is either above the price or absent', () => {
    fc.assert(
      fc.property(
        modestRate,
        amount,
        amount,
        fc.constantFrom(...roundingRules),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        (rate, a, extra, rounding, currency) => {
          assumeFits(a + extra, 'EUR', currency, rate);
          const base = { amount: a, compareAtAmount: a + extra };
          const price = priceVariant('v', base, undefined, rule({ rate, rounding, currency }));
          assert.ok(price.compareAtAmount === null || price.compareAtAmount > price.amount);
        },
      ),
    );
  });
});

describe('convertToBase: sales in other currencies back in the store currency', () => {
  test('worked examples, rounded half away from zero', () => {
    // 21.70 USD at 1.0856 USD per EUR is 19.98894… EUR → 19.99.
    assert.equal(convertToBase(2170, 'USD', 'EUR', '1.0856'), 1999);
    // 1,000 JPY at 162.5 JPY per EUR is 6.1538… EUR → 6.15.
    assert.equal(convertToBase(1000, 'JPY', 'EUR', '162.5'), 615);
    // 10.000 KWD (3 decimals) at 0.333 KWD per EUR is 30.03 EUR.
    assert.equal(convertToBase(10_000, 'KWD', 'EUR', '0.333'), 3003);
    // A refund of 21.70 USD is −19.99 EUR, the same size as the sale.
    assert.equal(convertToBase(-2170, 'USD', 'EUR', '1.0856'), -1999);
    // Exactly half a cent rounds away from zero: 0.05 GBP at 2 is 0.025 EUR → 0.03.
    assert.equal(convertToBase(5, 'GBP', 'EUR', '2'), 3);
  });

  test('a round trip through convertPrice and back comes home within one minor unit', () => {
    for (const [amount, rate] of [
      [1999, '1.0856'],
      [1, '0.8571'],
      [123456789, '155.23'],
    ] as const) {
      const there = convertPrice(amount, 'EUR', 'USD', rate, 'none');
      assert.ok(Math.abs(convertToBase(there, 'USD', 'EUR', rate) - amount) <= 1, `${amount} at ${rate}`);
    }
  });
});
