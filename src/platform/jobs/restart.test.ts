import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { createJobRunner } from './index.ts';

const logger = pino({ level: 'silent' });

/**
 * How to open "the same data" twice, as two successive processes would: a PGlite data directory on disk,
 * or a second connection pool to the same PostgreSQL test database.
 */
interface Storage {
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function pgliteStorage(): Promise<Storage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'storepilot-jobs-'));
  return {
    open: () => openDatabase({ dataDir: dir }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresStorage(create: () => Promise<Database>): Promise<Storage> {
  const fixture = await create();
  const [row] = await fixture.execute<{ name: string }>('select current_database() as name');
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return {
    open: () => openDatabase({ url: url.toString(), poolSize: 2 }),
    dispose: () => fixture.close(),
  };
}

for (const target of testDatabaseTargets()) {
  describe(`job runner across a restart (${target.label})`, () => {
    test('a job enqueued before a restart runs after it', async () => {
      const storage = target.kind === 'pglite' ? await pgliteStorage() : await postgresStorage(target.create);
      try {
        const first = await storage.open();
        await migrateDatabase(first);
        const before = createJobRunner({ database: first, logger, pollMs: 20 });
        before.register('restart.greet', () => assert.fail('must not run before the restart'));
        before.start();
        const id = await before.enqueue(
          first.db,
          'restart.greet',
          { name: 'after' },
          { runAt: new Date(Date.now() + 300) },
        );
        await before.stop();
        await first.close();

        const second = await storage.open();
        try {
          await migrateDatabase(second);
          const seen: unknown[] = [];
          const after = createJobRunner({ database: second, logger, pollMs: 20 });
          after.register('restart.greet', (payload, ctx) => {
            seen.push({ payload, jobId: ctx.jobId });
          });
          after.start();
          const deadline = Date.now() + 5000;
          while (seen.length === 0 && Date.now() < deadline) await sleep(20);
          await after.stop();
          assert.deepEqual(seen, [{ payload: { name: 'after' }, jobId: id }]);
          const [row] = await second.execute<{ status: string }>('select status from jobs where id = $1', [
            id,
          ]);
          assert.equal(row?.status, 'completed');
        } finally {
          await second.close();
        }
      } finally {
        await storage.dispose();
      }
    });
  });
}
