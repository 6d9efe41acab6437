// Pacing arithmetic on crafted series: a weekly pattern the forecast must continue exactly (hand
// computed), the chance of reaching a target on a noisy series at both ends and in the middle,
// ratio metrics projected from their sums, too little history, and a finished period.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { paceGoal } from './pace-goal.ts';

const week = [10, 20, 30, 40, 50, 60, 70];
/** Twelve whole weeks of the same week: Holt-Winters starts on it exactly and never errs. */
const twelveWeeks = Array.from({ length: 84 }, (_, t) => week[t % 7]!);

describe('goal pacing', () => {
  test('a weekly pattern is continued day by day: 1,000 so far + 340 forecast', () => {
    // The next day is the pattern's first again (84 = 12 × 7): 10+20+…+70 + 10+20+30 = 340.
    const pace = paceGoal({
      target: 1300,
      actual: { numerator: 1000 },
      history: { numerator: twelveWeeks },
      remainingDays: 10,
      ended: false,
    });
    assert.equal(pace.method, 'holt-winters');
    assert.ok(Math.abs(pace.projected! - 1340) < 1e-6, String(pace.projected));
    assert.ok(Math.abs(pace.projectedShare! - 1340 / 1300) < 1e-9);
    assert.equal(pace.actual, 1000);
    assert.ok(Math.abs(pace.actualShare! - 1000 / 1300) < 1e-12);
    // No error in twelve weeks: every simulated path is the forecast itself.
    assert.equal(pace.probability, 1);
    assert.equal(pace.status, 'on_pace');
    const short = paceGoal({
      target: 1400,
      actual: { numerator: 1000 },
      history: { numerator: twelveWeeks },
      remainingDays: 10,
      ended: false,
    });
    assert.equal(short.probability, 0);
    assert.equal(short.status, 'behind');
  });

  test('a ratio is projected from its projected sums: (100 + 34) ÷ (1,000 + 340)', () => {
    const pace = paceGoal({
      target: 0.12,
      actual: { numerator: 100, denominator: 1000 },
      history: { numerator: twelveWeeks.map((v) => v / 10), denominator: twelveWeeks },
      remainingDays: 10,
      ended: false,
    });
    assert.ok(Math.abs(pace.projected! - 134 / 1340) < 1e-9, String(pace.projected));
    assert.equal(pace.actual, 0.1);
    assert.equal(pace.probability, 0);
  });

  describe('the chance of reaching the target on a noisy series', () => {
    const random = seededRandom(7);
    const noisy = Array.from({ length: 84 }, (_, t) => 100 + (t % 7 === 5 ? 40 : 0) + 12 * random.normal());
    const base = {
      actual: { numerator: 3000 },
      history: { numerator: noisy },
      remainingDays: 20,
      ended: false,
    };
    const projected = paceGoal({ ...base, target: 1 }).projected!;

    test('the projection is what has happened plus about 20 ordinary days', () => {
      // 20 days of about 100 with three Saturdays at about 140.
      assert.ok(projected > 3000 + 2000 && projected < 3000 + 2400, String(projected));
    });
    test('a target far below the projection is almost certain', () => {
      const pace = paceGoal({ ...base, target: 3000 + 0.6 * (projected - 3000) });
      assert.ok(pace.probability! > 0.99, String(pace.probability));
      assert.equal(pace.status, 'on_pace');
    });
    test('a target far above it is almost hopeless', () => {
      const pace = paceGoal({ ...base, target: 3000 + 1.4 * (projected - 3000) });
      assert.ok(pace.probability! < 0.01, String(pace.probability));
      assert.equal(pace.status, 'behind');
    });
    test('a target at the projection is a coin toss', () => {
      const pace = paceGoal({ ...base, target: projected });
      assert.ok(pace.probability! > 0.3 && pace.probability! < 0.7, String(pace.probability));
      assert.equal(pace.status, 'at_risk');
    });
    test('the further the target, the smaller the chance', () => {
      const chances = [0.9, 0.97, 1, 1.03, 1.1].map(
        (k) => paceGoal({ ...base, target: 3000 + k * (projected - 3000) }).probability!,
      );
      for (let i = 1; i < chances.length; i++) assert.ok(chances[i]! <= chances[i - 1]!, chances.join(' '));
    });
  });

  test('ten days of history: the mean day, still with a chance', () => {
    const pace = paceGoal({
      target: 500,
      actual: { numerator: 0 },
      history: { numerator: [0, 0, 0, 50, 40, 60, 50, 40, 60, 50, 40, 60, 50] },
      remainingDays: 10,
      ended: false,
    });
    assert.equal(pace.method, 'mean');
    assert.ok(Math.abs(pace.projected! - 500) < 1e-9, 'the leading empty days are before the opening');
    assert.ok(pace.probability! > 0.3 && pace.probability! < 0.7, String(pace.probability));
  });

  test('three days of history: no forecast and no probability, judged by what happened', () => {
    const pace = paceGoal({
      target: 100,
      actual: { numerator: 95 },
      history: { numerator: [30, 30, 35] },
      remainingDays: 5,
      ended: false,
    });
    assert.equal(pace.method, 'none');
    assert.equal(pace.projected, 95);
    assert.equal(pace.probability, null);
    assert.equal(pace.status, 'at_risk');
  });

  test('a finished period is achieved or missed on what happened', () => {
    const done = { history: { numerator: twelveWeeks }, remainingDays: 0, ended: true };
    const hit = paceGoal({ ...done, target: 100, actual: { numerator: 100 } });
    assert.deepEqual([hit.status, hit.probability, hit.projected], ['achieved', 1, 100]);
    const miss = paceGoal({ ...done, target: 100, actual: { numerator: 99 } });
    assert.deepEqual([miss.status, miss.probability], ['missed', 0]);
    const empty = paceGoal({
      ...done,
      target: 0.02,
      actual: { numerator: 0, denominator: 0 },
      history: { numerator: [], denominator: [] },
    });
    assert.deepEqual([empty.actual, empty.status], [null, 'missed']);
  });
});

test('a goal that starts in 3 days counts the forecast from its first day, not from today', () => {
  // Today is the pattern's Monday (10); the goal starts Thursday: 40 + 50 + 60 + 70 = 220.
  const pace = paceGoal({
    target: 200,
    actual: { numerator: 0 },
    history: { numerator: twelveWeeks },
    remainingDays: 4,
    daysBeforeStart: 3,
    ended: false,
  });
  assert.ok(Math.abs(pace.projected! - 220) < 1e-6, String(pace.projected));
  assert.equal(pace.probability, 1);
});
