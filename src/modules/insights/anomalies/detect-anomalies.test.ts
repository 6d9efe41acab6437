import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { detectAnomalies } from './detect-anomalies.ts';
import type { MetricSeries } from './metric-series.ts';

const start = '2024-01-01';
const shape = [0.1, 0.05, 0, -0.05, 0.02, -0.2, -0.3];
/** Revenue-like amounts exactly on level × weekday shape × growth (log1p scale). */
const exactAmount = (t: number) => Math.expm1(Math.log(500_000) + shape[t % 7]! + 0.002 * t);
const close = (actual: number | null, expected: number, relative: number, what = '') =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${what} ${actual} vs ${expected}`,
  );

/** Counts around a weekly shape with log-normal day noise and Poisson noise. */
function noisyCounts(seed: number, days: number, level: number, noise = 0.05): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: days }, (_, t) =>
    random.poisson(level * Math.exp(shape[t % 7]! + noise * random.normal())),
  );
}

describe('detectAnomalies: expected value and band on hand-built series', () => {
  it('recovers level × weekday shape × trend exactly, and the band is the ±15% materiality band', () => {
    // With no noise every one-day-ahead error is 0 and σ sits on its 0.02 floor, so the z gate
    // (±3.86 × 0.02 on the log scale, about ±8%) is inside the 15% materiality gate, and an amount
    // without order counts has no chance gate: the band is exactly [0.85, 1.15] × expected.
    const values = Array.from({ length: 200 }, (_, t) => exactAmount(t));
    values[150] = exactAmount(150) * 0.6;
    values[160] = exactAmount(160) * 0.9;
    values[170] = exactAmount(170) * 1.16;
    const days = detectAnomalies({ kind: 'amount', start, values });
    for (const t of [100, 150, 151, 160, 170, 199]) {
      close(days[t]!.expected, exactAmount(t), 1e-9, `expected on day ${t}`);
      close(days[t]!.lower, 0.85 * exactAmount(t), 1e-9, `lower on day ${t}`);
      close(days[t]!.upper, 1.15 * exactAmount(t), 1e-9, `upper on day ${t}`);
    }
    assert.equal(days[150]!.flagged, true);
    assert.equal(days[150]!.direction, 'down');
    assert.equal(days[150]!.severity, 'medium'); // −40%: beyond −25%, short of halving
    close(days[150]!.relativeChange, -0.4, 1e-9);
    assert.equal(days[151]!.flagged, false); // the flagged day did not pull the next one's baseline
    assert.equal(days[160]!.flagged, false); // −10% is not material
    assert.equal(days[170]!.flagged, true);
    assert.equal(days[170]!.severity, 'low');
    assert.equal(days[199]!.date, '2024-07-18');
  });

  it('a count expected at 10 is flagged below 2 and above 21 (Poisson tails, worked by hand)', () => {
    // P(X ≤ 1 | 10) = 11 e^−10 = 0.0005 < 0.001 ≤ P(X ≤ 2) = 61 e^−10 = 0.0028;
    // P(X ≥ 21 | 10) = 0.0016 ≥ 0.001 > P(X ≥ 22 | 10) = 0.0007. The z gate (10 × e^±0.077) and the
    // materiality gate (10 ± max(15%, 3 orders) = 7 … 13) are narrower, so the chance gate sets the band.
    const judge = (value: number) => {
      const values = new Array<number>(120).fill(10);
      values[100] = value;
      return detectAnomalies({ kind: 'count', start, values })[100]!;
    };
    const day = judge(10);
    close(day.expected, 10, 1e-9);
    assert.equal(day.lower, 2);
    assert.equal(day.upper, 21);
    assert.deepEqual(
      [1, 2, 21, 22].map((value) => judge(value).flagged),
      [true, false, false, true],
    );
    close(judge(1).tailProbability, 11 * Math.exp(-10), 1e-9);
  });

  it('a store with 3 orders a day does not alarm on 1 or 0, but does on 12', () => {
    const judge = (value: number) => {
      const values = new Array<number>(120).fill(3);
      values[100] = value;
      return detectAnomalies({ kind: 'count', start, values })[100]!;
    };
    assert.equal(judge(1).flagged, false);
    assert.equal(judge(0).flagged, false); // P(0 | 3) = e^−3 = 0.05
    assert.equal(judge(12).flagged, true); // P(X ≥ 12 | 3) = 0.00012
  });

  it('a small store with Poisson(3) orders every day raises no alarm in a year', () => {
    const random = seededRandom(42);
    const values = Array.from({ length: 365 }, () => random.poisson(3));
    const flagged = detectAnomalies({ kind: 'count', start, values }).filter((day) => day.flagged);
    assert.deepEqual(flagged, []);
  });
});

describe('detectAnomalies: history', () => {
  it('says why the first four weeks are not judged, then judges', () => {
    const days = detectAnomalies({ kind: 'count', start, values: noisyCounts(1, 40, 500) });
    for (let t = 0; t < 28; t++) {
      assert.equal(days[t]!.status, 'short-history');
      assert.equal(days[t]!.flagged, false);
    }
    assert.match(days[20]!.note!, /Not judged yet: 20 days of history/);
    assert.equal(days[13]!.expected, null); // no baseline before two weeks
    assert.notEqual(days[14]!.expected, null);
    assert.equal(days[28]!.status, 'judged');
  });

  it('uses no day after the one it judges (no look-ahead)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 40, maxLength: 90 }),
        fc.integer({ min: 29, max: 39 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 30 }),
        (history, cut, future) => {
          const prefix = history.slice(0, cut);
          const alone = detectAnomalies({ kind: 'count', start, values: prefix });
          const withFuture = detectAnomalies({ kind: 'count', start, values: [...prefix, ...future] });
          assert.deepEqual(withFuture.slice(0, cut), alone);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not let a five-day outage drag the baseline, and every outage day is flagged', () => {
    const values = noisyCounts(7, 120, 1000);
    const untouched = detectAnomalies({ kind: 'count', start, values });
    for (let t = 70; t < 75; t++) values[t] = Math.round(values[t]! * 0.2);
    const days = detectAnomalies({ kind: 'count', start, values });
    for (let t = 70; t < 75; t++) assert.equal(days[t]!.flagged, true, `day ${t}`);
    for (const t of [74, 80, 90])
      close(days[t]!.expected, untouched[t]!.expected!, 0.03, `expected on day ${t}`);
    assert.deepEqual(
      days.slice(75).filter((day) => day.flagged),
      [],
    );
  });

  it('takes a change that lasts a week as the new level', () => {
    const values = noisyCounts(9, 160, 1000).map((value, t) => (t >= 100 ? Math.round(value / 2) : value));
    const days = detectAnomalies({ kind: 'count', start, values });
    for (let t = 100; t < 107; t++) assert.equal(days[t]!.flagged, true, `day ${t}`);
    const later = days.slice(114).filter((day) => day.flagged);
    assert.deepEqual(later, []);
    close(days[150]!.expected, untouchedLevel(150) / 2, 0.1, 'new level');
  });

  it('learns a weekday the store is closed and leaves it out', () => {
    const values = noisyCounts(3, 120, 200).map((value, t) => (t % 7 === 6 ? 0 : value));
    const days = detectAnomalies({ kind: 'count', start, values });
    for (let t = 34; t < 120; t += 7) {
      assert.equal(days[t]!.status, 'closed', `day ${t}`);
      assert.equal(days[t]!.expected, 0);
    }
    assert.deepEqual(
      days.filter((day) => day.flagged),
      [],
    );
  });

  it('passes over days without data', () => {
    const values: (number | null)[] = noisyCounts(5, 100, 300);
    values[60] = null;
    const days = detectAnomalies({ kind: 'count', start, values });
    assert.equal(days[60]!.status, 'no-data');
    assert.equal(days[60]!.flagged, false);
    assert.equal(days[61]!.status, 'judged');
  });

  it('refuses a start that is not an ISO date', () => {
    assert.throws(() => detectAnomalies({ kind: 'count', start: '2024-02-30', values: [1] }), RangeError);
  });
});

/** Level of noisyCounts(…, 1000) on day t without noise (median of the log-normal day factor). */
function untouchedLevel(t: number): number {
  return 1000 * Math.exp(shape[t % 7]!);
}

describe('detectAnomalies: ratio metrics', () => {
  it('judges conversion with its sessions: half the orders is flagged, 0 orders from 40 sessions is not', () => {
    const random = seededRandom(11);
    const sessions = Array.from({ length: 120 }, () => random.poisson(5000));
    const orders = sessions.map((count) => random.poisson(count * 0.02));
    orders[100] = 50;
    sessions[110] = 40;
    orders[110] = 0;
    const series: MetricSeries = { kind: 'proportion', start, numerators: orders, denominators: sessions };
    const days = detectAnomalies(series);
    assert.equal(days[100]!.flagged, true);
    assert.equal(days[100]!.direction, 'down');
    close(days[100]!.expected, 0.02, 0.1);
    close(days[100]!.expectedDenominator, 5000, 0.05);
    assert.equal(days[110]!.flagged, false);
  });

  it('does not judge an average order value from fewer than 20 orders', () => {
    const random = seededRandom(12);
    const orders = Array.from({ length: 80 }, () => 40 + random.poisson(10));
    const revenue = orders.map((count) => Math.round(random.gamma(count * 2, 3000)));
    orders[70] = 12;
    revenue[70] = 12 * 20_000;
    const days = detectAnomalies({ kind: 'mean', start, numerators: revenue, denominators: orders });
    assert.equal(days[70]!.status, 'too-few-units');
    assert.equal(days[70]!.flagged, false);
  });
});

describe('detectAnomalies: dry spells', () => {
  /** A best seller's orders: Poisson(3) a day, then nothing from day `from` on. */
  const soldOutFrom = (from: number, seed = 7, days = 140) => {
    const random = seededRandom(seed);
    return Array.from({ length: days }, (_, t) => (t >= from ? 0 : random.poisson(3)));
  };

  it('flags the third empty day of a product that sells three a day, and every one after it', () => {
    // One empty day is ordinary (e^−3 = 0.05), two are 0.0025, three 1.2 × 10⁻⁴ < 0.001.
    const days = detectAnomalies({ kind: 'count', start, values: soldOutFrom(120) });
    assert.deepEqual(
      days.slice(120).map((day) => day.flagged),
      [
        false,
        false,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
      ],
    );
    const third = days[122]!;
    assert.equal(third.drySpell?.days, 3);
    assert.ok(third.drySpell!.chance < 0.001 && third.drySpell!.chance > 1e-5, `${third.drySpell!.chance}`);
    assert.equal(third.direction, 'down');
    assert.equal(third.severity, 'high');
    assert.ok(third.lower! > 0 && third.lower! <= 1);
    // Still flagged after two weeks: nothing is not taken as the new normal after a week.
    assert.equal(days[139]!.flagged, true);
    assert.equal(days[139]!.drySpell?.days, 20);
  });

  it('takes four weeks of nothing as the new normal (a discontinued product)', () => {
    const days = detectAnomalies({ kind: 'count', start, values: soldOutFrom(100, 7, 200) });
    // Flagged from the spell's fourth day (this seed) to its 28th; then zero is the expectation.
    assert.ok(days.slice(103, 128).every((day) => day.flagged));
    assert.equal(days[127]!.drySpell?.days, 28);
    assert.ok(days.slice(128).every((day) => !day.flagged && day.expected! < 0.5));
  });

  it('counts amounts by their orders: a product worth €30 an order, three orders a day', () => {
    // An amount of nothing is no orders at all: each day's chance is P(0 orders) at the typical
    // level (expected + the recent average gap), not the chance gate's compound scale, which would
    // make an empty day four times likelier. Flagged on the third empty day, like its orders.
    const orders = soldOutFrom(120);
    const values = orders.map((n) => n * 3000);
    const days = detectAnomalies({ kind: 'amount', start, values, units: orders });
    assert.deepEqual(
      days.slice(120, 125).map((day) => day.flagged),
      [false, false, true, true, true],
    );
    assert.ok(days[122]!.drySpell!.expectedEvents > 7 && days[122]!.drySpell!.chance < 0.001);
  });

  it('is not surprised by empty days a series often has', () => {
    // Poisson(1.6): a fifth of the days are empty; three in a row happen every few months.
    const random = seededRandom(11);
    const values = Array.from({ length: 400 }, () => random.poisson(1.6));
    values.splice(300, 3, 0, 0, 0);
    const days = detectAnomalies({ kind: 'count', start, values });
    assert.equal(days[302]!.flagged, false);
    assert.ok(days[302]!.drySpell!.chance > 0.001);
  });

  it('raises almost no false alarms on products selling one to four a day', () => {
    let alarms = 0;
    for (let seed = 0; seed < 20; seed++) {
      const level = 1 + (seed % 4);
      const values = noisyCounts(500 + seed, 365, level, 0.15);
      alarms += detectAnomalies({ kind: 'count', start, values }).filter(
        (day) => day.drySpell && day.flagged,
      ).length;
    }
    // Measured over 100 product-years per level: 0.03–0.05 dry-spell alarms a product-year.
    assert.ok(alarms <= 2, `${alarms} dry-spell alarms in 20 product-years`);
  });

  it('judges conversion the same way: sessions but no orders for days', () => {
    const random = seededRandom(3);
    const sessions = Array.from({ length: 140 }, () => random.poisson(150));
    const orders = sessions.map((n, t) => (t >= 120 ? 0 : random.poisson(n * 0.02)));
    const days = detectAnomalies({ kind: 'proportion', start, numerators: orders, denominators: sessions });
    assert.ok(days.slice(120, 125).some((day) => day.flagged && day.drySpell));
  });
});

describe('detectAnomalies: band and flag agree', () => {
  it('flags a judged day exactly when it is outside [lower, upper]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 2, max: 20_000, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 30, max: 99 }), fc.double({ min: 0, max: 4, noNaN: true })), {
          maxLength: 8,
        }),
        fc.constantFrom('count' as const, 'amount' as const),
        (seed, level, shocks, kind) => {
          const values = noisyCounts(seed, 100, level, 0.1);
          for (const [day, factor] of shocks) values[day] = Math.round(values[day]! * factor);
          const series: MetricSeries =
            kind === 'count'
              ? { kind, start, values }
              : { kind, start, values: values.map((v) => v * 2500), units: values };
          for (const day of detectAnomalies(series)) {
            if (day.status !== 'judged') continue;
            assert.equal(day.flagged, day.actual! < day.lower! || day.actual! > day.upper!);
            assert.ok(day.lower! <= day.expected! && day.expected! <= day.upper!);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
