// The Syntetos-Boylan classification that picks the candidate methods, on series worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDemand } from './demand-pattern.ts';

test('a sale every day of the same size is smooth', () => {
  assert.deepEqual(classifyDemand([5, 5, 5, 5]), {
    pattern: 'smooth',
    averageDemandInterval: 1,
    squaredVariation: 0,
  });
});

test('0,0,3,0,0,0,5,0,2,0 is intermittent: ADI 10/3, CV² 0.14', () => {
  // Sizes 3, 5, 2: mean 10/3, variance 38/3 − 100/9 = 14/9, CV² = (14/9) / (100/9) = 0.14.
  const c = classifyDemand([0, 0, 3, 0, 0, 0, 5, 0, 2, 0]);
  assert.equal(c.pattern, 'intermittent');
  assert.ok(Math.abs(c.averageDemandInterval - 10 / 3) < 1e-12);
  assert.ok(Math.abs(c.squaredVariation - 0.14) < 1e-12, `${c.squaredVariation}`);
});

test('rare sales of very different sizes are lumpy', () => {
  // Sizes 1, 20, 1: mean 22/3, variance 134 − 484/9 = 722/9, CV² = 722/484 ≈ 1.49; ADI 8/3.
  const c = classifyDemand([0, 1, 0, 0, 20, 0, 0, 1]);
  assert.equal(c.pattern, 'lumpy');
  assert.ok(Math.abs(c.squaredVariation - 722 / 484) < 1e-12);
});

test('daily sales swinging between 1 and 10 are erratic', () => {
  // Mean 5.5, variance 50.5 − 30.25 = 20.25, CV² = 20.25 / 30.25 ≈ 0.67 > 0.49; ADI 1.
  assert.equal(classifyDemand([1, 10, 1, 10, 1, 10]).pattern, 'erratic');
});

test('the ADI cut-off is 1.32: 33 sale days in 43 is smooth, 32 in 43 intermittent', () => {
  const days = (saleDays: number) => Array.from({ length: 43 }, (_, t) => (t < saleDays ? 4 : 0));
  assert.equal(classifyDemand(days(33)).pattern, 'smooth'); // 43 / 33 = 1.303
  assert.equal(classifyDemand(days(32)).pattern, 'intermittent'); // 43 / 32 = 1.344
});

test('no sale at all', () => {
  assert.equal(classifyDemand([0, 0, 0]).pattern, 'no-sales');
  assert.equal(classifyDemand([]).pattern, 'no-sales');
});
