// The SLA clock in business hours of the store's zone: across a weekend, from a start outside the
// hours, over a closed date and a daylight-saving change; and a ticket's state against its targets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addBusinessMinutes,
  type BusinessHours,
  businessMinutesBetween,
  weekdayOfficeHours,
} from './business-hours.ts';
import { defaultSlaPolicy, ticketSla } from './ticket-sla.ts';

const berlin = weekdayOfficeHours('Europe/Berlin');
const iso = (d: Date) => d.toISOString();

test('two business hours from Friday 16:00 in Berlin are Monday 10:00 (the weekend does not count)', () => {
  // Friday 6 March 2026, 16:00 CET = 15:00 UTC.
  const due = addBusinessMinutes(new Date('2026-03-06T15:00:00Z'), 120, berlin);
  assert.equal(iso(due), '2026-03-09T09:00:00.000Z'); // Monday 10:00 CET
  assert.equal(businessMinutesBetween(new Date('2026-03-06T15:00:00Z'), due, berlin), 120);
});

test('a ticket written on Saturday starts its clock at Monday’s opening', () => {
  const due = addBusinessMinutes(new Date('2026-03-07T10:00:00Z'), 60, berlin);
  assert.equal(iso(due), '2026-03-09T09:00:00.000Z'); // Monday 09:00 CET + 1 h
  assert.equal(
    businessMinutesBetween(new Date('2026-03-07T10:00:00Z'), new Date('2026-03-09T08:30:00Z'), berlin),
    30,
  );
});

test('a closed date is skipped, and the hours follow the wall clock across the change to summer time', () => {
  const withHoliday: BusinessHours = { ...berlin, closedDates: ['2026-03-30'] };
  // Friday 27 March 16:00 CET (15:00 UTC) + 2 h: the clocks go forward on Sunday 29 March and
  // Monday 30 is closed, so Tuesday 31 March 10:00 CEST = 08:00 UTC.
  assert.equal(
    iso(addBusinessMinutes(new Date('2026-03-27T15:00:00Z'), 120, withHoliday)),
    '2026-03-31T08:00:00.000Z',
  );
});

test('a ticket against its targets: met, due soon, breached', () => {
  const createdAt = new Date('2026-03-06T15:00:00Z'); // Friday 16:00 Berlin, urgent: 1 h to answer
  const ticket = { priority: 'urgent' as const, createdAt, firstResponseAt: null, solvedAt: null };
  const fridayLate = ticketSla(ticket, defaultSlaPolicy, berlin, new Date('2026-03-06T15:55:00Z'));
  assert.equal(fridayLate.firstResponse.state, 'due_soon');
  assert.equal(fridayLate.firstResponse.minutesLeft, 5);
  const weekend = ticketSla(ticket, defaultSlaPolicy, berlin, new Date('2026-03-07T12:00:00Z'));
  assert.equal(weekend.firstResponse.state, 'breached', 'due at Friday 17:00');
  assert.equal(weekend.firstResponse.minutesLeft, 0, 'no business minutes have passed since');
  const monday = ticketSla(ticket, defaultSlaPolicy, berlin, new Date('2026-03-09T08:30:00Z'));
  assert.equal(monday.firstResponse.minutesLeft, -30);
  assert.equal(iso(monday.resolution.dueAt), '2026-03-09T15:00:00.000Z'); // 8 business hours: 1 Friday + 7 Monday
  assert.equal(monday.resolution.state, 'running');
  const answered = ticketSla(
    { ...ticket, firstResponseAt: new Date('2026-03-06T15:30:00Z') },
    defaultSlaPolicy,
    berlin,
    new Date('2026-03-09T08:30:00Z'),
  );
  assert.deepEqual([answered.firstResponse.state, answered.firstResponse.minutesLeft], ['met', null]);
});
