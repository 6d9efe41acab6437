import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  acceptedBlobType,
  type BlobBody,
  type BlobContent,
  type BlobStorage,
  blobKey,
  contentTypeOfBlobKey,
  fileTooLarge,
  isBlobKey,
  type ListedBlob,
  type PutBlobOptions,
  type StoredBlob,
} from './blob-storage.ts';

export interface LocalDiskBlobStorageOptions {
  /** The data directory; blobs go under `<dataDir>/media`. */
  dataDir: string;
  /** What `publicPath` puts before the key (default `/media`); the HTTP layer serves that path. */
  publicPathPrefix?: string;
}

/**
 * Blobs as files under `<dataDir>/media/ab/cd/<sha256>.<ext>` (two folder levels keep any one
 * folder small). Content is written to `<dataDir>/media/.tmp/` while its hash is computed, flushed
 * to disk, then renamed to its final name: rename is atomic on one file system, so a crash or an
 * aborted upload never leaves a partial file under a final name, and a reader never sees one.
 */
export class LocalDiskBlobStorage implements BlobStorage {
  readonly rootDir: string;
  private readonly tempDir: string;
  private readonly publicPathPrefix: string;

  constructor(options: LocalDiskBlobStorageOptions) {
    this.rootDir = path.resolve(options.dataDir, 'media');
    this.tempDir = path.join(this.rootDir, '.tmp');
    this.publicPathPrefix = (options.publicPathPrefix ?? '/media').replace(/\/+$/, '');
  }

  async put(body: BlobBody, options: PutBlobOptions): Promise<StoredBlob> {
    const { contentType, extension } = acceptedBlobType(options.contentType);
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const { maxBytes } = options;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (maxBytes !== undefined && size > maxBytes) return callback(fileTooLarge(maxBytes));
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      // `flush` fsyncs before close, so what gets renamed is on disk, not only in the page cache.
      await pipeline(asReadable(body), measure, createWriteStream(tempPath, { flags: 'wx', flush: true }));
      const key = blobKey(hash.digest('hex'), extension);
      const finalPath = this.pathOf(key);
      if (await fileExists(finalPath)) {
        await rm(tempPath, { force: true });
        // Stored again: a sweep of unused blobs must see it as recent (see BlobStorage).
        const now = new Date();
        await utimes(finalPath, now, now);
        return { key, size, contentType, created: false };
      }
      await mkdir(path.dirname(finalPath), { recursive: true });
      await rename(tempPath, finalPath);
      return { key, size, contentType, created: true };
    } catch (err) {
      await rm(tempPath, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<BlobContent | null> {
    const contentType = contentTypeOfBlobKey(key);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size, contentType };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return fileExists(this.pathOf(key));
  }

  async delete(key: string): Promise<boolean> {
    const filePath = this.pathOf(key);
    if (!(await fileExists(filePath))) return false;
    await rm(filePath, { force: true });
    return true;
  }

  publicPath(key: string): string {
    contentTypeOfBlobKey(key);
    return `${this.publicPathPrefix}/${key}`;
  }

  /** Walks the two shard levels; the folder of uploads in progress and anything not named like a key are skipped. */
  async *list(): AsyncIterable<ListedBlob> {
    for (const first of await folderNames(this.rootDir)) {
      for (const second of await folderNames(path.join(this.rootDir, first))) {
        const folder = path.join(this.rootDir, first, second);
        for (const name of await entryNames(folder)) {
          if (!isBlobKey(name) || name.slice(0, 2) !== first || name.slice(2, 4) !== second) continue;
          // Deleted since the folder was read: not listed.
          const info = await stat(path.join(folder, name)).catch(() => null);
          if (info?.isFile()) yield { key: name, size: info.size, storedAt: info.mtime };
        }
      }
    }
  }

  /**
   * Removes temporary files left by uploads that a crash interrupted. Uploads in progress keep
   * touching theirs, so an age well above the longest upload (default one hour) is safe.
   */
  async removeAbandonedUploads(olderThanMs = 60 * 60 * 1000): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tempDir);
    } catch (err) {
      if (isMissing(err)) return 0;
      throw err;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const filePath = path.join(this.tempDir, name);
      const info = await stat(filePath).catch(() => null);
      if (info && info.mtimeMs < cutoff) {
        await rm(filePath, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** The file for a key; validates the key first, so nothing outside the media folder can be named. */
  private pathOf(key: string): string {
    contentTypeOfBlobKey(key);
    return path.join(this.rootDir, key.slice(0, 2), key.slice(2, 4), key);
  }
}

function asReadable(body: BlobBody): Readable | AsyncIterable<Uint8Array> {
  // A bare Uint8Array is iterable byte by byte; wrap it so it travels as one chunk.
  return body instanceof Uint8Array ? Readable.from([body]) : body;
}

const shardName = /^[0-9a-f]{2}$/;

/** The shard folders directly in `folder` (none when it does not exist). */
async function folderNames(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((err: unknown) => {
    if (isMissing(err)) return [];
    throw err;
  });
  return entries.filter((entry) => entry.isDirectory() && shardName.test(entry.name)).map((e) => e.name);
}

async function entryNames(folder: string): Promise<string[]> {
  return readdir(folder).catch((err: unknown) => {
    if (isMissing(err)) return [];
    throw err;
  });
}

async function fileExists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}
