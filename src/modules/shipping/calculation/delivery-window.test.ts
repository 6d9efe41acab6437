import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { businessDaysFrom, deliveryWindow } from './delivery-window.ts';

const berlin = 'Europe/Berlin';

test('business days skip the weekend; an order at the weekend counts from Monday', () => {
  const rows: [string, number, string][] = [
    // [store-local order time, business days, delivery day]
    ['2030-07-01T09:00', 0, '2030-07-01'], // Monday, same day
    ['2030-07-01T09:00', 4, '2030-07-05'], // Monday + 4 → Friday
    ['2030-07-05T09:00', 0, '2030-07-05'], // Friday, same day
    ['2030-07-05T09:00', 1, '2030-07-08'], // Friday + 1 → Monday
    ['2030-07-05T23:59', 2, '2030-07-09'], // late Friday still counts as Friday (no cut-off)
    ['2030-07-06T12:00', 0, '2030-07-08'], // Saturday → Monday
    ['2030-07-06T12:00', 1, '2030-07-09'], // Saturday + 1 → Tuesday
    ['2030-07-07T12:00', 1, '2030-07-09'], // Sunday + 1 → Tuesday
    ['2030-07-04T12:00', 10, '2030-07-18'], // Thursday + 10 → Thursday two weeks on
  ];
  for (const [local, days, expected] of rows) {
    const now = DateTime.fromISO(local, { zone: berlin }).toJSDate();
    assert.equal(businessDaysFrom(now, berlin, days), expected, `${local} + ${days}`);
  }
});

test('the day is the store’s: one instant is Friday in New York and Saturday in Tokyo', () => {
  const now = new Date('2030-07-05T22:30:00Z'); // Fri 18:30 New York, Sat 00:30 Berlin, Sat 07:30 Tokyo
  assert.deepEqual(deliveryWindow(now, 'America/New_York', 1, 2), {
    earliest: '2030-07-08',
    latest: '2030-07-09',
  });
  assert.deepEqual(deliveryWindow(now, berlin, 1, 2), { earliest: '2030-07-09', latest: '2030-07-10' });
  assert.deepEqual(deliveryWindow(now, 'Asia/Tokyo', 0, 0), { earliest: '2030-07-08', latest: '2030-07-08' });
  assert.deepEqual(deliveryWindow(now, 'UTC', 0, 1), { earliest: '2030-07-05', latest: '2030-07-08' });
});

test('a clock change inside the window moves no day', () => {
  // Berlin leaves summer time on Sunday 27 October 2030.
  const now = DateTime.fromISO('2030-10-25T23:30', { zone: berlin }).toJSDate();
  assert.equal(businessDaysFrom(now, berlin, 1), '2030-10-28');
  assert.equal(businessDaysFrom(now, berlin, 2), '2030-10-29');
});

test('property: windows land on weekdays, in order, exactly n weekdays after the start', () => {
  const zones = ['UTC', berlin, 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.constantFrom(...zones),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 30 }),
      (now, zone, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const { earliest, latest } = deliveryWindow(now, zone, min, max);
        const first = DateTime.fromISO(earliest, { zone: 'UTC' });
        const last = DateTime.fromISO(latest, { zone: 'UTC' });
        assert.ok(first.weekday <= 5 && last.weekday <= 5, `${earliest} ${latest}`);
        assert.ok(earliest <= latest);
        // Counting weekdays independently: from the local order day, n weekdays after the first
        // weekday on or after it.
        const local = DateTime.fromJSDate(now, { zone }).toISODate()!;
        let day = DateTime.fromISO(local, { zone: 'UTC' });
        while (day.weekday > 5) day = day.plus({ days: 1 });
        let weekdays = 0;
        for (let d = day; d < last; d = d.plus({ days: 1 })) if (d.weekday <= 5) weekdays++;
        assert.equal(weekdays, max);
        assert.ok(latest >= local);
      },
    ),
    { numRuns: 300 },
  );
});
