import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { Browser, makeMember, startTestApp, type TestApp } from '../../../../test/support/app-harness.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { type Database, openDatabase } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, systemActor } from '../../access/index.ts';

/** The store's wall clock `seconds` from now, as a person in that time zone would type it. */
const storeClockIn = (timezone: string, seconds: number) =>
  DateTime.now().setZone(timezone).plus({ seconds }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The same data opened twice, as two successive processes would: a PGlite directory, or one PostgreSQL database. */
async function reopenableStorage(target: ReturnType<typeof testDatabaseTargets>[number]) {
  if (target.kind === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'storepilot-schedule-'));
    return {
      open: () => openDatabase({ dataDir: dir }),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const fixture = await target.create();
  const [row] = await fixture.execute<{ name: string }>('select current_database() as name');
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return {
    open: () => openDatabase({ url: url.toString(), poolSize: 3 }),
    dispose: () => fixture.close(),
  };
}

/** The whole app with its background work on, polling fast. */
function runningApp(database: Database) {
  const config = {
    ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}),
    jobs: true,
    jobPollMs: 25,
  };
  return buildApp({ config, database });
}

for (const target of testDatabaseTargets()) {
  describe(`scheduled publish on ${target.label}`, () => {
    test('a publish planned at a local time fires after the app was closed and a new one opened on the same database', async () => {
      const storage = await reopenableStorage(target);
      const lead = 6;
      try {
        const first = await storage.open();
        let product: { id: string; handle: string };
        let runAt: number;
        const app = await runningApp(first);
        try {
          const store = await createStore(first.db, systemActor('test'), {
            handle: 'kyoto-tea',
            name: 'Kyoto Tea',
            baseCurrency: 'JPY',
            timezone: 'Asia/Tokyo',
          });
          const owner = await Browser.signIn(app.app, (await makeMember(first, store.id, 'owner')).email);
          const base = '/api/admin/stores/kyoto-tea/products';
          const created = await owner.request({
            method: 'POST',
            url: base,
            payload: { title: 'Sencha Tin', price: { amount: 1800 } },
          });
          product = created.json().product;
          const asked = Date.now();
          const planned = await owner.request({
            method: 'POST',
            url: `${base}/${product.id}/schedules`,
            payload: { action: 'publish', at: storeClockIn('Asia/Tokyo', lead) },
          });
          assert.equal(planned.statusCode, 201, planned.body);
          runAt = new Date(planned.json().schedule.runAt).getTime();
          // The Tokyo wall-clock time, to the second, is the instant `lead` seconds after asking.
          assert.ok(
            runAt > asked + (lead - 1) * 1000 && runAt <= asked + lead * 1000 + 1000,
            `runAt ${runAt - asked} ms`,
          );
        } finally {
          await app.close();
          await first.close();
        }
        assert.ok(Date.now() < runAt, 'closed before the planned time (the machine is too slow otherwise)');

        const second = await storage.open();
        try {
          const [before] = await second.execute<{ status: string }>(
            'select status from products where id = $1',
            [product.id],
          );
          assert.equal(before?.status, 'draft', 'nothing fired before the planned time');
          const restarted = await runningApp(second);
          try {
            await until(
              async () => {
                const res = await restarted.app.inject({ url: `/s/kyoto-tea/products/${product.handle}` });
                return res.statusCode === 200;
              },
              30_000,
              'the product on the storefront',
            );
            assert.ok(Date.now() >= runAt - 50, 'not before its time');
            const [schedule] = await second.execute<{ state: string }>(
              'select state from product_schedules where product_id = $1',
              [product.id],
            );
            assert.equal(schedule?.state, 'done');
            const audit = await second.execute<{ action: string; actor_label: string }>(
              "select action, actor_label from audit_log where entity_id = $1 and action = 'product.published'",
              [product.id],
            );
            assert.equal(audit.length, 1);
            assert.match(audit[0]!.actor_label, /\(scheduled\)$/);
            const events = await second.execute<{ type: string }>(
              "select type from outbox_events where payload->>'id' = $1 and type = 'product.published'",
              [product.id],
            );
            assert.equal(events.length, 1);
          } finally {
            await restarted.close();
          }
        } finally {
          await second.close();
        }
      } finally {
        await storage.dispose();
      }
    });
  });

  describe(`scheduled changes that moved on (${target.label})`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let content: Browser;
    const base = '/api/admin/stores/dune/products';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'dune',
        name: 'Dune',
        baseCurrency: 'EUR',
        timezone: 'Europe/Lisbon',
      });
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const statusOf = async (id: string) =>
      (await owner.request({ method: 'GET', url: `${base}/${id}` })).json().product.status as string;
    const plan = (id: string, action: string, seconds: number) =>
      owner.request({
        method: 'POST',
        url: `${base}/${id}/schedules`,
        payload: { action, at: storeClockIn('Europe/Lisbon', seconds) },
      });

    test('a moved plan fires at the new time only; a cancelled one never fires', async () => {
      const id = (
        await owner.request({
          method: 'POST',
          url: base,
          payload: { title: 'Cork Coaster', price: { amount: 900 } },
        })
      ).json().product.id;
      // Times are whole seconds, so "in 1 s" can be nearly now: a loaded machine answering late would
      // find it past (422). Three seconds ahead, moved to twelve.
      const first = await plan(id, 'publish', 3);
      assert.equal(first.statusCode, 201);
      const moved = await plan(id, 'publish', 12);
      assert.equal(moved.statusCode, 200);
      const oldTime = new Date(first.json().schedule.runAt).getTime();
      const newTime = new Date(moved.json().schedule.runAt).getTime();
      await sleep(Math.max(0, oldTime - Date.now()) + 200);
      assert.ok(Date.now() < newTime, 'still before the new time (the machine is too slow otherwise)');
      assert.equal(await sp.jobs.runDueJobsOnce(), 1, 'the job for the old time ran…');
      assert.equal(await statusOf(id), 'draft', '…and did nothing');
      await sleep(Math.max(0, newTime - Date.now()) + 200);
      await sp.jobs.runDueJobsOnce();
      assert.equal(await statusOf(id), 'active');

      const off = await plan(id, 'unpublish', 3);
      assert.equal(off.statusCode, 201);
      const cancel = await owner.request({
        method: 'DELETE',
        url: `${base}/${id}/schedules/${off.json().schedule.id}`,
      });
      assert.equal(cancel.statusCode, 200);
      await sleep(Math.max(0, new Date(off.json().schedule.runAt).getTime() - Date.now()) + 200);
      await sp.jobs.runDueJobsOnce();
      assert.equal(await statusOf(id), 'active');
    });

    test('a planned publish whose review reopened meanwhile fails with the reason, audited, and publishes nothing', async () => {
      const id = (
        await content.request({
          method: 'POST',
          url: base,
          payload: { title: 'Sand Timer', price: { amount: 2500 } },
        })
      ).json().product.id;
      await content.request({ method: 'POST', url: `${base}/${id}/submit-for-review`, payload: {} });
      const early = await plan(id, 'publish', 60);
      assert.equal(early.statusCode, 409, 'not planned before approval');
      assert.equal(early.json().error.code, 'review_pending');
      await owner.request({ method: 'POST', url: `${base}/${id}/approve`, payload: {} });
      const planned = await plan(id, 'publish', 1);
      assert.equal(planned.statusCode, 201, planned.body);
      // The editor changes the text after approval: the review starts over.
      await content.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { title: 'Sand Timer, 3 minutes' },
      });
      await sleep(Math.max(0, new Date(planned.json().schedule.runAt).getTime() - Date.now()) + 200);
      await sp.jobs.runDueJobsOnce();
      assert.equal(await statusOf(id), 'draft');
      const workflow = (await owner.request({ method: 'GET', url: `${base}/${id}/workflow` })).json()
        .workflow;
      assert.deepEqual(workflow.schedules, []);
      assert.equal(workflow.recentSchedules[0].state, 'failed');
      assert.match(workflow.recentSchedules[0].outcome, /^review_pending:/);
      const audit = (
        await owner.request({
          method: 'GET',
          url: `/api/admin/stores/dune/audit?entityId=${id}&action=product.scheduled_publish_failed`,
        })
      ).json();
      assert.equal(audit.items.length, 1);
    });

    test('publishing by hand cancels the planned publish', async () => {
      const id = (
        await owner.request({
          method: 'POST',
          url: base,
          payload: { title: 'Olive Bowl', price: { amount: 3100 } },
        })
      ).json().product.id;
      const planned = await plan(id, 'publish', 3600);
      assert.equal(planned.statusCode, 201);
      assert.equal((await owner.request({ method: 'POST', url: `${base}/${id}/publish` })).statusCode, 200);
      const workflow = (await owner.request({ method: 'GET', url: `${base}/${id}/workflow` })).json()
        .workflow;
      assert.deepEqual(workflow.schedules, []);
      assert.equal(workflow.recentSchedules[0].state, 'cancelled');
    });
  });
}
