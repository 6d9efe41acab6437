import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dateTimeFormat, dayIn, numberFormat } from './intl-formats.ts';

test('a formatter is made once per locale and options', () => {
  const euros = numberFormat('de-DE', { style: 'currency', currency: 'EUR' });
  assert.equal(numberFormat('de-DE', { style: 'currency', currency: 'EUR' }), euros);
  assert.notEqual(numberFormat('de-DE', { style: 'currency', currency: 'USD' }), euros);
  assert.notEqual(numberFormat('fr-FR', { style: 'currency', currency: 'EUR' }), euros);
  assert.equal(euros.format(1234.5), '1.234,50\u00a0€');
  const long = dateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
  assert.equal(dateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }), long);
  assert.equal(long.format(new Date('2030-07-08T12:00:00Z')), '8 July 2030');
});

test('bad locales, currencies and zones throw as Intl does, every time', () => {
  for (let i = 0; i < 2; i++) {
    assert.throws(() => numberFormat('en', { style: 'currency', currency: 'EURO' }), RangeError);
    assert.throws(() => numberFormat('not a locale!'), RangeError);
    assert.throws(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' }), RangeError);
    assert.throws(() => dayIn('Mars/Olympus', new Date()), RangeError);
  }
});

test('the day of an instant in a zone is the one luxon gives', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'America/St_Johns',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];
  fc.assert(
    fc.property(
      fc.date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2099-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      fc.constantFrom(...zones),
      (at, zone) => {
        assert.equal(dayIn(zone, at), DateTime.fromJSDate(at, { zone }).toISODate());
      },
    ),
    { numRuns: 2_000 },
  );
  // Either side of midnight in New York (UTC−4 in summer).
  assert.equal(dayIn('America/New_York', new Date('2026-05-10T03:59:59Z')), '2026-05-09');
  assert.equal(dayIn('America/New_York', new Date('2026-05-10T04:00:00Z')), '2026-05-10');
});
