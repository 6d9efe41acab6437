// The due times kept on a ticket row say what the pure clock says: for any creation time, priority
// and moment, "breached" and "due soon" read from the kept times (as the list's filter reads them)
// agree with `ticketSla`'s states, across nights, weekends, closed dates and a daylight-saving change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ticketPriorities } from '../schema.ts';
import type { BusinessHours } from './business-hours.ts';
import { dueTimesOf } from './ticket-due-times.ts';
import { defaultSlaPolicy, ticketSla } from './ticket-sla.ts';

const hours: BusinessHours = {
  timezone: 'Europe/Paris',
  days: {
    1: { open: '09:00', close: '17:00' },
    2: { open: '09:00', close: '17:00' },
    3: { open: '09:00', close: '17:00' },
    4: { open: '09:00', close: '17:00' },
    5: { open: '09:00', close: '13:00' },
    6: { open: '10:00', close: '12:00' },
  },
  closedDates: ['2026-03-30', '2026-04-06'],
};

test('the kept due times agree with the pure clock’s breached and due-soon states', () => {
  const start = Date.parse('2026-03-20T00:00:00Z'); // a week before the clocks go forward in Paris
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 20 * 24 * 60 }),
      fc.integer({ min: 0, max: 20 * 24 * 60 }),
      fc.constantFrom(...ticketPriorities),
      (createdMinute, laterMinutes, priority) => {
        const createdAt = new Date(start + createdMinute * 60_000);
        const now = new Date(createdAt.getTime() + laterMinutes * 60_000);
        const due = dueTimesOf({ priority, createdAt }, defaultSlaPolicy, hours);
        const sla = ticketSla(
          { priority, createdAt, firstResponseAt: null, solvedAt: null },
          defaultSlaPolicy,
          hours,
          now,
        );
        const stateFrom = (dueAt: Date, dueSoonAt: Date) =>
          dueAt <= now ? 'breached' : dueSoonAt <= now ? 'due_soon' : 'running';
        assert.equal(sla.firstResponse.dueAt.getTime(), due.firstResponseDueAt.getTime());
        assert.equal(stateFrom(due.firstResponseDueAt, due.firstResponseDueSoonAt), sla.firstResponse.state);
        assert.equal(stateFrom(due.resolutionDueAt, due.resolutionDueSoonAt), sla.resolution.state);
      },
    ),
    { numRuns: 2000 },
  );
});
