import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { instantOfStoreTime, storeTimeOf } from './local-time.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return 'no error';
};

test('a wall-clock time is read in the store’s time zone, summer and winter', () => {
  assert.equal(
    instantOfStoreTime('2031-07-01T09:00', 'Europe/Berlin').toISOString(),
    '2031-07-01T07:00:00.000Z',
  );
  assert.equal(
    instantOfStoreTime('2031-01-15T09:00', 'Europe/Berlin').toISOString(),
    '2031-01-15T08:00:00.000Z',
  );
  assert.equal(
    instantOfStoreTime('2031-01-15T09:00:30', 'Asia/Kolkata').toISOString(),
    '2031-01-15T03:30:30.000Z',
  );
  assert.equal(instantOfStoreTime('2031-01-15T09:00', 'UTC').toISOString(), '2031-01-15T09:00:00.000Z');
});

test('a time the clocks skip is refused; a time that happens twice means the first', () => {
  // Europe/Berlin springs forward from 02:00 to 03:00 on 30 March 2031 and falls back on 26 October.
  assert.equal(
    codeOf(() => instantOfStoreTime('2031-03-30T02:30', 'Europe/Berlin')),
    'nonexistent_local_time',
  );
  assert.equal(
    instantOfStoreTime('2031-10-26T02:30', 'Europe/Berlin').toISOString(),
    '2031-10-26T00:30:00.000Z',
  );
  assert.equal(
    instantOfStoreTime('2031-03-30T03:00', 'Europe/Berlin').toISOString(),
    '2031-03-30T01:00:00.000Z',
  );
});

test('anything but a plain local date-time is refused', () => {
  for (const text of [
    '2031-07-01',
    '2031-07-01T09:00Z',
    '2031-07-01T09:00+02:00',
    '2031-13-01T09:00',
    'soon',
  ]) {
    assert.equal(
      codeOf(() => instantOfStoreTime(text, 'Europe/Berlin')),
      'invalid_local_time',
      text,
    );
  }
});

test('an instant reads back as the store’s wall clock', () => {
  const instant = instantOfStoreTime('2031-07-01T09:15', 'America/Sao_Paulo');
  assert.equal(storeTimeOf(instant, 'America/Sao_Paulo'), '2031-07-01T09:15');
  assert.equal(storeTimeOf(instant, 'UTC'), '2031-07-01T12:15');
});
