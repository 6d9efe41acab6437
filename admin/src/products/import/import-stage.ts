import type { ImportStatus, ProductImport } from './import-types.ts';

/** The wizard's steps: choose a file, check it, review the report, import, done. */
export const wizardSteps = ['Choose file', 'Check', 'Review', 'Import'] as const;

/** Which wizard step an import is at (the Stepper's `active`; the last step + 1 is "completed"). */
export function wizardStep(status: ImportStatus): number {
  switch (status) {
    case 'checking':
      return 1;
    case 'checked':
    case 'discarded':
      return 2;
    case 'applying':
      return 3;
    case 'done':
      return 4;
    case 'failed':
      return 1;
  }
}

/**
 * How far the running stage has got, 0–100. The apply knows how many rows the check read, so it
 * counts rows; the check only knows the file's size, so it counts the bytes the parser has taken.
 */
export function stagePercent(item: ProductImport): number {
  const progress = item.progress;
  if (!progress) return 0;
  const rowsTotal = progress.stage === 'apply' ? (item.check?.rowsRead ?? 0) : 0;
  const share =
    rowsTotal > 0
      ? progress.rowsRead / rowsTotal
      : progress.bytesTotal > 0
        ? progress.bytesRead / progress.bytesTotal
        : 0;
  return Math.max(0, Math.min(100, Math.round(share * 100)));
}

/** File sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
