// Support metrics on a known week of tickets (response and resolution times in calendar and business
// minutes, volume and backlog per day, share within SLA, by agent and channel) and the CSAT survey
// end to end: queued when a ticket is solved (not for spam, at most once), mailed by the job after
// the delay with two one-click links, the rating kept once whatever is clicked after, an optional
// comment with the form's CSRF token, and the figures in the metrics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  makeApiKey,
  makeMember,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import { runAt } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { mailMessages } from '../../../platform/mail/schema.ts';
import { csrfOf, TestShopper, textOf } from '../../../storefront/checkout/testing/test-shopper.ts';
import { createStore, findUserByEmail, type Store, systemActor } from '../../access/index.ts';
import { supportCsatSurveys } from '../csat/schema.ts';
import { sendDueCsatSurveys } from '../index.ts';

const actor = systemActor('metrics test');

for (const target of testDatabaseTargets()) {
  describe(`support metrics and CSAT on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let base: string;
    const ids: Record<string, string> = {};

    const at = <T>(iso: string, fn: () => Promise<T>) => runAt(new Date(iso), fn);
    const open = (iso: string, name: string, tags: string[] = []) =>
      at(iso, async () => {
        const res = await api({
          method: 'POST',
          url: `${base}/tickets`,
          payload: {
            subject: name,
            body: 'Hello',
            requesterEmail: `${name.toLowerCase()}@example.com`,
            tags,
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[name] = res.json().ticket.id;
      });
    const answer = (iso: string, name: string, status = 'pending') =>
      at(iso, async () => {
        const detail = (await api({ method: 'GET', url: `${base}/tickets/${ids[name]}` })).json();
        const res = await api({
          method: 'POST',
          url: `${base}/tickets/${ids[name]}/replies`,
          payload: { body: 'Answer', lastSeenMessageId: detail.messages.at(-1).id, status },
        });
        assert.equal(res.statusCode, 201, res.body);
      });
    const change = (iso: string, name: string, payload: object) =>
      at(iso, async () => {
        const res = await api({ method: 'PATCH', url: `${base}/tickets/${ids[name]}`, payload });
        assert.equal(res.statusCode, 200, res.body);
      });
    const surveyLinks = async (name: string) => {
      const [mail] = await database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.entityId, ids[name]!))
        .then((rows) => rows.filter((m) => m.topic === 'transactional.support_satisfaction'));
      assert.ok(mail, `a survey mail for ${name}`);
      const links = [...mail.html!.matchAll(/href="[^"]*(\/support\/rate\/[^"?]+)\?rating=(good|bad)"/g)];
      return Object.fromEntries(links.map((m) => [m[2], `/s/${store.handle}${m[1]}?rating=${m[2]}`]));
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: `metrics-${process.pid}`,
        name: 'Metrics shop',
        baseCurrency: 'EUR',
        locale: 'en',
      });
      base = `/api/admin/stores/${store.id}/support`;
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['support:read', 'support:write']));
      const agent = await makeMember(database, store.id, 'support');
      const agentId = (await findUserByEmail(database.db, agent.email))!.id;

      // Default SLA (normal: first response 8 h, resolution 24 business hours), Mon–Fri 9–17 UTC.
      await open('2026-03-02T09:00:00Z', 'T1'); // Monday
      await change('2026-03-02T09:01:00Z', 'T1', { assigneeId: agentId });
      await answer('2026-03-02T10:00:00Z', 'T1');
      await change('2026-03-02T12:00:00Z', 'T1', { status: 'solved' });
      await open('2026-03-02T09:00:00Z', 'T2');
      await answer('2026-03-03T09:00:00Z', 'T2', 'solved'); // Tuesday: a day later, 8 business hours
      await open('2026-03-03T10:00:00Z', 'T3');
      await answer('2026-03-03T10:30:00Z', 'T3');
      await open('2026-03-06T16:00:00Z', 'T4'); // Friday, answered and solved Monday 10:00
      await answer('2026-03-09T10:00:00Z', 'T4', 'solved');
      await open('2026-03-04T09:00:00Z', 'Spam', ['spam']);
      await change('2026-03-04T09:05:00Z', 'Spam', { status: 'solved' });
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    test('surveys: queued on solving (not for spam), mailed after the delay, once', async () => {
      const surveys = await database.db.select().from(supportCsatSurveys);
      assert.deepEqual(surveys.map((s) => s.ticketId).sort(), [ids.T1, ids.T2, ids.T4].sort());
      const t1 = surveys.find((s) => s.ticketId === ids.T1)!;
      assert.equal(t1.sendAfter.toISOString(), '2026-03-02T13:00:00.000Z', 'an hour after solving');
      assert.equal(await sendDueCsatSurveys(database.db, new Date('2026-03-02T12:30:00Z')), 0);
      assert.equal(await sendDueCsatSurveys(database.db, new Date('2026-03-04T08:00:00Z')), 2);
      assert.equal(await sendDueCsatSurveys(database.db, new Date('2026-03-04T09:00:00Z')), 0, 'once');

      // Solved again after being reopened: still one survey.
      await change('2026-03-04T10:00:00Z', 'T1', { status: 'open' });
      await change('2026-03-04T10:30:00Z', 'T1', { status: 'solved' });
      assert.equal(await sendDueCsatSurveys(database.db, new Date('2026-03-05T10:00:00Z')), 0);
      const mails = await database.db.select().from(mailMessages).where(eq(mailMessages.entityId, ids.T1!));
      assert.equal(mails.filter((m) => m.topic === 'transactional.support_satisfaction').length, 1);
      const [mail] = mails.filter((m) => m.topic === 'transactional.support_satisfaction');
      assert.match(mail!.subject, /How did we do with your request #1\?/);
      assert.ok(
        !JSON.stringify(await database.db.select().from(supportCsatSurveys)).includes(
          (await surveyLinks('T1')).good!.split('/rate/')[1]!.split('?')[0]!,
        ),
        'only the token’s digest is stored',
      );
    });

    test('the rating link: first click counts, then single use; an optional comment with CSRF', async () => {
      const links = await surveyLinks('T1');
      const shopper = new TestShopper(sp);
      const good = await shopper.get(links.good!);
      assert.equal(good.statusCode, 200);
      assert.equal(good.headers['cache-control'], 'private, no-store');
      assert.match(textOf(good.body), /glad we could help/);
      const again = await shopper.get(links.good!);
      assert.match(textOf(again.body), /already recorded/);
      const other = await shopper.get(links.bad!);
      assert.match(textOf(other.body), /already recorded/);
      const [survey] = await database.db
        .select()
        .from(supportCsatSurveys)
        .where(eq(supportCsatSurveys.ticketId, ids.T1!));
      assert.equal(survey!.rating, 'good', 'the first rating stands');

      const path = links.good!.split('?')[0]!;
      let res = await shopper.post(path, { comment: 'Quick and kind' });
      assert.equal(res.statusCode, 403, 'without the form’s token');
      res = await shopper.post(path, { comment: 'Quick and kind', _csrf: csrfOf(other.body) });
      assert.equal(res.statusCode, 303);
      res = await shopper.post(path, { comment: 'Changed my mind', _csrf: csrfOf(other.body) });
      const after = await shopper.get(path);
      assert.match(textOf(after.body), /your comment is with our team/);
      const [commented] = await database.db
        .select()
        .from(supportCsatSurveys)
        .where(eq(supportCsatSurveys.ticketId, ids.T1!));
      assert.equal(commented!.comment, 'Quick and kind', 'one comment per survey');

      const unknown = await shopper.get(`/s/${store.handle}/support/rate/not-a-token?rating=good`);
      assert.equal(unknown.statusCode, 404);
      assert.match(textOf(unknown.body), /expired or is not valid/);
      const weird = await shopper.get(`${path.replace(/rate\/.*/, 'rate/x')}?rating=excellent`);
      assert.equal(weird.statusCode, 404);
    });

    test('metrics of the week: times, volume, backlog, SLA share, CSAT, by agent and channel', async () => {
      const res = await at('2026-03-10T12:00:00Z', () =>
        api({ method: 'GET', url: `${base}/metrics?from=2026-03-02&to=2026-03-08` }),
      );
      assert.equal(res.statusCode, 200, res.body);
      const m = res.json();
      assert.equal(m.created, 5);
      // First responses (calendar): 30, 60, 1440, 3960 minutes; in business minutes 30, 60, 120, 480.
      // Quantiles interpolate between the closest ranks: p90 = x[2] + 0.7 × (x[3] − x[2]).
      assert.deepEqual(m.firstResponse, {
        count: 4,
        medianMinutes: 750,
        p90Minutes: 3204,
        medianBusinessMinutes: 90,
        p90BusinessMinutes: 372,
      });
      // Solved (created in the week): T1 (reopened, solved Wed 10:30), T2 Tue 09:00, T4 Mon 9th 10:00, Spam 5 min.
      assert.equal(m.resolution.count, 4);
      assert.deepEqual(
        m.days.map((d: { date: string; created: number; solved: number; backlog: number }) => [
          d.date,
          d.created,
          d.solved,
          d.backlog,
        ]),
        [
          ['2026-03-02', 2, 0, 2],
          ['2026-03-03', 1, 1, 2],
          ['2026-03-04', 1, 2, 1],
          ['2026-03-05', 0, 0, 1],
          ['2026-03-06', 1, 0, 2],
          ['2026-03-07', 0, 0, 2],
          ['2026-03-08', 0, 0, 2],
        ],
      );
      assert.equal(m.solved, 3);
      assert.equal(m.backlog.now, 1, 'T3 waits');
      // First response within 8 business hours: all but T2 (answered the next morning).
      assert.deepEqual(m.withinSla.firstResponse, { met: 4, judged: 5, share: 0.8 });
      // Resolution within 24 business hours: T3 (still open) breached it.
      assert.deepEqual(m.withinSla.resolution, { met: 4, judged: 5, share: 0.8 });
      assert.deepEqual(m.csat, {
        score: 1,
        good: 1,
        bad: 0,
        responses: 1,
        surveysSent: 2,
        responseRate: 0.5,
      });
      const agentRow = m.byAgent.find((g: { assigneeId: string | null }) => g.assigneeId !== null);
      assert.equal(agentRow.created, 1);
      assert.equal(agentRow.csat.score, 1);
      assert.equal(m.byAgent.find((g: { assigneeId: string | null }) => g.assigneeId === null).created, 4);
      assert.deepEqual(
        m.byChannel.map((g: { channel: string; created: number }) => [g.channel, g.created]),
        [['staff', 5]],
      );

      const bad = async (query: string, code: string, status = 422) => {
        const r = await api({ method: 'GET', url: `${base}/metrics?${query}` });
        assert.equal(r.statusCode, status, r.body);
        assert.equal(r.json().error.code, code);
      };
      await bad('from=2026-03-09&to=2026-03-02', 'invalid_period');
      await bad('from=2024-01-01&to=2026-03-02', 'period_too_long');
      await bad('from=yesterday', 'validation_failed', 400);
      await bad('from=2026-03-01&extra=1', 'validation_failed', 400);
    });
  });
}
