import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase } from './database.ts';
import { migrateDatabase, migrationsFolder } from './migrate.ts';

/**
 * Fresh databases for tests. Each test file gets its own database on every configured engine:
 * PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. Creating one is fast because it is
 * copied from a migrated template (a PGlite data-dir tarball; a PostgreSQL TEMPLATE database),
 * rebuilt only when the migrations change.
 */
export interface TestDatabaseTarget {
  kind: DatabaseKind;
  label: string;
  create(): Promise<Database>;
}

const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/storepilot', import.meta.url));

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder).sort()) {
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(path.join(migrationsFolder, f)));
  }
  h.update(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json')));
  return h.digest('hex').slice(0, 12);
}

let pgliteTemplate: Promise<Blob> | undefined;

async function buildPgliteTemplate(): Promise<Blob> {
  const file = path.join(cacheDir, `pglite-template-${migrationsHash()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({});
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename so parallel test processes never read a half-written template.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return new Blob([bytes]);
}

async function createPglite(): Promise<Database> {
  pgliteTemplate ??= buildPgliteTemplate();
  return openDatabase({ loadDataDir: await pgliteTemplate });
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createPostgres(baseUrl: string): Promise<Database> {
  const templateName = `sp_template_${migrationsHash()}`;
  const admin = await openDatabase({ url: baseUrl, poolSize: 1 });
  const name = `sp_test_${randomBytes(6).toString('hex')}`;
  try {
    // One process builds the template; the others wait on the lock, then find it ready.
    await admin.withLock(727_002, async () => {
      const found = await admin.execute('select 1 from pg_database where datname = $1', [templateName]);
      if (found.length > 0) return;
      // Built under a temporary name and renamed when complete, so a crash never leaves a half template.
      const building = `${templateName}_building`;
      await admin.execute(`drop database if exists "${building}" with (force)`);
      await admin.execute(`create database "${building}"`);
      const template = await openDatabase({ url: withDatabaseName(baseUrl, building), poolSize: 2 });
      try {
        await migrateDatabase(template);
      } finally {
        await template.close();
      }
      await admin.execute(`alter database "${building}" rename to "${templateName}"`);
    });
    await admin.execute(`create database "${name}" template "${templateName}"`);
  } finally {
    await admin.close();
  }
  const database = await openDatabase({ url: withDatabaseName(baseUrl, name), poolSize: 5 });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const dropper = await openDatabase({ url: baseUrl, poolSize: 1 });
    try {
      await dropper.execute(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.close();
    }
  };
  return database;
}

export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [{ kind: 'pglite', label: 'PGlite', create: createPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ kind: 'postgres', label: 'PostgreSQL', create: () => createPostgres(url) });
  return targets;
}
