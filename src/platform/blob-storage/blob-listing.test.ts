// Listing blobs and their age: what a sweep of unused content relies on (BlobStorage.list, put's storedAt).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ListedBlob } from './blob-storage.ts';
import { LocalDiskBlobStorage } from './local-disk-blob-storage.ts';

let dataDir: string;
let storage: LocalDiskBlobStorage;

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-blob-list-'));
  storage = new LocalDiskBlobStorage({ dataDir });
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function listed(): Promise<Map<string, ListedBlob>> {
  const blobs = new Map<string, ListedBlob>();
  for await (const blob of storage.list()) blobs.set(blob.key, blob);
  return blobs;
}

const fileOf = (key: string) => path.join(storage.rootDir, key.slice(0, 2), key.slice(2, 4), key);

describe('LocalDiskBlobStorage listing', () => {
  test('an empty or missing storage lists nothing', async () => {
    assert.deepEqual([...(await listed()).keys()], []);
  });

  test('lists every stored blob with its size and when it was stored, and nothing else', async () => {
    const photo = await storage.put(Buffer.from('a photo'), { contentType: 'image/jpeg' });
    const sheet = await storage.put(Buffer.from('a,b\n1,2\n'), { contentType: 'text/csv' });
    // An upload in progress, a stray file and a misplaced key are not blobs.
    await mkdir(path.join(storage.rootDir, '.tmp'), { recursive: true });
    await writeFile(path.join(storage.rootDir, '.tmp', 'upload.part'), 'half');
    await writeFile(path.join(storage.rootDir, photo.key.slice(0, 2), 'notes.txt'), 'stray');
    const misplaced = `${'e'.repeat(64)}.png`;
    await writeFile(path.join(path.dirname(fileOf(photo.key)), misplaced), 'wrong folder');

    const blobs = await listed();
    assert.deepEqual([...blobs.keys()].sort(), [photo.key, sheet.key].sort());
    assert.equal(blobs.get(photo.key)!.size, 'a photo'.length);
    assert.ok(Math.abs(blobs.get(sheet.key)!.storedAt.getTime() - Date.now()) < 60_000);
  });

  test('storing content that is already there makes it recent again', async () => {
    const bytes = Buffer.from('uploaded long ago, uploaded again today');
    const first = await storage.put(bytes, { contentType: 'image/png' });
    const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    await utimes(fileOf(first.key), longAgo, longAgo);
    assert.ok((await listed()).get(first.key)!.storedAt.getTime() < Date.now() - 29 * 24 * 60 * 60 * 1000);

    const again = await storage.put(bytes, { contentType: 'image/png' });
    assert.equal(again.created, false);
    assert.ok((await listed()).get(first.key)!.storedAt.getTime() > Date.now() - 60_000);
  });

  test('a deleted blob is no longer listed', async () => {
    const doomed = await storage.put(Buffer.from('short-lived'), { contentType: 'image/webp' });
    assert.ok((await listed()).has(doomed.key));
    await storage.delete(doomed.key);
    assert.equal((await listed()).has(doomed.key), false);
  });
});
