import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../errors.ts';
import { isBlobKey } from './blob-storage.ts';
import { LocalDiskBlobStorage } from './local-disk-blob-storage.ts';

let dataDir: string;
let storage: LocalDiskBlobStorage;

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-blobs-'));
  storage = new LocalDiskBlobStorage({ dataDir });
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under the media folder, relative to it, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(storage.rootDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(storage.rootDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A stream that yields some chunks, then fails as an interrupted upload does. */
function interruptedUpload(chunks: Buffer[]): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) yield chunk;
      throw new Error('client went away');
    })(),
  );
}

function isAppError(code: string) {
  return (err: unknown) => err instanceof AppError && err.code === code;
}

describe('LocalDiskBlobStorage', () => {
  test('stores content under its SHA-256 in two shard folders and reads it back', async () => {
    const bytes = Buffer.from('a product photo, pretend');
    const stored = await storage.put(bytes, { contentType: 'image/png' });
    const hash = sha256(bytes);
    assert.equal(stored.key, `${hash}.png`);
    assert.deepEqual(
      { size: stored.size, contentType: stored.contentType, created: stored.created },
      { size: bytes.length, contentType: 'image/png', created: true },
    );
    const onDisk = await readFile(
      path.join(storage.rootDir, hash.slice(0, 2), hash.slice(2, 4), `${hash}.png`),
    );
    assert.deepEqual(onDisk, bytes);

    const content = await storage.get(stored.key);
    assert.ok(content);
    assert.equal(content.size, bytes.length);
    assert.equal(content.contentType, 'image/png');
    assert.deepEqual(await buffer(content.stream), bytes);
    assert.equal(storage.publicPath(stored.key), `/media/${hash}.png`);
  });

  test('hashes a stream of many chunks the same as the whole buffer', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(4096, i));
    const whole = Buffer.concat(chunks);
    const stored = await storage.put(Readable.from(chunks), { contentType: 'application/octet-stream' });
    assert.equal(stored.key, `${sha256(whole)}.bin`);
    assert.equal(stored.size, whole.length);
  });

  test('identical content is stored once', async () => {
    const bytes = Buffer.from('the same bytes twice');
    const before = await filesOnDisk();
    const first = await storage.put(bytes, { contentType: 'image/jpeg' });
    const second = await storage.put(Readable.from([bytes]), { contentType: 'image/jpeg; charset=binary' });
    assert.equal(second.key, first.key);
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    const added = (await filesOnDisk()).filter((file) => !before.includes(file));
    assert.deepEqual(added, [path.join(first.key.slice(0, 2), first.key.slice(2, 4), first.key)]);
  });

  test('an interrupted upload leaves no file under a final name and no temporary file', async () => {
    const before = await filesOnDisk();
    await assert.rejects(
      storage.put(interruptedUpload([Buffer.alloc(64 * 1024, 1), Buffer.alloc(64 * 1024, 2)]), {
        contentType: 'image/png',
      }),
      /client went away/,
    );
    assert.deepEqual(await filesOnDisk(), before);
    // The content that was cut short must not be findable either.
    const partial = Buffer.concat([Buffer.alloc(64 * 1024, 1), Buffer.alloc(64 * 1024, 2)]);
    assert.equal(await storage.exists(`${sha256(partial)}.png`), false);
  });

  test('content over the size limit is refused with 413 and nothing is kept', async () => {
    const before = await filesOnDisk();
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000, 7));
    await assert.rejects(
      storage.put(Readable.from(chunks), { contentType: 'image/webp', maxBytes: 5000 }),
      (err: unknown) => isAppError('file_too_large')(err) && (err as AppError).status === 413,
    );
    assert.deepEqual(await filesOnDisk(), before);

    const exactly = await storage.put(Buffer.alloc(5000, 7), { contentType: 'image/webp', maxBytes: 5000 });
    assert.equal(exactly.size, 5000);
  });

  test('keys that are not well-formed hashes are refused everywhere (no path traversal)', async () => {
    // A file outside the media folder that a traversal would reach.
    await writeFile(path.join(dataDir, 'secret.png'), 'do not serve');
    const hash = 'a'.repeat(64);
    const badKeys = [
      '../secret.png',
      '../../secret.png',
      `../${hash}.png`,
      `${hash}/../../secret.png`,
      `${hash}.PNG`,
      `${'A'.repeat(64)}.png`,
      `${hash.slice(1)}.png`,
      `${hash}.png/..`,
      `${hash}.exe`,
      `${hash}`,
      '.tmp',
      '',
    ];
    for (const key of badKeys) {
      assert.equal(isBlobKey(key), false, key);
      await assert.rejects(storage.get(key), isAppError('invalid_blob_key'), key);
      await assert.rejects(storage.exists(key), isAppError('invalid_blob_key'), key);
      await assert.rejects(storage.delete(key), isAppError('invalid_blob_key'), key);
      assert.throws(() => storage.publicPath(key), isAppError('invalid_blob_key'), key);
    }
    assert.equal(isBlobKey(`${hash}.png`), true);
  });

  test('content types outside the list are refused with 415', async () => {
    await assert.rejects(
      storage.put(Buffer.from('<svg/>'), { contentType: 'image/svg+xml' }),
      (err: unknown) => isAppError('unsupported_media_type')(err) && (err as AppError).status === 415,
    );
  });

  test('a missing key reads as null; delete reports whether something was removed', async () => {
    const missing = `${'b'.repeat(64)}.jpg`;
    assert.equal(await storage.get(missing), null);
    assert.equal(await storage.exists(missing), false);
    assert.equal(await storage.delete(missing), false);

    const stored = await storage.put(Buffer.from('to be deleted'), { contentType: 'text/csv' });
    assert.equal(await storage.exists(stored.key), true);
    assert.equal(await storage.delete(stored.key), true);
    assert.equal(await storage.exists(stored.key), false);
    assert.equal(await storage.get(stored.key), null);
  });

  test('removeAbandonedUploads removes only old temporary files', async () => {
    const tempDir = path.join(storage.rootDir, '.tmp');
    const old = path.join(tempDir, 'old.part');
    const fresh = path.join(tempDir, 'fresh.part');
    await writeFile(old, 'left by a crash');
    await writeFile(fresh, 'still uploading');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);

    assert.equal(await storage.removeAbandonedUploads(), 1);
    await assert.rejects(stat(old), { code: 'ENOENT' });
    await stat(fresh);
    await rm(fresh);
  });

  test('the public path prefix is configurable', () => {
    const cdn = new LocalDiskBlobStorage({ dataDir, publicPathPrefix: 'https://cdn.example.com/m/' });
    const key = `${'c'.repeat(64)}.webp`;
    assert.equal(cdn.publicPath(key), `https://cdn.example.com/m/${key}`);
  });
});
