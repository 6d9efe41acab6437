import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakEvenRoas, cac, cpa, mer, roas } from './spend-efficiency.ts';

// Definitions from shared/reference/statistics.md §6 "Attribution and ROAS": ROAS = attributed
// revenue ÷ ad spend; MER = total revenue ÷ total marketing spend; CAC = acquisition spend ÷ new
// customers; break-even ROAS = 1 ÷ contribution margin. The numbers below are worked by hand.
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const jpy = (amount: number) => ({ amount, currency: 'JPY' });

describe('roas and mer', () => {
  it('divide revenue by spend', () => {
    // €4,200.00 attributed to €1,050.00 of ads: 4.0.
    assert.equal(roas(eur(420_000), eur(105_000)), 4);
    // €12,500.00 total revenue, €5,000.00 of all marketing: 2.5.
    assert.equal(mer(eur(1_250_000), eur(500_000)), 2.5);
    assert.equal(roas(jpy(150_000), jpy(60_000)), 2.5);
    assert.equal(roas(eur(0), eur(3_000)), 0);
  });

  it('are null, not Infinity or NaN, when nothing was spent', () => {
    assert.equal(roas(eur(5_000), eur(0)), null);
    assert.equal(roas(eur(0), eur(0)), null);
    assert.equal(mer(eur(5_000), eur(0)), null);
  });

  it('refuse to mix currencies', () => {
    assert.throws(() => roas(eur(100), jpy(100)), { status: 422, code: 'currency_mismatch' });
  });
});

describe('cpa and cac', () => {
  it('divide spend by conversions or new customers, to the minor unit', () => {
    // €1,000.00 for 40 conversions: €25.00.
    assert.deepEqual(cpa(eur(100_000), 40), eur(2_500));
    // €100.00 for 3: 33.333… → €33.33; €200.00 for 3: 66.666… → €66.67.
    assert.deepEqual(cpa(eur(10_000), 3), eur(3_333));
    assert.deepEqual(cac(eur(20_000), 3), eur(6_667));
    // Halves round up: €0.05 over 2 is 2.5 cents → 3 cents.
    assert.deepEqual(cpa(eur(5), 2), eur(3));
    // Yen have no minor unit: ¥1,000 over 3 → ¥333.
    assert.deepEqual(cac(jpy(1_000), 3), jpy(333));
  });

  it('read fractional conversions (data-driven credit) exactly', () => {
    // €100.00 over 12.5 conversions is exactly €8.00; over 0.3 it is €333.333… → €333.33.
    assert.deepEqual(cpa(eur(10_000), 12.5), eur(800));
    assert.deepEqual(cpa(eur(10_000), 0.3), eur(33_333));
    // A count JavaScript writes in exponent notation (1e-7) is read exactly too: 3 ÷ 10⁻⁷.
    assert.deepEqual(cpa(eur(3), 1e-7), eur(30_000_000));
  });

  it('are null with no conversions or customers', () => {
    assert.equal(cpa(eur(10_000), 0), null);
    assert.equal(cac(eur(10_000), 0), null);
  });

  it('reject counts that cannot be counts', () => {
    assert.throws(() => cpa(eur(100), -1), { code: 'invalid_count' });
    assert.throws(() => cpa(eur(100), Number.POSITIVE_INFINITY), { code: 'invalid_count' });
    assert.throws(() => cac(eur(100), -0.5), { code: 'invalid_count' });
  });
  it('divide by a fractional number of customers, as multi-touch credit gives', () => {
    // €100.00 for a third plus a half of a customer (5/6): €120.00.
    assert.deepEqual(cac(eur(10_000), 1 / 3 + 1 / 2), eur(12_000));
  });
});

describe('breakEvenRoas', () => {
  it('is one over the contribution margin', () => {
    assert.equal(breakEvenRoas(0.25), 4);
    assert.equal(breakEvenRoas(0.5), 2);
    assert.equal(breakEvenRoas(1), 1);
  });

  it('is null when no margin is left, and rejects margins above 100%', () => {
    assert.equal(breakEvenRoas(0), null);
    assert.equal(breakEvenRoas(-0.1), null);
    assert.throws(() => breakEvenRoas(1.2), { code: 'invalid_margin' });
    assert.throws(() => breakEvenRoas(Number.NaN), { code: 'invalid_margin' });
  });
});
