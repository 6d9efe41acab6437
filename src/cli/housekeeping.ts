import path from 'node:path';
import { z } from 'zod';
import {
  productImportStorage,
  removeStaleImportUploads,
  removeUnreferencedMedia,
  type StaleImportUploadsReport,
  type UnreferencedMediaReport,
} from '../modules/catalog/index.ts';
import type { BlobStorage } from '../platform/blob-storage/blob-storage.ts';
import { LocalDiskBlobStorage } from '../platform/blob-storage/local-disk-blob-storage.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `storepilot media gc` and `storepilot imports gc`: the housekeeping the scheduled jobs do, run now
 * and told in full (`--dry-run` shows what would go). Shared by the CLI on its own database and the
 * running server's loopback endpoint, with the same settings the jobs use.
 */
export const housekeepingCommands = ['media gc', 'imports gc'] as const;
export type HousekeepingCommand = (typeof housekeepingCommands)[number];

export function isHousekeepingCommand(name: string): name is HousekeepingCommand {
  return (housekeepingCommands as readonly string[]).includes(name);
}

export interface HousekeepingContext {
  db: Db;
  mediaStorage: BlobStorage;
  importStorage: BlobStorage;
  /** The configuration's settings (`STOREPILOT_MEDIA_GRACE_HOURS`, `STOREPILOT_IMPORT_FILE_RETENTION_DAYS`). */
  mediaGraceHours: number;
  importFileRetentionDays: number;
}

const housekeepingArgs = z.object({ dryRun: z.boolean().default(false) });

/** Where `buildApp` keeps media and import uploads by default, for the CLI working without a server. */
export function defaultStorages(dataDir: string) {
  return {
    mediaStorage: new LocalDiskBlobStorage({ dataDir: path.resolve(dataDir) }),
    importStorage: productImportStorage(path.resolve(dataDir)),
  };
}

export async function runHousekeepingCommand(
  context: HousekeepingContext,
  command: HousekeepingCommand,
  rawArgs: unknown,
): Promise<string> {
  const parsed = housekeepingArgs.safeParse(rawArgs ?? {});
  if (!parsed.success) throw new AppError(400, 'invalid_arguments', `Invalid arguments for "${command}".`);
  const { dryRun } = parsed.data;
  if (command === 'media gc') {
    const graceHours = context.mediaGraceHours;
    const report = await removeUnreferencedMedia(context.db, context.mediaStorage, { graceHours, dryRun });
    return formatMediaReport(report, graceHours);
  }
  const retentionDays = context.importFileRetentionDays;
  const report = await removeStaleImportUploads(context.db, context.importStorage, { retentionDays, dryRun });
  return formatImportUploadsReport(report, retentionDays);
}

/** Lines listed per kind; the counts above them are always complete. */
const SHOWN = 100;

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function listed<T>(items: T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, SHOWN).map((item) => `  ${line(item)}`);
  if (items.length > SHOWN) lines.push(`  … and ${items.length - SHOWN} more.`);
  return lines;
}

export function formatMediaReport(report: UnreferencedMediaReport, graceHours: number): string {
  const verb = report.dryRun ? 'Would remove' : 'Removed';
  return [
    `${report.dryRun ? 'Dry run (nothing deleted): ' : ''}${verb} ${report.removed.length} unreferenced media files (${formatBytes(report.bytesRemoved)}).`,
    ...listed(report.removed, (file) => `${file.key}  ${formatBytes(file.bytes)}`),
    `Scanned ${report.scanned} files: ${report.inUse} in use, ${report.recent} stored within the last ${graceHours} h (kept), ${report.other} not images (kept).`,
  ].join('\n');
}

export function formatImportUploadsReport(report: StaleImportUploadsReport, retentionDays: number): string {
  const verb = report.dryRun ? 'Would remove' : 'Removed';
  const lines = [
    `${report.dryRun ? 'Dry run (nothing changed): ' : ''}${verb} ${report.filesRemoved} uploaded import files (${formatBytes(report.bytesRemoved)}).`,
  ];
  const importLine = (item: StaleImportUploadsReport['expired'][number]) =>
    `${item.importId}  store ${item.storeId}  ${item.removedFile ? formatBytes(item.bytes) : 'file already gone or shared'}`;
  if (report.expired.length > 0) {
    lines.push(`Checked but not applied within 24 h (${report.dryRun ? 'would be ' : ''}discarded):`);
    lines.push(...listed(report.expired, importLine));
  }
  if (report.retention.length > 0) {
    lines.push(`Finished more than ${retentionDays} days ago, file still kept:`);
    lines.push(...listed(report.retention, importLine));
  }
  if (report.orphans.length > 0) {
    lines.push('Stored files no import holds:');
    lines.push(...listed(report.orphans, (file) => `${file.key}  ${formatBytes(file.bytes)}`));
  }
  return lines.join('\n');
}
