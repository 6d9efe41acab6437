import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { formErrorsFrom } from './form-errors.ts';

const adjustFields = { quantity: 'quantity', locationId: 'location', note: 'note' } as const;

test('a conflict naming a path goes on that field (insufficient stock on the quantity)', () => {
  const error = new ApiError(409, 'insufficient_stock', 'Not enough unreserved stock at this location.', {
    path: 'items.0.quantity',
    variantId: 'var_1',
  });
  assert.deepEqual(formErrorsFrom(error, adjustFields), {
    fields: { quantity: 'Not enough unreserved stock at this location.' },
    general: null,
  });
});

test('validation problems go on their fields; those of no field are the general message', () => {
  const error = new ApiError(400, 'validation_failed', 'Some fields are not valid.', [
    { path: 'body.items.0.quantity', message: 'Use a change other than 0.' },
    { path: 'body.items.0.note', message: 'Too long.' },
    { path: 'body.items.0.variantId', message: 'Required.' },
  ]);
  assert.deepEqual(formErrorsFrom(error, adjustFields), {
    fields: { quantity: 'Use a change other than 0.', note: 'Too long.' },
    general: 'Some fields are not valid. items.0.variantId: Required.',
  });
});

test('nested paths by their last part; errors naming nothing, and other errors, are general', () => {
  const fields = { name: 'name', country: 'country' } as const;
  const invalid = new ApiError(400, 'validation_failed', 'Some fields are not valid.', [
    { path: 'body.address.country', message: 'Use the two-letter country code.' },
  ]);
  assert.deepEqual(formErrorsFrom(invalid, fields).fields, { country: 'Use the two-letter country code.' });
  const missing = new ApiError(404, 'not_found', 'Location not found.', { id: 'loc_1' });
  assert.deepEqual(formErrorsFrom(missing, fields), { fields: {}, general: 'Location not found.' });
  assert.deepEqual(formErrorsFrom(new Error('offline'), fields), { fields: {}, general: 'offline' });
  assert.deepEqual(formErrorsFrom(null, fields), { fields: {}, general: null });
  // A path part that happens to be an Object property is no field.
  const odd = new ApiError(422, 'x', 'Odd.', { path: 'constructor' });
  assert.deepEqual(formErrorsFrom(odd, fields), { fields: {}, general: 'Odd.' });
});
