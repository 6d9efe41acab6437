// `storepilot media gc` and `storepilot imports gc` as an operator runs them: through the running
// server that holds the embedded database, directly once it stopped, and on PostgreSQL.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { productImportStorage } from '../src/modules/catalog/index.ts';
import type { BlobStorage } from '../src/platform/blob-storage/blob-storage.ts';
import { LocalDiskBlobStorage } from '../src/platform/blob-storage/local-disk-blob-storage.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' };
const THREE_DAYS_AGO = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/storepilot.js', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stores a file nothing refers to, as if it had been stored three days ago. */
async function storeStale(storage: LocalDiskBlobStorage, body: string, contentType: string) {
  const { key } = await storage.put(Buffer.from(body), { contentType });
  await utimes(
    path.join(storage.rootDir, key.slice(0, 2), key.slice(2, 4), key),
    THREE_DAYS_AGO,
    THREE_DAYS_AGO,
  );
  return key;
}

/** Bytes stored as a picture: the sweep goes by the stored type, it never decodes anything. */
const picture = (n: number) => `picture ${n}`;

describe('housekeeping commands on the embedded database', () => {
  let dataDir: string;
  let server: ChildProcess;
  let media: LocalDiskBlobStorage;
  let uploads: BlobStorage;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-housekeeping-cli-'));
    media = new LocalDiskBlobStorage({ dataDir });
    uploads = productImportStorage(dataDir);
    server = spawn(
      process.execPath,
      ['bin/storepilot.js', 'start', '--port', '0', '--no-demo', '--data-dir', dataDir],
      { cwd: root, env },
    );
    const runtime = path.join(dataDir, 'storepilot.runtime.json');
    await waitFor('the server', () =>
      existsSync(runtime) ? (JSON.parse(readFileSync(runtime, 'utf8')) as { url: string }).url : undefined,
    );
  });
  after(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('media gc through the running server: a dry run lists, the real run removes', async () => {
    const stale = await storeStale(media, picture(1), 'image/png');
    const fresh = (await media.put(Buffer.from(picture(2)), { contentType: 'image/png' })).key;
    const dry = cli(['media', 'gc', '--dry-run', '--data-dir', dataDir]);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^Dry run \(nothing deleted\): Would remove 1 unreferenced media files/);
    assert.match(dry.out, new RegExp(stale));
    assert.equal(await media.exists(stale), true);

    const real = cli(['media', 'gc', '--data-dir', dataDir]);
    assert.equal(real.code, 0, real.err);
    assert.match(real.out, /^Removed 1 unreferenced media files/);
    assert.match(real.out, /Scanned 2 files: 0 in use, 1 stored within the last 24 h/);
    assert.deepEqual([await media.exists(stale), await media.exists(fresh)], [false, true]);
  });

  test('imports gc through the running server removes an upload no import holds', async () => {
    const stray = await storeStale(uploads as LocalDiskBlobStorage, 'Handle,Title\nx,X\n', 'text/csv');
    const res = cli(['imports', 'gc', '--data-dir', dataDir]);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /^Removed 1 uploaded import files/);
    assert.match(res.out, /Stored files no import holds:\n {2}[0-9a-f]{64}\.csv/);
    assert.equal(await uploads.exists(stray), false);
  });

  test('with the server stopped, the commands open the database and the files themselves', async () => {
    server.kill('SIGTERM');
    await waitFor('the exit', () => server.exitCode ?? undefined);
    const stale = await storeStale(media, picture(3), 'image/png');
    const res = cli(['media', 'gc', '--data-dir', dataDir]);
    assert.equal(res.code, 0, res.err);
    assert.match(res.out, /^Removed 1 unreferenced media files/);
    assert.equal(await media.exists(stale), false);
    const imports = cli(['imports', 'gc', '--dry-run', '--data-dir', dataDir]);
    assert.equal(imports.code, 0, imports.err);
    assert.match(imports.out, /^Dry run \(nothing changed\): Would remove 0 uploaded import files/);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe('housekeeping commands on PostgreSQL', {
  skip: pgUrl ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const name = `sp_gc_${randomBytes(5).toString('hex')}`;
  let url: string;
  let dataDir: string;
  before(async () => {
    const admin = await openDatabase({ url: pgUrl!, poolSize: 1 });
    await admin.execute(`create database ${name}`);
    await admin.close();
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    dataDir = mkdtempSync(path.join(tmpdir(), 'storepilot-housekeeping-pg-'));
  });
  after(async () => {
    const admin = await openDatabase({ url: pgUrl!, poolSize: 1 });
    await admin.execute(`drop database if exists ${name} with (force)`);
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('both commands run against DATABASE_URL and the data dir’s files', async () => {
    const stale = await storeStale(new LocalDiskBlobStorage({ dataDir }), picture(4), 'image/png');
    const media = cli(['media', 'gc', '--data-dir', dataDir], { DATABASE_URL: url });
    assert.equal(media.code, 0, media.err);
    assert.match(media.out, new RegExp(`^Removed 1 unreferenced media files[^]*${stale}`));
    const imports = cli(['imports', 'gc', '--data-dir', dataDir], { DATABASE_URL: url });
    assert.equal(imports.code, 0, imports.err);
    assert.match(imports.out, /^Removed 0 uploaded import files/);
  });
});
