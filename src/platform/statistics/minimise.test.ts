import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimise } from './minimise.ts';

test('finds the minimum of the Rosenbrock function, a curved valley a single simplex run stalls in', () => {
  const rosenbrock = ([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  const { x, value } = minimise(rosenbrock, [-1.2, 1]);
  assert.ok(Math.abs(x[0]! - 1) < 1e-4, `x ${x[0]}`);
  assert.ok(Math.abs(x[1]! - 1) < 1e-4, `y ${x[1]}`);
  assert.ok(value < 1e-8);
});

test('reports the value at the point it returns', () => {
  const bowl = (x: number[]) => x.reduce((sum, v, i) => sum + (v - i) ** 2, 3);
  const found = minimise(bowl, [5, 5, 5, 5]);
  assert.equal(found.value, bowl(found.x));
  assert.ok(Math.abs(found.value - 3) < 1e-8);
});

test('treats NaN as outside the parameter space and stays where the objective is defined', () => {
  // A log-likelihood-like objective defined only for positive parameters.
  const objective = ([a = 0]: number[]) => (a <= 0 ? Number.NaN : a - Math.log(a));
  const { x } = minimise(objective, [3]);
  assert.ok(Math.abs(x[0]! - 1) < 1e-5, `a ${x[0]}`);
});

test('needs shrink steps on a ridge and still converges (the step that crashes fmin)', () => {
  const ridge = ([x = 0, y = 0]: number[]) => Math.abs(x - y) * 10 + (x + y - 2) ** 2;
  const { x } = minimise(ridge, [4, -3]);
  assert.ok(Math.abs(x[0]! - 1) < 1e-4 && Math.abs(x[1]! - 1) < 1e-4, `${x}`);
});
