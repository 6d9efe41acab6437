import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import pino from 'pino';
import { makeStore } from '../../../test/support/app-harness.ts';
import { runAt } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createJobRunner } from '../../platform/jobs/index.ts';
import { jobs } from '../../platform/jobs/schema.ts';
import { getMail, listMail, registerMailJobs } from '../../platform/mail/index.ts';
import { systemActor } from '../access/index.ts';
import { addGroupMembers, createCustomerGroup } from '../customers/groups/customer-groups.ts';
import {
  findOrCreateGuestCustomer,
  type MarketingConsentSource,
  recordMarketingConsent,
  updateCustomer,
  withdrawMarketingConsent,
} from '../customers/index.ts';
import { customerMarketingConsents } from '../customers/schema.ts';
import { createSegment } from '../customers/segments/segments.ts';
import { followDeliveries, registerNewsletterJobs, runNewsletterSending } from './newsletter-sending.ts';
import { updateNewsletterSettings } from './newsletter-settings.ts';
import { createNewsletter, getNewsletter, scheduleNewsletter } from './newsletters.ts';
import { newsletterRecipients, newsletters } from './schema.ts';

const actor = systemActor('test');
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const logger = pino({ level: 'silent' });

for (const target of testDatabaseTargets()) {
  describe(`newsletter sending on ${target.label}`, () => {
    let database: Database;
    let storeCount = 0;

    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    const newStore = async (perMinute: number, trackingEnabled = false) => {
      const store = await makeStore(
        database,
        `nl-${target.label.toLowerCase().replace(/\W/g, '')}-${++storeCount}`,
      );
      await updateNewsletterSettings(database.db, store.id, actor, {
        messagesPerMinute: perMinute,
        trackingEnabled,
      });
      return store;
    };
    const customer = (storeId: string, email: string, consent: MarketingConsentSource | null, seconds = 0) =>
      runAt(at(seconds), () =>
        database.db.transaction(async (tx) => {
          const c = await findOrCreateGuestCustomer(tx, storeId, { email });
          if (consent) await recordMarketingConsent(tx, storeId, c.id, { source: consent });
          return c;
        }),
      );
    const withdraw = (storeId: string, customerId: string, seconds: number) =>
      runAt(at(seconds), () =>
        database.db.transaction((tx) =>
          withdrawMarketingConsent(tx, storeId, customerId, { source: 'admin' }),
        ),
      );
    const grant = (storeId: string, customerId: string, seconds: number) =>
      runAt(at(seconds), () =>
        database.db.transaction((tx) => recordMarketingConsent(tx, storeId, customerId, { source: 'admin' })),
      );
    const scheduled = async (
      storeId: string,
      audience: Parameters<typeof createNewsletter>[3]['audience'],
    ) => {
      const draft = await createNewsletter(database.db, storeId, actor, {
        subject: 'Spring news',
        preheader: 'New linen',
        bodyHtml:
          '<h1>Spring</h1><p>See <a href="https://shop.example.test/linen">the linen</a>.</p><script>x()</script>',
        audience,
      });
      await runAt(t0, () => scheduleNewsletter(database.db, storeId, actor, draft.id, {}));
      return draft.id;
    };
    const recipients = (newsletterId: string) =>
      database.db
        .select()
        .from(newsletterRecipients)
        .where(eq(newsletterRecipients.newsletterId, newsletterId));

    test('batches keep to the store’s messages per minute on the business clock', async () => {
      const store = await newStore(3);
      for (let i = 0; i < 7; i++) await customer(store.id, `rate${i}@example.test`, 'signup_form');
      const id = await scheduled(store.id, { kind: 'all' });
      const run = (seconds: number) =>
        runAt(at(seconds), () => runNewsletterSending(database.db, store.id, id));
      const queuedCount = async () => (await recipients(id)).filter((r) => r.status === 'queued').length;

      assert.deepEqual(await run(0), { state: 'more', notBefore: at(60) });
      assert.equal(await queuedCount(), 3);
      // Half a minute later the window is still full: nothing more, the same moment to come back.
      assert.deepEqual(await run(30), { state: 'more', notBefore: at(60) });
      assert.equal(await queuedCount(), 3);
      assert.deepEqual(await run(60), { state: 'more', notBefore: at(120) });
      assert.equal(await queuedCount(), 6);
      assert.deepEqual(await run(120), { state: 'finished' });
      assert.equal(await queuedCount(), 7);
      const newsletter = await getNewsletter(database.db, store.id, id);
      assert.equal(newsletter.status, 'sent');
      assert.equal(newsletter.figures.recipients, 7);
      // Each message once: running again queues nothing.
      assert.deepEqual(await run(300), { state: 'stopped' });
      assert.equal(
        (await listMail(database.db, store.id, { entityType: 'newsletter', entityId: id })).length,
        7,
      );
    });

    test('each recipient has a status: queued, sent by the mail job, or skipped when consent went meanwhile', async () => {
      const store = await newStore(1);
      const first = await customer(store.id, 'first@example.test', 'signup_form');
      const second = await customer(store.id, 'second@example.test', 'signup_form');
      const never = await customer(store.id, 'never@example.test', null);
      const id = await scheduled(store.id, { kind: 'all' });
      await runAt(at(0), () => runNewsletterSending(database.db, store.id, id));
      const [queuedFirst] = (await recipients(id)).filter((r) => r.status === 'queued');
      const waiting = queuedFirst!.customerId === first.id ? second : first;
      await withdraw(store.id, waiting.id, 10);
      assert.deepEqual(await runAt(at(61), () => runNewsletterSending(database.db, store.id, id)), {
        state: 'finished',
      });
      const runner = createJobRunner({ database, logger, retry: { baseMs: 1, maxMs: 5 } });
      registerMailJobs(runner, {});
      while ((await runner.runDueJobsOnce()) > 0);
      const newsletter = await getNewsletter(database.db, store.id, id);
      // The figures follow the mail layer once asked (the admin's reads do).
      await followDeliveries(database.db, id);
      const rows = await recipients(id);
      assert.equal(rows.length, 2, 'a customer without consent is never a recipient');
      assert.ok(!rows.some((r) => r.customerId === never.id));
      const statusOf = (customerId: string) => rows.find((r) => r.customerId === customerId)?.status;
      assert.equal(statusOf(queuedFirst!.customerId), 'sent');
      assert.equal(statusOf(waiting.id), 'skipped_no_consent');
      assert.equal(newsletter.figures.skippedNoConsent, 1);
      const mails = await listMail(database.db, store.id, { entityType: 'newsletter', entityId: id });
      assert.equal(mails.length, 1);
      const mail = await getMail(database.db, store.id, mails[0]!.id);
      assert.match(
        mail.headers?.['List-Unsubscribe'] ?? '',
        /^<http:\/\/localhost:3000\/s\/[^/]+\/unsubscribe\?token=[\w-]+>$/,
      );
      assert.equal(mail.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      assert.ok(!mail.html?.includes('<script'), 'the body was cleaned');
      assert.match(mail.html ?? '', /New linen/);
    });

    test('opens and clicks are measured only where the store allows it and the consent covers it', async () => {
      const tracking = await newStore(100, true);
      const optedIn = await customer(tracking.id, 'opted@example.test', 'double_opt_in');
      const imported = await customer(tracking.id, 'imported@example.test', 'import');
      const id = await scheduled(tracking.id, { kind: 'all' });
      await runAt(at(0), () => runNewsletterSending(database.db, tracking.id, id));
      const rows = await recipients(id);
      const html = async (customerId: string) => {
        const row = rows.find((r) => r.customerId === customerId)!;
        return (await getMail(database.db, tracking.id, row.mailMessageId!)).html ?? '';
      };
      assert.equal(rows.find((r) => r.customerId === optedIn.id)?.tracked, true);
      assert.match(await html(optedIn.id), /\/newsletters\/open\//);
      assert.match(await html(optedIn.id), /\/newsletters\/click\/[\w-]+\/0/);
      assert.doesNotMatch(await html(optedIn.id), /href="https:\/\/shop\.example\.test\/linen"/);
      assert.equal(rows.find((r) => r.customerId === imported.id)?.tracked, false);
      assert.doesNotMatch(await html(imported.id), /\/newsletters\/(open|click)\//);
      assert.match(await html(imported.id), /href="https:\/\/shop\.example\.test\/linen"/);

      const untracked = await newStore(100, false);
      await customer(untracked.id, 'opted@example.test', 'double_opt_in');
      const other = await scheduled(untracked.id, { kind: 'all' });
      await runAt(at(0), () => runNewsletterSending(database.db, untracked.id, other));
      const [row] = await recipients(other);
      assert.equal(row?.tracked, false);
      const mail = await getMail(database.db, untracked.id, row!.mailMessageId!);
      assert.doesNotMatch(mail.html ?? '', /\/newsletters\/(open|click)\//);
    });

    test('the job sends it all in runs, and a run repeated after a crash queues nobody twice', async () => {
      const store = await newStore(2);
      for (let i = 0; i < 5; i++) await customer(store.id, `job${i}@example.test`, 'signup_form');
      const id = await scheduled(store.id, { kind: 'all' });
      // A crash after the audience was resolved but before it was marked so: resolved again, nobody twice.
      await runAt(at(0), () => runNewsletterSending(database.db, store.id, id));
      await database.db.update(newsletters).set({ audienceResolved: false }).where(eq(newsletters.id, id));
      await runAt(at(61), () => runNewsletterSending(database.db, store.id, id));
      assert.equal((await recipients(id)).length, 5);
      // The job chain finishes it: each run enqueues the next for when the rate allows.
      const runner = createJobRunner({ database, logger, retry: { baseMs: 1, maxMs: 5 } });
      registerNewsletterJobs(runner);
      registerMailJobs(runner, {});
      await database.db
        .update(jobs)
        .set({ runAt: new Date(0) })
        .where(eq(jobs.status, 'pending'));
      for (let i = 0; i < 20 && (await getNewsletter(database.db, store.id, id)).status !== 'sent'; i++) {
        await runner.runDueJobsOnce();
        // The next run waits for the rate's minute; a test does not wait: it is made due now.
        await database.db
          .update(jobs)
          .set({ runAt: new Date(0) })
          .where(eq(jobs.status, 'pending'));
      }
      assert.equal((await getNewsletter(database.db, store.id, id)).status, 'sent');
      const mails = await listMail(database.db, store.id, { entityType: 'newsletter', entityId: id });
      assert.equal(mails.length, 5);
      assert.equal(new Set(mails.map((m) => m.to[0])).size, 5, 'one message per recipient');
    });

    test('property: no message is ever queued to a customer without consent at that moment', async () => {
      const scenario = fc.record({
        customers: fc.array(
          fc.record({ consents: fc.boolean(), tagged: fc.boolean(), grouped: fc.boolean() }),
          { minLength: 1, maxLength: 6 },
        ),
        audience: fc.constantFrom('all', 'segment', 'group'),
        perMinute: fc.integer({ min: 1, max: 2 }),
        // Between runs: withdraw or grant a customer's consent, or let a minute pass.
        steps: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat() }),
            fc.record({ kind: fc.constant('grant' as const), who: fc.nat() }),
            fc.record({ kind: fc.constant('run' as const), who: fc.constant(0) }),
            fc.record({ kind: fc.constant('minute' as const), who: fc.constant(0) }),
          ),
          { minLength: 2, maxLength: 10 },
        ),
      });
      await fc.assert(
        fc.asyncProperty(scenario, async ({ customers: people, audience, perMinute, steps }) => {
          const store = await newStore(perMinute);
          const ids: string[] = [];
          for (const [i, p] of people.entries()) {
            const c = await customer(store.id, `p${i}@example.test`, p.consents ? 'signup_form' : null);
            if (p.tagged) {
              await database.db.transaction((tx) =>
                updateCustomer(tx, store.id, c.id, { tags: ['vip'] }, { source: 'admin', actor }),
              );
            }
            ids.push(c.id);
          }
          const group = await createCustomerGroup(database.db, store.id, actor, { name: 'Friends' });
          const grouped = ids.filter((_, i) => people[i]!.grouped);
          if (grouped.length > 0)
            await addGroupMembers(database.db, store.id, actor, group.id, { customerIds: grouped });
          const segment = await createSegment(database.db, store.id, actor, {
            name: 'VIP',
            match: 'all',
            rules: [{ field: 'tag', operator: 'equals', value: 'vip' }],
          });
          const id = await scheduled(
            store.id,
            audience === 'all'
              ? { kind: 'all' }
              : audience === 'segment'
                ? { kind: 'segment', id: segment.id }
                : { kind: 'group', id: group.id },
          );
          let seconds = 1;
          const run = () => runAt(at(seconds), () => runNewsletterSending(database.db, store.id, id));
          // The first run resolves the audience; what follows happens while it is being sent.
          await run();
          for (const step of steps) {
            seconds += step.kind === 'minute' ? 60 : 1;
            const who = ids[step.who % ids.length]!;
            if (step.kind === 'withdraw') await withdraw(store.id, who, seconds);
            if (step.kind === 'grant') await grant(store.id, who, seconds);
            if (step.kind === 'run') await run();
          }
          for (let i = 0; i < 20 && (await run()).state === 'more'; i++) seconds += 61;

          const rows = await recipients(id);
          for (const row of rows.filter((r) => r.queuedAt !== null && r.status !== 'failed')) {
            const log = await database.db
              .select()
              .from(customerMarketingConsents)
              .where(
                and(
                  eq(customerMarketingConsents.storeId, store.id),
                  eq(customerMarketingConsents.customerId, row.customerId),
                ),
              );
            const latest = log
              .filter((e) => e.recordedAt.getTime() <= row.queuedAt!.getTime())
              .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || (a.id < b.id ? 1 : -1))[0];
            assert.equal(latest?.status, 'granted', `${row.email} got a message without consent`);
            const index = ids.indexOf(row.customerId);
            const inAudience =
              audience === 'all' || (audience === 'segment' ? people[index]!.tagged : people[index]!.grouped);
            assert.ok(inAudience, `${row.email} is not in the audience`);
          }
          const mails = await listMail(database.db, store.id, { entityType: 'newsletter', entityId: id });
          assert.equal(
            mails.length,
            rows.filter((r) => r.mailMessageId).length,
            'a message per queued recipient, once',
          );
          // Those who consented throughout and are in the audience got exactly one.
          const untouched = ids.filter(
            (cid, i) =>
              people[i]!.consents &&
              !steps.some(
                (s) => s.kind !== 'run' && s.kind !== 'minute' && ids[s.who % ids.length] === cid,
              ) &&
              (audience === 'all' || (audience === 'segment' ? people[i]!.tagged : people[i]!.grouped)),
          );
          for (const cid of untouched) {
            assert.equal(rows.find((r) => r.customerId === cid)?.status, 'queued');
          }
        }),
        { numRuns: 20 },
      );
    });
  });
}
