import type { Actor } from '../../access/index.ts';
import type { ImportReportRecord } from './import-documents.ts';
import type { ProductImportSummary } from './product-imports.ts';
import type { ProductImportRow } from './schema.ts';

export interface IssuePage {
  offset: number;
  limit: number;
  /** Only issues of this severity (paging and `kept` count those). */
  severity?: 'error' | 'warning';
}

const actorView = (actor: Actor | null) => (actor ? { type: actor.type, label: actor.label } : null);

/** A report's counts, and one page of the issues it kept (`kept` of `issueCount` in all). */
function reportView(report: ImportReportRecord | null, page: IssuePage | null) {
  if (!report) return null;
  const { issues, ...counts } = report;
  if (!page) return counts;
  const chosen = page.severity ? (issues ?? []).filter((i) => i.severity === page.severity) : (issues ?? []);
  return {
    ...counts,
    issues: {
      items: chosen.slice(page.offset, page.offset + page.limit),
      offset: page.offset,
      limit: page.limit,
      severity: page.severity ?? null,
      kept: chosen.length,
    },
  };
}

/** An import in the API: status, progress, what the check and the apply found. */
function importSummaryView(row: ProductImportSummary | ProductImportRow, page: IssuePage | null) {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    fileSize: row.fileSize,
    requestedFormat: row.requestedFormat,
    format: row.detectedFormat,
    createdAt: row.createdAt.toISOString(),
    createdBy: actorView(row.createdBy),
    checkedAt: row.checkedAt?.toISOString() ?? null,
    appliedBy: actorView(row.appliedBy),
    applyRequestedAt: row.applyRequestedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.lastError,
    /** Set once the uploaded file is gone: `finished`, `expired` (never applied) or `retention`. */
    fileRemoved: row.fileRemovedAt
      ? { at: row.fileRemovedAt.toISOString(), reason: row.fileRemovedReason }
      : null,
    progress: row.progress,
    check: reportView(row.checkReport, page),
    result: reportView(row.applyReport, page),
  };
}

export function productImportView(row: ProductImportRow, page: IssuePage) {
  return { ...importSummaryView(row, page), preview: row.preview ?? [] };
}

export function productImportListItemView(row: ProductImportSummary) {
  return importSummaryView(row, null);
}
