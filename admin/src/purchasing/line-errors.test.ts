/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../api/http.ts';
import { orderFormErrorsFrom } from './line-errors.ts';

describe('orderFormErrorsFrom', () => {
  it('puts a conflict naming a line on that line and validation problems on their fields', () => {
    const over = new ApiError(409, 'over_receipt', 'This line expects 6 more.', { path: 'lines.1.quantity' });
    assert.deepEqual(orderFormErrorsFrom(over), {
      lines: { 1: { quantity: 'This line expects 6 more.' } },
      fields: {},
      general: null,
    });
    const invalid = new ApiError(400, 'validation_failed', 'Invalid input.', [
      { path: ['body', 'expectedOn'], message: 'Not a date.' },
      { path: ['body', 'lines', 0, 'unitCost', 'amount'], message: 'Too big.' },
      { path: ['body', 'other'], message: 'Unknown.' },
    ]);
    assert.deepEqual(orderFormErrorsFrom(invalid, { expectedOn: 'expected' }), {
      lines: { 0: { unitCost: 'Too big.' } },
      fields: { expected: 'Not a date.' },
      general: 'Invalid input. other: Unknown.',
    });
  });

  it('keeps an error about no field as the general message', () => {
    const missing = new ApiError(422, 'supplier_email_missing', 'The supplier has no e-mail.');
    assert.equal(orderFormErrorsFrom(missing).general, 'The supplier has no e-mail.');
  });
});
