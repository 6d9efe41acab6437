import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { lineErrorsFrom } from './line-errors.ts';

const variants = ['var_a', 'var_b'];
const at = (index: number) => variants[index];

test('a conflict naming a line goes on that line (insufficient stock on the second)', () => {
  const error = new ApiError(409, 'insufficient_stock', 'Not enough unreserved stock.', {
    path: 'lines.1.quantity',
  });
  assert.deepEqual(lineErrorsFrom(error, at), {
    byVariant: { var_b: 'Not enough unreserved stock.' },
    general: null,
  });
});

test('count_below_reserved marks every listed line and keeps the explanation', () => {
  const error = new ApiError(409, 'count_below_reserved', 'Some counts are below the units reserved.', {
    lines: [{ variantId: 'var_a', countedQuantity: 1, reserved: 2 }],
  });
  assert.deepEqual(lineErrorsFrom(error, at), {
    byVariant: { var_a: 'Below the 2 reserved here.' },
    general: 'Some counts are below the units reserved.',
  });
});

test('an error about no line, or a line that is not there, is the general message', () => {
  const state = new ApiError(409, 'invalid_transfer_state', 'TR-1001 is received.', { state: 'received' });
  assert.deepEqual(lineErrorsFrom(state, at), { byVariant: {}, general: 'TR-1001 is received.' });
  const stray = new ApiError(409, 'receipt_exceeds_shipped', 'Too many.', { path: 'lines.7.quantity' });
  assert.deepEqual(lineErrorsFrom(stray, at), { byVariant: {}, general: 'Too many.' });
  assert.deepEqual(lineErrorsFrom(null, at), { byVariant: {}, general: null });
});
