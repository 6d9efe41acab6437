/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, withQuery } from './http.ts';

describe('ApiError.fieldProblems', () => {
  it('drops the request part of server paths and joins array paths', () => {
    const error = new ApiError(400, 'validation_failed', 'Some fields are not valid.', [
      { path: 'body.price.amount', message: 'Send the price in minor units (an integer).' },
      { path: ['title'], message: 'A title is required.' },
      { path: 'body', message: 'Unrecognized key: "colour"' },
    ]);
    assert.deepEqual(error.fieldProblems, [
      { path: 'price.amount', message: 'Send the price in minor units (an integer).' },
      { path: 'title', message: 'A title is required.' },
      { path: '', message: 'Unrecognized key: "colour"' },
    ]);
  });

  it('has none for other errors', () => {
    assert.deepEqual(
      new ApiError(409, 'handle_taken', 'Taken.', [{ path: 'handle', message: 'x' }]).fieldProblems,
      [],
    );
  });
});

describe('withQuery', () => {
  it('leaves out empty parameters', () => {
    assert.equal(
      withQuery('/p', { q: 'mug & cup', status: undefined, limit: 25, offset: 0 }),
      '/p?q=mug+%26+cup&limit=25&offset=0',
    );
    assert.equal(withQuery('/p', { q: '' }), '/p');
  });
});
