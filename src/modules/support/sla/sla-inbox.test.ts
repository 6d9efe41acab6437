// A store's SLA through the admin API: settings and their validation (nothing written on a refusal,
// audited when saved), the inbox list's `sla` clocks and its breached / due-soon filter over a
// weekend in the store's zone (Europe/Paris business hours), a new priority moving the due times,
// the breach job emitting each warning once, and the briefing's summary.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../../test/support/app-harness.ts';
import { runAt } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { defaultSlaPolicy, sendSlaAlerts, supportSlaSummary } from '../index.ts';

const actor = systemActor('sla test');
const weekday = { open: '09:00', close: '17:00' };
const settings = {
  targets: {
    urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    normal: { firstResponseMinutes: 120, resolutionMinutes: 480 },
    low: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  },
  hours: {
    days: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday },
    closedDates: ['2026-03-10'],
  },
};

for (const target of testDatabaseTargets()) {
  describe(`support SLA on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let base: string;

    const open = (at: string, priority: string, subject: string) =>
      runAt(new Date(at), async () => {
        const res = await api({
          method: 'POST',
          url: `${base}/tickets`,
          payload: { subject, body: 'Hello', requesterEmail: 'sla@example.com', priority },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().ticket as { id: string; number: number };
      });
    const list = (at: string, query = '') =>
      runAt(new Date(at), async () => {
        const res = await api({ method: 'GET', url: `${base}/tickets?limit=200${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items as {
          id: string;
          subject: string;
          sla: Record<'firstResponse' | 'resolution', { dueAt: string; state: string; minutesLeft: number }>;
        }[];
      });
    const events = async (type: string) =>
      (
        await database.execute<{ payload: { ticketId: string; clock: string } }>(
          'select payload from outbox_events where type = $1 and store_id = $2',
          [type, store.id],
        )
      ).map((e) => `${e.payload.ticketId}:${e.payload.clock}`);

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: `sla-${process.pid}`,
        name: 'SLA shop',
        baseCurrency: 'EUR',
        timezone: 'Europe/Paris',
      });
      base = `/api/admin/stores/${store.id}/support`;
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['support:read', 'support:write']));
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    test('settings: the defaults first; bad targets and hours are refused with a code and nothing is kept', async () => {
      const initial = (await api({ method: 'GET', url: `${base}/sla` })).json();
      assert.deepEqual(initial.targets, defaultSlaPolicy);
      assert.equal(initial.timezone, 'Europe/Paris');
      assert.equal(initial.custom, false);
      assert.deepEqual(initial.hours.days['1'], weekday);
      assert.equal(initial.hours.days['6'], undefined, 'closed on Saturdays');

      const refused = async (payload: object, status: number, code: string) => {
        const res = await api({ method: 'PUT', url: `${base}/sla`, payload });
        assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.code, code);
        return res.json().error;
      };
      const withTarget = (value: unknown) => ({
        ...settings,
        targets: { ...settings.targets, high: { firstResponseMinutes: value, resolutionMinutes: 480 } },
      });
      assert.equal(
        (await refused(withTarget(0), 422, 'invalid_sla_target')).details.path,
        'targets.high.firstResponseMinutes',
      );
      await refused(withTarget(-5), 422, 'invalid_sla_target');
      await refused(withTarget(1.5), 422, 'invalid_sla_target');
      await refused(withTarget('60'), 400, 'validation_failed');
      await refused(withTarget(600), 422, 'resolution_before_first_response');
      await refused(
        { ...settings, hours: { days: { 1: { open: '17:00', close: '09:00' } } } },
        422,
        'close_before_open',
      );
      await refused(
        { ...settings, hours: { days: { 1: { open: '09:00', close: '09:00' } } } },
        422,
        'close_before_open',
      );
      await refused({ ...settings, hours: { days: {} } }, 422, 'no_business_hours');
      await refused(
        { ...settings, hours: { days: { 1: { open: '9am', close: '17:00' } } } },
        400,
        'validation_failed',
      );
      await refused({ ...settings, hours: { days: { 8: weekday } } }, 400, 'validation_failed');
      await refused(
        { ...settings, hours: { ...settings.hours, closedDates: ['2026-02-30'] } },
        400,
        'validation_failed',
      );
      await refused(
        { ...settings, targets: { ...settings.targets, low: undefined } },
        400,
        'validation_failed',
      );
      await refused({ ...settings, extra: 1 }, 400, 'validation_failed');
      assert.equal((await api({ method: 'GET', url: `${base}/sla` })).json().custom, false);

      const viewer = withApiKey(sp.app, await makeApiKey(database, store.id, ['support:read']));
      assert.equal((await viewer({ method: 'PUT', url: `${base}/sla`, payload: settings })).statusCode, 403);

      const saved = await api({ method: 'PUT', url: `${base}/sla`, payload: settings });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().custom, true);
      assert.deepEqual(saved.json().targets, settings.targets);
      assert.deepEqual(saved.json().hours.closedDates, ['2026-03-10']);
      const [audit] = await database.execute<{ action: string }>(
        `select action from audit_log where store_id = $1 and action = 'support.sla_updated'`,
        [store.id],
      );
      assert.equal(audit?.action, 'support.sla_updated');
    });

    test('the list shows each row’s clocks and filters breached / due soon across a weekend in Paris', async () => {
      // Friday 6 March 2026, 16:00 in Paris (15:00 UTC): one business hour left that day, so a
      // 2-hour first response is due Monday 10:00 Paris.
      const normal = await open('2026-03-06T15:00:00Z', 'normal', 'Friday normal');
      const urgent = await open('2026-03-06T15:00:00Z', 'urgent', 'Friday urgent');

      const saturday = await list('2026-03-07T12:00:00Z');
      const row = saturday.find((r) => r.id === normal.id)!;
      assert.equal(row.sla.firstResponse.dueAt, '2026-03-09T09:00:00.000Z');
      assert.equal(row.sla.firstResponse.state, 'running');
      assert.equal(row.sla.firstResponse.minutesLeft, 60, 'the weekend does not count');
      // 8 business hours: 1 on Friday, 7 on Monday (9:00–16:00 Paris).
      assert.equal(row.sla.resolution.dueAt, '2026-03-09T15:00:00.000Z');
      const urgentRow = saturday.find((r) => r.id === urgent.id)!;
      assert.equal(urgentRow.sla.firstResponse.state, 'breached');
      assert.equal(urgentRow.sla.firstResponse.dueAt, '2026-03-06T15:30:00.000Z');

      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      assert.deepEqual(ids(await list('2026-03-07T12:00:00Z', '&sla=breached')), [urgent.id]);
      assert.deepEqual(
        ids(await list('2026-03-07T12:00:00Z', '&sla=due_soon')),
        [],
        'an hour of two left is not due soon',
      );
      // Monday 09:40 Paris: 20 minutes left of 120 (under a fifth).
      const monday = await list('2026-03-09T08:40:00Z', '&sla=due_soon');
      assert.deepEqual(ids(monday), [normal.id]);
      assert.equal(monday[0]!.sla.firstResponse.state, 'due_soon');
      assert.equal(monday[0]!.sla.firstResponse.minutesLeft, 20);
      assert.deepEqual(ids(await list('2026-03-09T08:40:00Z', '&sla=breached')), [urgent.id]);
      const late = await list('2026-03-09T09:30:00Z', '&sla=breached');
      assert.deepEqual(ids(late), [normal.id, urgent.id].sort());
      assert.equal(late.find((r) => r.id === normal.id)!.sla.firstResponse.minutesLeft, -30);

      // An answer stops the first-response clock: the ticket leaves the breached list until its resolution is due.
      const [message] = (await api({ method: 'GET', url: `${base}/tickets/${normal.id}` })).json().messages;
      const reply = await runAt(new Date('2026-03-09T09:45:00Z'), () =>
        api({
          method: 'POST',
          url: `${base}/tickets/${normal.id}/replies`,
          payload: { body: 'On its way', lastSeenMessageId: message.id },
        }),
      );
      assert.equal(reply.statusCode, 201, reply.body);
      assert.deepEqual(ids(await list('2026-03-09T10:00:00Z', '&sla=breached')), [urgent.id]);
      const answered = (await list('2026-03-09T10:00:00Z')).find((r) => r.id === normal.id)!;
      assert.equal(answered.sla.firstResponse.state, 'missed');
      // The resolution was due Monday 16:00 Paris; Tuesday 10 March is a closed date: on Tuesday
      // evening it is breached by Monday's last hour only, by two hours on Wednesday 10:00 Paris.
      const tuesday = (await list('2026-03-10T18:00:00Z', '&sla=breached')).find((r) => r.id === normal.id)!;
      assert.equal(tuesday.sla.resolution.minutesLeft, -60);
      const wednesday = (await list('2026-03-11T09:00:00Z')).find((r) => r.id === normal.id)!;
      assert.equal(wednesday.sla.resolution.minutesLeft, -120);

      // Solved: no clock runs, in no filter.
      const solved = await runAt(new Date('2026-03-11T09:00:00Z'), () =>
        api({ method: 'PATCH', url: `${base}/tickets/${normal.id}`, payload: { status: 'solved' } }),
      );
      assert.equal(solved.statusCode, 200, solved.body);
      assert.deepEqual(ids(await list('2026-03-11T10:00:00Z', '&sla=breached')), [urgent.id]);
      assert.equal(
        (await list('2026-03-11T10:00:00Z')).find((r) => r.id === normal.id)!.sla.resolution.state,
        'missed',
      );
      const bad = await api({ method: 'GET', url: `${base}/tickets?sla=late` });
      assert.equal(bad.statusCode, 400);
    });

    test('a new priority moves the due times, and the filter follows', async () => {
      const ticket = await open('2026-03-12T09:00:00Z', 'low', 'Thursday low');
      assert.deepEqual(
        (await list('2026-03-12T10:00:00Z', '&sla=breached')).filter((r) => r.id === ticket.id),
        [],
      );
      const res = await runAt(new Date('2026-03-12T09:05:00Z'), () =>
        api({ method: 'PATCH', url: `${base}/tickets/${ticket.id}`, payload: { priority: 'urgent' } }),
      );
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().ticket.firstResponseDueAt, '2026-03-12T09:30:00.000Z');
      const breached = await list('2026-03-12T10:00:00Z', '&sla=breached');
      assert.ok(breached.some((r) => r.id === ticket.id));
      await runAt(new Date('2026-03-12T10:05:00Z'), () =>
        api({ method: 'PATCH', url: `${base}/tickets/${ticket.id}`, payload: { status: 'closed' } }),
      );
    });

    test('the breach job warns an hour ahead and at the breach, once per ticket and clock; the summary counts', async () => {
      const store2 = await createStore(database.db, actor, {
        handle: `sla-job-${process.pid}`,
        name: 'SLA job shop',
        baseCurrency: 'EUR',
        timezone: 'Europe/Paris',
      });
      const api2 = withApiKey(
        sp.app,
        await makeApiKey(database, store2.id, ['support:read', 'support:write']),
      );
      assert.equal(
        (await api2({ method: 'PUT', url: `/api/admin/stores/${store2.id}/support/sla`, payload: settings }))
          .statusCode,
        200,
      );
      store = store2;
      base = `/api/admin/stores/${store2.id}/support`;
      api = api2;
      // Monday 16 March, 09:00 Paris (08:00 UTC): a normal ticket (first response due 11:00 Paris = 10:00 UTC).
      const ticket = await open('2026-03-16T08:00:00Z', 'normal', 'Monday normal');

      await runAt(new Date('2026-03-16T07:50:00Z'), () => sendSlaAlerts(database.db));
      assert.deepEqual(await events('support.sla_due_soon'), [], 'more than an hour ahead');
      const first = await sendSlaAlerts(database.db, new Date('2026-03-16T09:10:00Z'));
      assert.ok(first.dueSoon >= 1);
      assert.deepEqual(await events('support.sla_due_soon'), [`${ticket.id}:first_response`]);
      await sendSlaAlerts(database.db, new Date('2026-03-16T09:20:00Z'));
      assert.deepEqual(await events('support.sla_due_soon'), [`${ticket.id}:first_response`], 'sent once');
      assert.deepEqual(await events('support.sla_breached'), []);

      const summaryBefore = await supportSlaSummary(database.db, store2.id, new Date('2026-03-16T09:30:00Z'));
      assert.deepEqual(summaryBefore, { breached: 0, dueToday: 1, unassignedBreached: 0 });

      await sendSlaAlerts(database.db, new Date('2026-03-16T10:30:00Z'));
      await Promise.all([
        sendSlaAlerts(database.db, new Date('2026-03-16T10:31:00Z')),
        sendSlaAlerts(database.db, new Date('2026-03-16T10:32:00Z')),
      ]);
      assert.deepEqual(
        await events('support.sla_breached'),
        [`${ticket.id}:first_response`],
        'once, even run twice at once',
      );

      const summary = await supportSlaSummary(database.db, store2.id, new Date('2026-03-16T10:30:00Z'));
      assert.equal(summary.breached, 1);
      assert.equal(summary.unassignedBreached, 1);
      assert.equal(summary.dueToday, 0);
      assert.equal(summary.oldestBreachedTicket?.id, ticket.id);
      assert.equal(summary.oldestBreachedTicket?.dueAt.toISOString(), '2026-03-16T10:00:00.000Z');

      // The resolution (8 business hours: due 17:00 Paris) gets its own warnings.
      await sendSlaAlerts(database.db, new Date('2026-03-16T15:30:00Z'));
      await sendSlaAlerts(database.db, new Date('2026-03-16T16:30:00Z'));
      await sendSlaAlerts(database.db, new Date('2026-03-16T16:40:00Z'));
      assert.deepEqual((await events('support.sla_due_soon')).sort(), [
        `${ticket.id}:first_response`,
        `${ticket.id}:resolution`,
      ]);
      assert.deepEqual((await events('support.sla_breached')).sort(), [
        `${ticket.id}:first_response`,
        `${ticket.id}:resolution`,
      ]);

      // "Today" is the store's day on business hours: a ticket opened at 16:30 Paris on Monday has
      // 30 minutes of its 2 hours left at closing and falls due Tuesday 10:30. Late on Monday evening
      // it is not today's; on Tuesday morning it is.
      const late = await open('2026-03-16T15:30:00Z', 'normal', 'Monday late');
      const lateTicket = await api({ method: 'GET', url: `${base}/tickets/${late.id}` });
      assert.equal(lateTicket.json().ticket.firstResponseDueAt, '2026-03-17T09:30:00.000Z');
      const mondayNight = await supportSlaSummary(database.db, store2.id, new Date('2026-03-16T22:53:00Z'));
      assert.equal(mondayNight.dueToday, 0, 'nothing else falls due before midnight in Paris');
      assert.equal(mondayNight.breached, 1);
      const tuesdayMorning = await supportSlaSummary(
        database.db,
        store2.id,
        new Date('2026-03-17T07:00:00Z'),
      );
      assert.equal(tuesdayMorning.dueToday, 1);
    });
  });
}
