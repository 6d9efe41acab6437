import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelayMs } from './backoff.ts';

test('the wait doubles with each failed attempt, 2^attempt seconds by default, within 75–100 %', () => {
  for (let attempt = 1; attempt <= 11; attempt++) {
    const full = 1000 * 2 ** attempt;
    for (let i = 0; i < 50; i++) {
      const delay = retryDelayMs(attempt);
      assert.ok(delay >= full * 0.75 && delay <= full, `attempt ${attempt}: ${delay} ms`);
    }
  }
});

test('the wait is capped at one hour by default and at maxMs when given', () => {
  for (const attempt of [12, 20, 100]) {
    const delay = retryDelayMs(attempt);
    assert.ok(delay >= 2700_000 && delay <= 3600_000, `attempt ${attempt}: ${delay} ms`);
  }
  assert.ok(retryDelayMs(30, { baseMs: 10, maxMs: 500 }) <= 500);
});

test('jitter spreads retries of jobs that failed together', () => {
  const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(5)));
  assert.ok(delays.size > 10);
});
