import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type ComputeTaxInput, computeTax, type TaxComputation } from './compute-tax.ts';
import type { AppliedTaxRate } from './rate-factors.ts';
import { shippingTaxations, taxRoundings } from './schema.ts';

const currencies = ['JPY', 'EUR', 'KWD'] as const;
const classes = ['standard', 'reduced', 'zero'] as const;

const amount = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: 1_000_000_000_000 }),
);
const ratePpm = fc.oneof(
  fc.constantFrom(0, 50_000, 55_000, 70_000, 72_500, 88_750, 190_000, 200_000, 210_000, 1_000_000),
  fc.integer({ min: 0, max: 1_000_000 }),
);
const ratesOf = (taxClass: string) =>
  fc
    .array(
      fc.record({
        ratePpm,
        compound: fc.constantFrom(false, false, false, true),
        priority: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 3 },
    )
    .map((rates): AppliedTaxRate[] =>
      rates.map((r, i) => ({ ...r, rateId: `${taxClass}-${i}`, name: `${taxClass} ${i}` })),
    );

const inputArb: fc.Arbitrary<ComputeTaxInput> = fc.record({
  currency: fc.constantFrom(...currencies),
  pricesIncludeTax: fc.boolean(),
  rounding: fc.constantFrom(...taxRoundings),
  lines: fc
    .array(
      fc.record({ amount, quantity: fc.integer({ min: 1, max: 5 }), taxClass: fc.constantFrom(...classes) }),
      { maxLength: 8 },
    )
    .map((lines) => lines.map((l, i) => ({ ...l, lineId: `l${i}` }))),
  shipping: fc.option(
    fc.record({
      amount,
      taxation: fc.constantFrom(...shippingTaxations),
      taxClass: fc.constantFrom(...classes),
    }),
  ),
  rates: fc
    .record({ standard: ratesOf('standard'), reduced: ratesOf('reduced'), zero: ratesOf('zero') })
    .map((byClass) => ({ byClass })),
});

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Everything with net, tax, gross and rate amounts: lines, then shipping when there is some. */
function parts(result: TaxComputation) {
  return [...result.lines, ...(result.shipping ? [result.shipping] : [])];
}

test('net + tax = gross on every line, on shipping and in total; nothing negative (JPY, EUR, KWD)', () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const result = computeTax(input);
      for (const part of parts(result)) {
        assert.equal(part.net + part.tax, part.gross);
        assert.ok(part.net >= 0 && part.tax >= 0, JSON.stringify(part));
        assert.ok(part.taxes.every((t) => t.amount >= 0));
        assert.equal(sum(part.taxes.map((t) => t.amount)), part.tax);
      }
      const { totals } = result;
      assert.equal(totals.net + totals.tax, totals.gross);
      assert.equal(totals.tax, sum(parts(result).map((p) => p.tax)));
      assert.equal(totals.net, sum(parts(result).map((p) => p.net)));
      assert.equal(sum(totals.byRate.map((r) => r.amount)), totals.tax);
    }),
    { numRuns: 500 },
  );
});

test('the entered amounts stay as entered: gross when prices include tax, net when they exclude it', () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const result = computeTax(input);
      result.lines.forEach((line, i) => {
        const entered = input.lines[i]!.amount;
        assert.equal(input.pricesIncludeTax ? line.gross : line.net, entered);
      });
      if (result.shipping && input.shipping) {
        const { shipping } = result;
        const entered = input.shipping.amount;
        assert.equal(
          shipping.taxation === 'not_taxed' || input.pricesIncludeTax ? shipping.gross : shipping.net,
          entered,
        );
        if (shipping.taxation !== 'not_taxed')
          assert.equal(sum(shipping.parts.map((p) => p.amount)), entered);
      }
    }),
    { numRuns: 300 },
  );
});

test('per-total rounding: like-taxed items sum to a tax within half a unit of their exact tax', () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const result = computeTax({ ...input, rounding: 'per_total' });
      assert.equal(sum(parts(result).map((p) => p.tax)), result.totals.tax);
      // Items taxed alike: the lines, and the shipping's parts by class, keyed by their rates.
      const groups = new Map<string, { rates: readonly AppliedTaxRate[]; amount: number; tax: number }>();
      const add = (taxClass: string, amount: number, tax: number) => {
        const rates = input.rates.byClass[taxClass]!;
        const key = rates.map((r) => r.rateId).join('|');
        const group = groups.get(key) ?? { rates, amount: 0, tax: 0 };
        groups.set(key, { rates, amount: group.amount + amount, tax: group.tax + tax });
      };
      result.lines.forEach((line, i) => {
        add(line.taxClass, input.lines[i]!.amount, line.tax);
      });
      for (const part of result.shipping?.parts ?? []) add(part.taxClass, part.amount, part.tax);
      for (const group of groups.values()) {
        assertWithinHalf(group.tax, group.amount, group.rates, input.pricesIncludeTax);
      }
    }),
    { numRuns: 300 },
  );
});

test('per-line rounding: each line is within half a unit of its exact tax', () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const result = computeTax({ ...input, rounding: 'per_line' });
      result.lines.forEach((line, i) => {
        const rates = input.rates.byClass[input.lines[i]!.taxClass!]!;
        assertWithinHalf(line.tax, input.lines[i]!.amount, rates, input.pricesIncludeTax);
      });
    }),
    { numRuns: 300 },
  );
});

/**
 * |tax − exact| ≤ ½, in integers. The exact tax of an amount a at combined rate f (a fraction of
 * 10¹²: each non-compound r, each compound c × (1 + lower non-compound r)) is a·f exclusive of tax
 * and a·f / (1 + f) inclusive.
 */
function assertWithinHalf(tax: number, amount: number, rates: readonly AppliedTaxRate[], inclusive: boolean) {
  const factor = rates.reduce((total, rate) => {
    if (!rate.compound) return total + BigInt(rate.ratePpm) * 1_000_000n;
    const lower = rates
      .filter((o) => !o.compound && o.priority < rate.priority)
      .reduce((s, o) => s + BigInt(o.ratePpm), 1_000_000n);
    return total + BigInt(rate.ratePpm) * lower;
  }, 0n);
  const scale = 1_000_000_000_000n;
  const numerator = BigInt(amount) * factor;
  const denominator = inclusive ? scale + factor : scale;
  const error = BigInt(tax) * denominator - numerator;
  assert.ok(2n * (error < 0n ? -error : error) <= denominator, `${tax} vs ${numerator}/${denominator}`);
}

test('the currency’s exponent does not change the minor-unit arithmetic', () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const [jpy, eur, kwd] = currencies.map((currency) => computeTax({ ...input, currency }));
      const strip = ({ currency: _c, ...rest }: TaxComputation) => rest;
      assert.deepEqual(strip(jpy!), strip(eur!));
      assert.deepEqual(strip(eur!), strip(kwd!));
    }),
    { numRuns: 100 },
  );
});

test('a net price shown gross converts back to the same net', () => {
  fc.assert(
    // A tenth of the largest amount at most, so the gross (three rates of up to 100 %) is still valid.
    fc.property(
      amount.map((a) => Math.floor(a / 10)),
      ratesOf('standard'),
      (net, rates) => {
        const byClass = { standard: rates };
        const lines = [{ lineId: 'a', amount: net, quantity: 1 }];
        const exclusive = computeTax({ currency: 'EUR', pricesIncludeTax: false, lines, rates: { byClass } });
        const gross = exclusive.lines[0]!.gross;
        const inclusive = computeTax({
          currency: 'EUR',
          pricesIncludeTax: true,
          lines: [{ lineId: 'a', amount: gross, quantity: 1 }],
          rates: { byClass },
        });
        assert.equal(inclusive.lines[0]!.net, net);
      },
    ),
    { numRuns: 500 },
  );
});
