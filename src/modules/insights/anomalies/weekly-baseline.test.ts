import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weeklyBaseline } from './weekly-baseline.ts';

const open = [false, false, false, false, false, false, false];
const options = { windowDays: 84, levelDays: 14 };
// A weekday shape (log scale) that sums to anything: the baseline must not care.
const shape = [0.1, 0.05, 0, -0.05, 0.02, -0.2, -0.3];
const exact = (t: number) => 8 + shape[t % 7]! + 0.003 * t;

describe('weeklyBaseline', () => {
  it('is exact on level + weekday shape + linear trend, however far back it looks', () => {
    const values = Float64Array.from({ length: 200 }, (_, t) => exact(t));
    for (const day of [21, 30, 84, 150, 199]) {
      const baseline = weeklyBaseline(values, day, open, options);
      assert.ok(baseline);
      assert.ok(
        Math.abs(baseline.expected - exact(day)) < 1e-12,
        `day ${day}: ${baseline.expected} vs ${exact(day)}`,
      );
      assert.ok(Math.abs(baseline.slope - 0.003) < 1e-12);
    }
  });

  it('with two weeks it has no trend yet, and before two weeks nothing', () => {
    const values = Float64Array.from({ length: 40 }, (_, t) => 5 + shape[t % 7]!);
    assert.equal(weeklyBaseline(values, 13, open, options), null);
    const twoWeeks = weeklyBaseline(values, 14, open, options);
    assert.ok(twoWeeks);
    assert.equal(twoWeeks.slope, 0);
    assert.ok(Math.abs(twoWeeks.expected - (5 + shape[0]!)) < 1e-12);
  });

  it('a wild day and a missing day in the history move nothing', () => {
    const values = Float64Array.from({ length: 120 }, (_, t) => exact(t));
    const clean = weeklyBaseline(values, 110, open, options)!.expected;
    values[105] = exact(105) - 3; // a day at e^−3 ≈ 5% of normal
    values[101] = Number.NaN; // no data
    assert.ok(Math.abs(weeklyBaseline(values, 110, open, options)!.expected - clean) < 1e-12);
  });

  it('leaves a closed weekday out of the level and the shape', () => {
    const closedSundays = [false, false, false, false, false, false, true];
    const values = Float64Array.from({ length: 100 }, (_, t) => (t % 7 === 6 ? 0 : exact(t)));
    const baseline = weeklyBaseline(values, 99, closedSundays, options);
    assert.ok(baseline);
    assert.ok(Math.abs(baseline.expected - exact(99)) < 1e-12);
    assert.equal(weeklyBaseline(values, 97, closedSundays, options), null); // 97 % 7 === 6
  });
});
