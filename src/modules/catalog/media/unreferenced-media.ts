import type { BlobStorage, ListedBlob } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { keysReferencedNow, mediaImageExtensions, referencedMediaKeys } from './media-references.ts';

/**
 * Removes media files nothing refers to any more: originals and generated sizes of deleted or
 * replaced images, downloads whose published original came out different (metadata stripped), an
 * upload whose image was never recorded. Media storage is shared by every store and identical
 * content is stored once, so a file goes only when no store's row names it (media-references.ts).
 *
 * Mark and sweep through the storage interface only (list, delete), so it works on any storage:
 * the keys referred to are read first; then every listed image file older than the grace period and
 * not referred to is re-checked against the database (something may have started referring to it
 * since the mark) and deleted. The grace period spares a file stored a moment before the row that
 * names it commits; storing content that exists refreshes its age, so a re-upload is spared too.
 * Files that are not images (media storage may come to hold other things) are never touched.
 */

export const UNREFERENCED_MEDIA_JOB = 'catalog.media.remove-unreferenced';
export const DEFAULT_MEDIA_GRACE_HOURS = 24;

export interface UnreferencedMediaOptions {
  /** Files stored within this many hours are kept whatever refers to them (default 24). */
  graceHours?: number;
  /** Report what would be removed; delete nothing. */
  dryRun?: boolean;
  /** The moment ages are measured from (tests). */
  now?: Date;
}

export interface UnreferencedMediaReport {
  dryRun: boolean;
  /** Files listed in media storage. */
  scanned: number;
  /** Image files something refers to. */
  inUse: number;
  /** Image files stored within the grace period. */
  recent: number;
  /** Files that are not images, left alone. */
  other: number;
  removed: { key: string; bytes: number }[];
  bytesRemoved: number;
}

/** Candidates re-checked against the database per query. */
const BATCH = 200;

const isImageKey = (key: string) => mediaImageExtensions.includes(key.slice(key.lastIndexOf('.') + 1));

export async function removeUnreferencedMedia(
  db: Db,
  storage: BlobStorage,
  options: UnreferencedMediaOptions = {},
): Promise<UnreferencedMediaReport> {
  const dryRun = options.dryRun ?? false;
  const graceHours = options.graceHours ?? DEFAULT_MEDIA_GRACE_HOURS;
  const cutoff = (options.now ?? new Date()).getTime() - graceHours * 60 * 60 * 1000;
  const report: UnreferencedMediaReport = {
    dryRun,
    scanned: 0,
    inUse: 0,
    recent: 0,
    other: 0,
    removed: [],
    bytesRemoved: 0,
  };
  const referenced = await referencedMediaKeys(db);

  let candidates: ListedBlob[] = [];
  const sweep = async () => {
    const stillReferenced = await keysReferencedNow(
      db,
      candidates.map((blob) => blob.key),
    );
    for (const blob of candidates) {
      if (stillReferenced.has(blob.key)) {
        report.inUse++;
        continue;
      }
      // Someone else (another instance's sweep) may have removed it first: not counted twice.
      if (!dryRun && !(await storage.delete(blob.key))) continue;
      report.removed.push({ key: blob.key, bytes: blob.size });
      report.bytesRemoved += blob.size;
    }
    candidates = [];
  };
  for await (const blob of storage.list()) {
    report.scanned++;
    if (!isImageKey(blob.key)) report.other++;
    else if (blob.storedAt.getTime() >= cutoff) report.recent++;
    else if (referenced.has(blob.key)) report.inUse++;
    else {
      candidates.push(blob);
      if (candidates.length >= BATCH) await sweep();
    }
  }
  if (candidates.length > 0) await sweep();
  return report;
}

/** Once a day is plenty: a removed image's files only cost disk space until then. */
export const unreferencedMediaSchedule: ScheduleDefinition = {
  name: UNREFERENCED_MEDIA_JOB,
  jobName: UNREFERENCED_MEDIA_JOB,
  everySeconds: 24 * 60 * 60,
  payload: {},
};

export function registerUnreferencedMediaJob(
  jobs: Pick<JobRunner, 'register'>,
  storage: BlobStorage,
  options: { graceHours?: number } = {},
): void {
  jobs.register(
    UNREFERENCED_MEDIA_JOB,
    async (_payload, { db, logger }) => {
      const report = await removeUnreferencedMedia(db, storage, options);
      // Counts only: keys are content hashes, and a log needs no list of them.
      logger.info(
        {
          job: UNREFERENCED_MEDIA_JOB,
          scanned: report.scanned,
          inUse: report.inUse,
          recent: report.recent,
          removed: report.removed.length,
          bytesRemoved: report.bytesRemoved,
        },
        'unreferenced media files removed',
      );
    },
    // Lists the whole storage; one at a time per instance is enough.
    { concurrency: 1, timeoutMs: 60 * 60_000 },
  );
}
