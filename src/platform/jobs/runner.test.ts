import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import type { Database } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { createJobRunner, enqueueJob, type JobRunnerOptions } from './index.ts';
import { jobSchedules, jobs } from './schema.ts';

const logger = pino({ level: 'silent' });

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

for (const target of testDatabaseTargets()) {
  describe(`job runner (${target.label})`, () => {
    let database: Database;
    let n = 0;
    /** A job name of its own per test, so tests sharing the database do not see each other's jobs. */
    const uniqueName = (base: string) => `${base}.${++n}`;
    const runner = (options: Partial<JobRunnerOptions> = {}) =>
      createJobRunner({ database, logger, pollMs: 20, retry: { baseMs: 25, maxMs: 1000 }, ...options });
    const jobOf = async (id: string) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    test('runs an enqueued job once with its payload', async () => {
      const name = uniqueName('greet');
      const seen: unknown[] = [];
      const r = runner();
      r.register(name, async (payload, ctx) => {
        seen.push({ payload, attempt: ctx.attempt });
      });
      const id = await r.enqueue(database.db, name, { to: 'world' });
      assert.equal(await r.runDueJobsOnce(), 1);
      assert.equal(await r.runDueJobsOnce(), 0);
      assert.deepEqual(seen, [{ payload: { to: 'world' }, attempt: 1 }]);
      const row = await jobOf(id!);
      assert.equal(row.status, 'completed');
      assert.ok(row.finishedAt);
    });

    test('a job enqueued in a rolled-back transaction never exists', async () => {
      const name = uniqueName('rolled-back');
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await enqueueJob(tx, name, {});
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal((await database.db.select().from(jobs).where(eq(jobs.name, name))).length, 0);
    });

    test('does not run a job before its runAt', async () => {
      const name = uniqueName('later');
      let runs = 0;
      const r = runner();
      r.register(name, () => {
        runs++;
      });
      await r.enqueue(database.db, name, {}, { runAt: new Date(Date.now() + 60_000) });
      assert.equal(await r.runDueJobsOnce(), 0);
      assert.equal(runs, 0);
    });

    test('retries a failed job after an exponential backoff, then succeeds', async () => {
      const name = uniqueName('flaky');
      const attempts: number[] = [];
      // A backoff of seconds, not milliseconds: on a busy machine the steps below can take a few
      // hundred milliseconds, and the retry must still be ahead when the test looks for it.
      const r = runner({ retry: { baseMs: 1000, maxMs: 10_000 } });
      r.register(name, (_payload, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) throw new Error('receiver unavailable');
      });
      const id = (await r.enqueue(database.db, name, {}))!;
      await r.runDueJobsOnce();
      let row = await jobOf(id);
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.equal(row.lastError, 'receiver unavailable');
      const [{ waitMs }] = (await database.db
        .select({ waitMs: sql<number>`extract(epoch from ${jobs.runAt} - now()) * 1000` })
        .from(jobs)
        .where(eq(jobs.id, id))) as [{ waitMs: number }];
      // The first retry is due 75–100 % of base·2 = 1.5–2 s after the failure, a moment ago.
      assert.ok(Number(waitMs) > 0 && Number(waitMs) <= 2000, `retry in ${waitMs} ms`);
      assert.equal(await r.runDueJobsOnce(), 0, 'not retried before the backoff elapsed');
      await waitFor(async () => (await r.runDueJobsOnce()) > 0);
      row = await jobOf(id);
      assert.equal(row.status, 'completed');
      assert.deepEqual(attempts, [1, 2]);
    });

    test('gives up after maxAttempts and keeps the last error', async () => {
      const name = uniqueName('broken');
      let runs = 0;
      const r = runner({ retry: { baseMs: 1, maxMs: 5 } });
      r.register(name, (_payload, ctx) => {
        runs++;
        throw new Error(`failure ${ctx.attempt}`);
      });
      const id = (await r.enqueue(database.db, name, {}, { maxAttempts: 3 }))!;
      await waitFor(async () => {
        await r.runDueJobsOnce();
        return (await jobOf(id)).status === 'failed';
      });
      const row = await jobOf(id);
      assert.equal(row.attempts, 3);
      assert.equal(row.lastError, 'failure 3');
      assert.ok(row.finishedAt);
      await sleep(20);
      await r.runDueJobsOnce();
      assert.equal(runs, 3);
    });

    test('a job whose handler outlives timeoutMs fails that attempt and sees its signal aborted', async () => {
      const name = uniqueName('slow');
      let aborted = false;
      const r = runner();
      r.register(
        name,
        (_payload, ctx) =>
          new Promise<void>((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            });
          }),
        { timeoutMs: 50 },
      );
      const id = (await r.enqueue(database.db, name, {}))!;
      await r.runDueJobsOnce();
      assert.ok(aborted);
      const row = await jobOf(id);
      assert.equal(row.status, 'pending');
      assert.match(row.lastError ?? '', /timed out after 50 ms/);
    });

    test('uniqueKey allows one unfinished job per key', async () => {
      const name = uniqueName('dedupe');
      const r = runner();
      r.register(name, () => {});
      const first = await r.enqueue(database.db, name, {}, { uniqueKey: `${name}:k` });
      const second = await r.enqueue(database.db, name, {}, { uniqueKey: `${name}:k` });
      assert.ok(first);
      assert.equal(second, null);
      await r.runDueJobsOnce();
      const third = await r.enqueue(database.db, name, {}, { uniqueKey: `${name}:k` });
      assert.ok(third && third !== first, 'a finished job frees its key');
    });

    test("a crashed worker's job is claimed again once its lock lapses, not before", async () => {
      const name = uniqueName('orphan');
      const attempts: number[] = [];
      const r = runner();
      r.register(name, (_p, ctx) => {
        attempts.push(ctx.attempt);
      });
      const lapsed = (await r.enqueue(database.db, name, {}))!;
      const held = (await r.enqueue(database.db, name, {}))!;
      // What a worker that claimed these and then died leaves behind.
      await database.db
        .update(jobs)
        .set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(jobs.id, lapsed));
      await database.db
        .update(jobs)
        .set({ status: 'running', attempts: 1, lockedUntil: sql`now() + interval '1 hour'` })
        .where(eq(jobs.id, held));
      assert.equal(await r.runDueJobsOnce(), 1);
      assert.deepEqual(attempts, [2]);
      assert.equal((await jobOf(lapsed)).status, 'completed');
      assert.equal((await jobOf(held)).status, 'running');
    });

    test('a job whose worker died during its last attempt is marked failed', async () => {
      const name = uniqueName('orphan-last');
      const r = runner();
      let runs = 0;
      r.register(name, () => {
        runs++;
      });
      const id = (await r.enqueue(database.db, name, {}, { maxAttempts: 2 }))!;
      await database.db
        .update(jobs)
        .set({ status: 'running', attempts: 2, lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(jobs.id, id));
      await r.runDueJobsOnce();
      assert.equal(runs, 0);
      const row = await jobOf(id);
      assert.equal(row.status, 'failed');
      assert.match(row.lastError ?? '', /worker stopped/);
    });

    test('two runners share the queue: every job runs exactly once, within each concurrency limit', async () => {
      const name = uniqueName('shared');
      const runsById = new Map<string, number>();
      let maxInOneRunner = 0;
      const makeRunner = () => {
        const r = runner();
        let mine = 0;
        r.register(
          name,
          async (payload: { i: number }) => {
            mine++;
            maxInOneRunner = Math.max(maxInOneRunner, mine);
            await sleep(5);
            runsById.set(String(payload.i), (runsById.get(String(payload.i)) ?? 0) + 1);
            mine--;
          },
          { concurrency: 3 },
        );
        return r;
      };
      const a = makeRunner();
      const b = makeRunner();
      for (let i = 0; i < 20; i++) await a.enqueue(database.db, name, { i });
      await waitFor(async () => {
        await Promise.all([a.runDueJobsOnce(), b.runDueJobsOnce()]);
        return runsById.size === 20;
      });
      assert.deepEqual([...new Set(runsById.values())], [1]);
      assert.equal(maxInOneRunner, 3, 'each runner ran up to, and never more than, 3 at a time');
    });

    test('a schedule enqueues one job per period even with two runners', async () => {
      const jobName = uniqueName('nightly');
      const scheduleName = `${jobName}-schedule`;
      const payloads: unknown[] = [];
      const runners = [runner(), runner()];
      for (const r of runners) {
        r.register(jobName, (payload) => {
          payloads.push(payload);
        });
        await r.schedule({ name: scheduleName, jobName, everySeconds: 3600, payload: { report: 'daily' } });
      }
      const runBoth = () => Promise.all(runners.map((r) => r.runDueJobsOnce()));
      await runBoth();
      await runBoth();
      assert.deepEqual(payloads, [{ report: 'daily' }]);
      const [schedule] = await database.db
        .select()
        .from(jobSchedules)
        .where(eq(jobSchedules.name, scheduleName));
      const ahead = schedule!.nextRunAt.getTime() - Date.now();
      assert.ok(ahead > 3500_000 && ahead <= 3600_000, `next run in ${ahead} ms`);

      // Scheduling again at start-up (every instance does) does not pull the next run forward.
      await runners[0]!.schedule({
        name: scheduleName,
        jobName,
        everySeconds: 3600,
        payload: { report: 'daily' },
      });
      await runBoth();
      assert.equal(payloads.length, 1);

      // Three periods pass while everything is down: one run, not three, and the next is in the future.
      await database.db
        .update(jobSchedules)
        .set({ nextRunAt: sql`now() - interval '3 hours' + interval '1 minute'` })
        .where(eq(jobSchedules.name, scheduleName));
      await runBoth();
      await runBoth();
      assert.equal(payloads.length, 2);
      const [advanced] = await database.db
        .select()
        .from(jobSchedules)
        .where(eq(jobSchedules.name, scheduleName));
      const nextIn = advanced!.nextRunAt.getTime() - Date.now();
      assert.ok(nextIn > 0 && nextIn <= 60_000, `next run in ${nextIn} ms`);
      assert.equal(await runners[0]!.unschedule(scheduleName), true);
    });

    test('start() polls in the background and stop() waits for the running handler', async () => {
      const name = uniqueName('background');
      let finished = false;
      const r = runner();
      r.register(name, async () => {
        await sleep(100);
        finished = true;
      });
      r.start();
      const id = (await r.enqueue(database.db, name, {}))!;
      await waitFor(async () => (await jobOf(id)).status === 'running');
      await r.stop();
      assert.ok(finished, 'stop() returned only after the handler finished');
      assert.equal((await jobOf(id)).status, 'completed');
      // Stopped: nothing new is claimed.
      const later = (await r.enqueue(database.db, name, {}))!;
      await sleep(100);
      assert.equal((await jobOf(later)).status, 'pending');
      await r.runDueJobsOnce();
    });

    test('stop() gives back a job whose handler outlives the shutdown timeout', async () => {
      const name = uniqueName('stuck');
      const r = runner({ shutdownTimeoutMs: 50 });
      r.register(
        name,
        (_p, ctx) => new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve())),
      );
      r.start();
      const id = (await r.enqueue(database.db, name, {}))!;
      await waitFor(async () => (await jobOf(id)).status === 'running');
      await r.stop();
      const row = await jobOf(id);
      assert.equal(row.status, 'pending');
      assert.equal(row.lockedUntil, null);
      const next = runner();
      let ran = false;
      next.register(name, () => {
        ran = true;
      });
      await next.runDueJobsOnce();
      assert.ok(ran, 'another instance picks it up at once');
    });
  });
}
