import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { type Database, openDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';

const expectedTables = [
  'stores',
  'users',
  'memberships',
  'sessions',
  'api_keys',
  'audit_log',
  'products',
  'outbox_events',
  'jobs',
];

async function tablesOf(database: Database): Promise<string[]> {
  const rows = await database.execute<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public'",
  );
  return rows.map((r) => r.table_name);
}

async function checkFromEmpty(database: Database) {
  assert.deepEqual(await tablesOf(database), [], 'starts empty');
  await migrateDatabase(database);
  const tables = await tablesOf(database);
  for (const t of expectedTables) assert.ok(tables.includes(t), `table ${t}`);
  // Applying again is a no-op, as at every start.
  await migrateDatabase(database);
  assert.deepEqual((await tablesOf(database)).sort(), tables.sort());
}

describe('migrations apply from empty', () => {
  test('on PGlite', async () => {
    const database = await openDatabase({});
    try {
      await checkFromEmpty(database);
    } finally {
      await database.close();
    }
  });

  const url = process.env.TEST_DATABASE_URL;
  test('on PostgreSQL', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    const name = `sp_migrate_${randomBytes(5).toString('hex')}`;
    const admin = await openDatabase({ url: url!, poolSize: 1 });
    await admin.execute(`create database ${name}`);
    const u = new URL(url!);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), poolSize: 4 });
    try {
      await checkFromEmpty(database);
      // Two instances starting together: the advisory lock serialises them and both succeed.
      const second = await openDatabase({ url: u.toString(), poolSize: 4 });
      await Promise.all([migrateDatabase(database), migrateDatabase(second)]);
      await second.close();
    } finally {
      await database.close();
      await admin.execute(`drop database if exists ${name} with (force)`);
      await admin.close();
    }
  });
});
