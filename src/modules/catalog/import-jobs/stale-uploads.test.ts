// Housekeeping of uploaded product CSVs: unapplied uploads expire after a day, files that outlived
// their import go after the retention period, files no import holds go; import records stay.
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { Browser, makeMember, makeStore } from '../../../../test/support/app-harness.ts';
import { buildApp, type StorepilotApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createLogger } from '../../../platform/logging.ts';
import { removeStaleImportUploads, STALE_IMPORT_UPLOADS_JOB } from './stale-uploads.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const fromNow = (ms: number) => new Date(Date.now() + ms);

/** A small Shopify file; `n` makes its bytes (and so its stored file) its own. */
const csv = (n: number) =>
  `Handle,Title,Variant SKU,Variant Price,Status\nmug-${n},Mug ${n},MUG-${n},12.00,draft\n`;

for (const target of testDatabaseTargets()) {
  describe(`stale import uploads on ${target.label}`, () => {
    let database: Database;
    let sp: StorepilotApp;
    let uploadsDir: string;
    let storage: LocalDiskBlobStorage;
    let manager: Browser;
    const base = '/api/admin/stores/uploads';
    const logLines: string[] = [];

    before(async () => {
      database = await target.create();
      uploadsDir = await mkdtemp(path.join(tmpdir(), 'storepilot-stale-uploads-'));
      storage = new LocalDiskBlobStorage({ dataDir: uploadsDir });
      const config = { ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}), jobs: false };
      const sink = new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      sp = await buildApp({ config, database, importStorage: storage, logger: createLogger('info', sink) });
      const store = await makeStore(database, 'uploads', 'USD');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
      await rm(uploadsDir, { recursive: true, force: true });
    });

    const runJobs = async () => {
      while ((await sp.jobs.runDueJobsOnce()) > 0) {}
    };
    /** Uploads a file and lets its check run: the import waits, checked, to be applied. */
    async function checkedImport(text: string): Promise<{ id: string; fileKey: string }> {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/csv' }), 'mugs.csv');
      const res = await manager.request({ method: 'POST', url: `${base}/imports`, payload: form });
      assert.equal(res.statusCode, 202, res.body);
      const id = res.json().import.id as string;
      await runJobs();
      const row = await importRow(id);
      assert.equal(row.status, 'checked');
      return { id, fileKey: row.file_key };
    }
    async function importRow(id: string) {
      const [row] = await database.execute<{
        status: string;
        file_key: string;
        file_removed_at: string | null;
        file_removed_reason: string | null;
      }>('select status, file_key, file_removed_at, file_removed_reason from product_imports where id = $1', [
        id,
      ]);
      return row!;
    }
    const view = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${base}/imports/${id}` })).json().import;

    test('a checked file nobody applies expires after 24 hours: discarded, audited, file removed, record kept', async () => {
      const waiting = await checkedImport(csv(1));
      const soon = await removeStaleImportUploads(database.db, storage, { now: fromNow(23 * HOUR) });
      assert.deepEqual([soon.expired.length, soon.filesRemoved], [0, 0]);

      const dry = await removeStaleImportUploads(database.db, storage, {
        now: fromNow(25 * HOUR),
        dryRun: true,
      });
      assert.deepEqual(
        dry.expired.map((e) => [e.importId, e.removedFile]),
        [[waiting.id, true]],
      );
      assert.equal((await importRow(waiting.id)).status, 'checked', 'a dry run changes nothing');
      assert.equal(await storage.exists(waiting.fileKey), true);

      const report = await removeStaleImportUploads(database.db, storage, { now: fromNow(25 * HOUR) });
      assert.deepEqual(
        report.expired.map((e) => [e.importId, e.removedFile]),
        [[waiting.id, true]],
      );
      assert.equal(report.filesRemoved, 1);
      assert.equal(report.bytesRemoved, Buffer.byteLength(csv(1)));
      assert.equal(await storage.exists(waiting.fileKey), false);
      const row = await importRow(waiting.id);
      assert.deepEqual([row.status, row.file_removed_reason], ['discarded', 'expired']);
      const shown = await view(waiting.id);
      assert.equal(shown.status, 'discarded');
      assert.equal(shown.fileRemoved.reason, 'expired');
      assert.equal(shown.check.products, 1, 'the check report stays');
      const [audit] = await database.execute<{ action: string; actor_type: string }>(
        'select action, actor_type from audit_log where entity_id = $1 order by at desc, id desc limit 1',
        [waiting.id],
      );
      assert.deepEqual([audit!.action, audit!.actor_type], ['product_import.expired', 'system']);
      const apply = await manager.request({ method: 'POST', url: `${base}/imports/${waiting.id}/apply` });
      assert.equal(apply.statusCode, 409);
      assert.equal(apply.json().error.code, 'import_discarded');
    });

    test('an expiring upload keeps a file another waiting import uploaded too', async () => {
      const old = await checkedImport(csv(2));
      const fresh = await checkedImport(csv(2));
      assert.equal(old.fileKey, fresh.fileKey, 'identical bytes are one stored file');
      await database.execute(
        "update product_imports set checked_at = now() - interval '2 days' where id = $1",
        [old.id],
      );
      const report = await removeStaleImportUploads(database.db, storage);
      assert.deepEqual(
        report.expired.map((e) => [e.importId, e.removedFile]),
        [[old.id, false]],
      );
      assert.equal(await storage.exists(fresh.fileKey), true);
      assert.equal((await importRow(fresh.id)).status, 'checked');
      const applied = await manager.request({ method: 'POST', url: `${base}/imports/${fresh.id}/apply` });
      assert.equal(applied.statusCode, 202, applied.body);
      await runJobs();
      assert.equal((await importRow(fresh.id)).status, 'done');
      assert.equal(await storage.exists(fresh.fileKey), false, 'let go when the last holder finished');
    });

    test('a finished import lets go of its file at once, and the record says so', async () => {
      const { id, fileKey } = await checkedImport(csv(3));
      await manager.request({ method: 'POST', url: `${base}/imports/${id}/apply` });
      await runJobs();
      const row = await importRow(id);
      assert.deepEqual([row.status, row.file_removed_reason], ['done', 'finished']);
      assert.ok(row.file_removed_at);
      assert.equal(await storage.exists(fileKey), false);
      assert.equal((await view(id)).fileRemoved.reason, 'finished');
    });

    test('a file left behind by a finished import goes after the retention period (7 days, configurable)', async () => {
      const { id, fileKey } = await checkedImport(csv(4));
      await manager.request({ method: 'DELETE', url: `${base}/imports/${id}` });
      // As if the server stopped between discarding the import and removing its file.
      await storage.put(Buffer.from(csv(4)), { contentType: 'text/csv' });
      await database.execute(
        'update product_imports set file_removed_at = null, file_removed_reason = null where id = $1',
        [id],
      );

      const within = await removeStaleImportUploads(database.db, storage, { now: fromNow(3 * DAY) });
      assert.deepEqual(within.retention, []);
      assert.equal(await storage.exists(fileKey), true, 'held by the import record for its retention');

      const shorter = await removeStaleImportUploads(database.db, storage, {
        now: fromNow(3 * DAY),
        retentionDays: 2,
      });
      assert.deepEqual(
        shorter.retention.map((r) => [r.importId, r.removedFile]),
        [[id, true]],
      );
      assert.equal(await storage.exists(fileKey), false);
      const row = await importRow(id);
      assert.deepEqual([row.status, row.file_removed_reason], ['discarded', 'retention']);

      const again = await removeStaleImportUploads(database.db, storage, { now: fromNow(8 * DAY) });
      assert.deepEqual(again.retention, [], 'each import once');
    });

    test('stored files no import holds go after a day; a fresh one (an upload in progress) stays', async () => {
      const stray = await storage.put(Buffer.from('Handle,Title\nlost,Lost upload\n'), {
        contentType: 'text/csv',
      });
      const waiting = await checkedImport(csv(5));
      const now = await removeStaleImportUploads(database.db, storage);
      assert.deepEqual(now.orphans, []);
      const later = await removeStaleImportUploads(database.db, storage, { now: fromNow(23 * HOUR) });
      assert.deepEqual(later.orphans, []);
      const dayAfter = await removeStaleImportUploads(database.db, storage, {
        now: fromNow(25 * HOUR),
        dryRun: true,
      });
      assert.deepEqual(
        dayAfter.orphans.map((o) => o.key),
        [stray.key],
        'the waiting import’s file is not an orphan',
      );
      assert.equal(await storage.exists(stray.key), true);
      const real = await removeStaleImportUploads(database.db, storage, { now: fromNow(25 * HOUR) });
      assert.deepEqual(
        real.orphans.map((o) => o.key),
        [stray.key],
      );
      assert.equal(await storage.exists(stray.key), false);
      assert.equal(await storage.exists(waiting.fileKey), false, 'expired with its import');
    });

    test('the hourly job does the same and logs counts only', async () => {
      const stray = await storage.put(Buffer.from('Handle,Title\nold,Old upload\n'), {
        contentType: 'text/csv',
      });
      const twoDaysAgo = new Date(Date.now() - 2 * DAY);
      const file = path.join(storage.rootDir, stray.key.slice(0, 2), stray.key.slice(2, 4), stray.key);
      await utimes(file, twoDaysAgo, twoDaysAgo);
      await sp.jobs.enqueue(database.db, STALE_IMPORT_UPLOADS_JOB, {});
      assert.equal(await sp.jobs.runDueJobsOnce(), 1);
      assert.equal(await storage.exists(stray.key), false);
      const line = logLines.find((l) => l.includes('stale import uploads removed'));
      assert.ok(line, logLines.join(''));
      assert.deepEqual((({ orphans, filesRemoved }) => ({ orphans, filesRemoved }))(JSON.parse(line)), {
        orphans: 1,
        filesRemoved: 1,
      });
      assert.ok(!line.includes(stray.key.slice(0, 64)), 'no file names in the log');
    });

    test('with background work on, the housekeeping jobs are scheduled', async () => {
      const config = {
        ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}),
        jobPollMs: 60_000,
      };
      const running = await buildApp({ config, database, importStorage: storage });
      try {
        const schedules = await database.execute<{ name: string; every_seconds: number }>(
          'select name, every_seconds from job_schedules order by name',
        );
        assert.deepEqual(
          schedules
            .map((row) => [row.name, Number(row.every_seconds)])
            .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
          [
            ['access.purge-sessions', 3600],
            ['analytics.roll-up', 30],
            ['briefing.morning-mail', 600],
            [STALE_IMPORT_UPLOADS_JOB, 3600],
            ['catalog.media.remove-unreferenced', 86_400],
            ['checkout.purge-idempotency-keys', 3600],
            ['inventory.release-expired-reservations', 10],
            ['insights.anomaly-alerts', 900],
            ['insights.demand-forecasts', 900],
            ['inventory.watch-running-out', 3600],
            ['reviews.request-mail', 3600],
            ['privacy.analytics-retention', 86_400],
            ['support.csat-mail', 300],
            ['support.sla-alerts', 600],
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
      } finally {
        await running.close();
      }
    });
  });
}
