import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { type ComputeTaxInput, computeTax } from './compute-tax.ts';
import { california, france, germany, rate } from './testing/rate-fixtures.ts';

const line = (lineId: string, amount: number, taxClass?: string, quantity = 1) => ({
  lineId,
  amount,
  quantity,
  ...(taxClass ? { taxClass } : {}),
});

/** [net, tax, gross] of each line, then of the totals: the figures an invoice shows. */
const figures = (result: ReturnType<typeof computeTax>) => ({
  lines: result.lines.map((l) => [l.net, l.tax, l.gross]),
  totals: [result.totals.net, result.totals.tax, result.totals.gross],
});
const byRate = (result: ReturnType<typeof computeTax>) =>
  result.totals.byRate.map((r) => [r.name, r.net, r.amount]);

const inGermany = (input: Partial<ComputeTaxInput>): ComputeTaxInput => ({
  currency: 'EUR',
  pricesIncludeTax: true,
  lines: [],
  rates: { byClass: germany },
  ...input,
});

describe('EU-style: prices include VAT', () => {
  test('Germany 19 %: a €119.00 line is €100.00 net + €19.00 VAT', () => {
    const result = computeTax(inGermany({ lines: [line('a', 11900)] }));
    assert.deepEqual(figures(result), { lines: [[10000, 1900, 11900]], totals: [10000, 1900, 11900] });
    assert.deepEqual(result.lines[0]!.taxes, [
      { rateId: 'de-19', name: 'VAT 19 %', ratePpm: 190000, compound: false, priority: 0, amount: 1900 },
    ]);
  });

  test('three €9.99 lines: per line 8.39 + 1.60 each (VAT 4.80); per total VAT 4.79 spread 1.60, 1.60, 1.59', () => {
    const lines = [line('a', 999), line('b', 999), line('c', 999)];
    const perLine = computeTax(inGermany({ lines }));
    assert.deepEqual(figures(perLine), {
      lines: [
        [839, 160, 999],
        [839, 160, 999],
        [839, 160, 999],
      ],
      totals: [2517, 480, 2997],
    });
    // 29.97 / 1.19 = 25.1849… → 25.18 net, 4.79 VAT, rounded once; the lines still sum to it.
    const perTotal = computeTax(inGermany({ lines, rounding: 'per_total' }));
    assert.deepEqual(figures(perTotal), {
      lines: [
        [839, 160, 999],
        [839, 160, 999],
        [840, 159, 999],
      ],
      totals: [2518, 479, 2997],
    });
    assert.equal(perTotal.rounding, 'per_total');
  });

  test('reduced 7 % on books beside a 19 % item: VAT shown per rate', () => {
    // €10.00 / 1.07 = 9.3457… → 9.35 net, 0.65 VAT.
    const result = computeTax(inGermany({ lines: [line('shirt', 11900), line('book', 1000, 'reduced')] }));
    assert.deepEqual(figures(result), {
      lines: [
        [10000, 1900, 11900],
        [935, 65, 1000],
      ],
      totals: [10935, 1965, 12900],
    });
    assert.deepEqual(byRate(result), [
      ['VAT 19 %', 10000, 1900],
      ['VAT 7 %', 935, 65],
    ]);
  });

  test('France 20 % and 5.5 %: €24.00 → 20.00 + 4.00; a €15.99 book → 15.16 + 0.83', () => {
    const result = computeTax({
      currency: 'EUR',
      pricesIncludeTax: true,
      lines: [line('lamp', 2400), line('book', 1599, 'reduced')],
      rates: { byClass: france },
    });
    assert.deepEqual(figures(result), {
      lines: [
        [2000, 400, 2400],
        [1516, 83, 1599],
      ],
      totals: [3516, 483, 3999],
    });
    assert.deepEqual(byRate(result), [
      ['TVA 20 %', 2000, 400],
      ['TVA 5,5 %', 1516, 83],
    ]);
  });

  test('a zero-rated class: no VAT, the 0 % rate still listed with its net', () => {
    const result = computeTax(inGermany({ lines: [line('a', 11900), line('gift-card', 2500, 'zero')] }));
    assert.deepEqual(figures(result).lines, [
      [10000, 1900, 11900],
      [2500, 0, 2500],
    ]);
    assert.deepEqual(byRate(result), [
      ['VAT 0 %', 2500, 0],
      ['VAT 19 %', 10000, 1900],
    ]);
  });
});

describe('US-style: prices exclude sales tax', () => {
  const inCalifornia = (input: Partial<ComputeTaxInput>): ComputeTaxInput => ({
    currency: 'USD',
    pricesIncludeTax: false,
    lines: [],
    rates: { byClass: california },
    ...input,
  });

  test('California 7.25 % state + 1 % county: one rounding at 8.25 % per line, split over the two rates', () => {
    // 49.99 × 8.25 % = 4.124… → 4.12 (state 3.62, county 0.50); 39.98 × 8.25 % = 3.298… → 3.30.
    const result = computeTax(
      inCalifornia({ lines: [line('boots', 4999), line('socks', 3998, undefined, 2)] }),
    );
    assert.deepEqual(figures(result), {
      lines: [
        [4999, 412, 5411],
        [3998, 330, 4328],
      ],
      totals: [8997, 742, 9739],
    });
    assert.deepEqual(
      result.lines.map((l) => l.taxes.map((t) => [t.name, t.amount])),
      [
        [
          ['CA State Tax', 362],
          ['Example County Tax', 50],
        ],
        [
          ['CA State Tax', 290],
          ['Example County Tax', 40],
        ],
      ],
    );
    assert.deepEqual(byRate(result), [
      ['CA State Tax', 8997, 652],
      ['Example County Tax', 8997, 90],
    ]);
    assert.equal(result.lines[1]!.quantity, 2);
  });

  test('an exempt class with no rates: no tax and no rate lines', () => {
    const result = computeTax(inCalifornia({ lines: [line('bread', 599, 'zero')] }));
    assert.deepEqual(figures(result), { lines: [[599, 0, 599]], totals: [599, 0, 599] });
    assert.deepEqual(result.lines[0]!.taxes, []);
    assert.deepEqual(result.totals.byRate, []);
  });

  test('a compound rate is charged on the net plus the lower-priority tax (5 % + 9.5 % on 105 %)', () => {
    const result = computeTax({
      currency: 'CAD',
      pricesIncludeTax: false,
      lines: [line('a', 10000)],
      rates: {
        byClass: {
          standard: [
            rate('qst', 'QST 9.5 %', '9.5', { compound: true, priority: 1 }),
            rate('gst', 'GST 5 %', '5'),
          ],
        },
      },
    });
    // 100.00 × (5 % + 9.5 % × 1.05) = 14.975 → 14.98: GST 5.00, QST 9.98.
    assert.deepEqual(
      result.lines[0]!.taxes.map((t) => [t.name, t.amount]),
      [
        ['GST 5 %', 500],
        ['QST 9.5 %', 998],
      ],
    );
    assert.equal(result.totals.tax, 1498);
  });
});

describe('shipping', () => {
  // €119.00 at 19 %, a €10.70 book at 7 %, €5.90 shipping; prices include VAT.
  const cart = (taxation: 'by_highest_rate' | 'proportional' | 'not_taxed' | 'class', taxClass?: string) =>
    computeTax(
      inGermany({
        lines: [line('shirt', 11900), line('book', 1070, 'reduced')],
        shipping: { amount: 590, taxation, ...(taxClass ? { taxClass } : {}) },
      }),
    );

  test('by the highest rate in the cart: all €5.90 at 19 % → 4.96 + 0.94', () => {
    const { shipping, totals } = cart('by_highest_rate');
    assert.deepEqual([shipping!.net, shipping!.tax, shipping!.gross], [496, 94, 590]);
    assert.deepEqual(shipping!.parts, [{ taxClass: 'standard', amount: 590, tax: 94 }]);
    assert.deepEqual(
      shipping!.taxes.map((t) => [t.name, t.amount]),
      [['VAT 19 %', 94]],
    );
    assert.deepEqual([totals.net, totals.tax, totals.gross], [10000 + 1000 + 496, 1900 + 70 + 94, 13560]);
  });

  test('proportionally: €5.41 as the 19 % item and €0.49 as the book (by the lines’ amounts)', () => {
    // 5.90 × 119.00 / 129.70 = 5.413… and 5.90 × 10.70 / 129.70 = 0.486… → 5.41 + 0.49.
    const { shipping, totals } = cart('proportional');
    assert.deepEqual(shipping!.parts, [
      { taxClass: 'standard', amount: 541, tax: 86 },
      { taxClass: 'reduced', amount: 49, tax: 3 },
    ]);
    assert.deepEqual([shipping!.net, shipping!.tax, shipping!.gross], [501, 89, 590]);
    assert.deepEqual(
      totals.byRate.map((r) => [r.name, r.net, r.amount]),
      [
        ['VAT 19 %', 10000 + 455, 1900 + 86],
        ['VAT 7 %', 1000 + 46, 70 + 3],
      ],
    );
  });

  test('not taxed: shipping is net and gross alike; as a class: taxed as that class', () => {
    const untaxed = cart('not_taxed').shipping!;
    assert.deepEqual([untaxed.net, untaxed.tax, untaxed.gross, untaxed.parts], [590, 0, 590, []]);
    const asReduced = cart('class', 'reduced').shipping!;
    // 5.90 / 1.07 = 5.514… → 5.51 + 0.39.
    assert.deepEqual([asReduced.net, asReduced.tax, asReduced.gross], [551, 39, 590]);
  });

  test('a cart without lines taxes shipping as the standard class', () => {
    const result = computeTax(inGermany({ shipping: { amount: 595, taxation: 'proportional' } }));
    assert.deepEqual([result.shipping!.net, result.shipping!.tax], [500, 95]);
    assert.deepEqual([result.totals.net, result.totals.tax, result.totals.gross], [500, 95, 595]);
  });

  test('per-total rounding groups shipping with the lines taxed alike', () => {
    const result = computeTax(
      inGermany({
        lines: [line('a', 999), line('b', 999)],
        shipping: { amount: 999, taxation: 'by_highest_rate' },
        rounding: 'per_total',
      }),
    );
    assert.deepEqual([result.totals.net, result.totals.tax], [2518, 479]);
    assert.equal(result.lines[0]!.tax + result.lines[1]!.tax + result.shipping!.tax, 479);
  });
});

describe('rounding is half-up', () => {
  test('exclusive: 1.50 × 19 % = 0.285 → 0.29 (half-even would give 0.28)', () => {
    const result = computeTax({
      currency: 'EUR',
      pricesIncludeTax: false,
      lines: [line('a', 150)],
      rates: { byClass: germany },
    });
    assert.equal(result.lines[0]!.tax, 29);
  });

  test('inclusive: 0.05 at 100 % → net 0.025 → 0.03, tax 0.02 (half-even would give 0.02 net)', () => {
    const result = computeTax({
      currency: 'EUR',
      pricesIncludeTax: true,
      lines: [line('a', 5)],
      rates: { byClass: { standard: [rate('x', 'Tax 100 %', '100')] } },
    });
    assert.deepEqual(figures(result).lines, [[3, 2, 5]]);
  });
});

describe('currencies with 0, 2 and 3 decimals: the arithmetic is in minor units', () => {
  test('JPY: ¥1,100 at 10 % → ¥1,000 + ¥100; ¥980 at 8 % → ¥907 + ¥73', () => {
    const result = computeTax({
      currency: 'JPY',
      pricesIncludeTax: true,
      lines: [line('a', 1100), line('b', 980, 'reduced')],
      rates: {
        byClass: {
          standard: [rate('jp-10', 'Consumption tax 10 %', '10')],
          reduced: [rate('jp-8', 'Consumption tax 8 %', '8')],
        },
      },
    });
    assert.deepEqual(figures(result).lines, [
      [1000, 100, 1100],
      [907, 73, 980],
    ]);
  });

  test('KWD: 1.234 at 5 % exclusive → 0.062 tax (three decimals)', () => {
    const result = computeTax({
      currency: 'KWD',
      pricesIncludeTax: false,
      lines: [line('a', 1234)],
      rates: { byClass: { standard: [rate('x', 'Tax 5 %', '5')] } },
    });
    assert.deepEqual(figures(result).lines, [[1234, 62, 1296]]);
  });
});

describe('bad input is a 4xx, never a wrong tax', () => {
  const fails = (input: Partial<ComputeTaxInput>, status: number, code: string) => {
    assert.throws(
      () => computeTax(inGermany(input)),
      (err) => err instanceof AppError && err.status === status && err.code === code,
    );
  };
  test('codes', () => {
    fails({ lines: [line('a', 100, 'luxury')] }, 422, 'unknown_tax_class');
    fails({ lines: [line('a', -1)] }, 400, 'invalid_tax_input');
    fails({ lines: [line('a', 1.5)] }, 400, 'invalid_tax_input');
    fails({ lines: [line('a', 1), line('a', 2)] }, 400, 'invalid_tax_input');
    fails({ lines: [line('a', 1, undefined, 0)] }, 400, 'invalid_tax_input');
    fails({ currency: 'EUX' }, 422, 'unknown_currency');
    fails({ shipping: { amount: 100, taxation: 'class' } }, 422, 'shipping_tax_class_required');
    fails({ shipping: { amount: -5, taxation: 'not_taxed' } }, 400, 'invalid_tax_input');
    fails(
      {
        rates: {
          byClass: { standard: [rate('x', 'x', '19'), { ...rate('y', 'y', '1'), ratePpm: 2_000_000 }] },
        },
      },
      400,
      'invalid_tax_input',
    );
  });
});
