import type { Readable } from 'node:stream';
import { z } from 'zod';
import { getStore, systemActor } from '../modules/access/index.ts';
import {
  exportProducts,
  type ImportProgress,
  type ImportReport,
  importProducts,
} from '../modules/catalog/index.ts';
import { productStockPort } from '../modules/inventory/index.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `storepilot import products` / `storepilot export products`, shared by the CLI (database opened
 * directly) and the running server's loopback endpoint (embedded database held by the server).
 */
const actor = systemActor('cli import');

const formats = ['auto', 'shopify', 'woocommerce', 'storepilot'] as const;

export const importArgs = z.object({
  store: z.string({ error: '--store is required' }).min(1),
  format: z.enum(formats, { error: `--format must be one of ${formats.join(', ')}` }).default('auto'),
  dryRun: z.boolean().default(false),
});
export type ImportArgs = z.infer<typeof importArgs>;

export const exportArgs = z.object({
  store: z.string({ error: '--store is required' }).min(1),
  format: z.enum(['shopify', 'woocommerce', 'storepilot'], {
    error: '--format must be shopify, woocommerce or storepilot',
  }),
});
export type ExportArgs = z.infer<typeof exportArgs>;

export function parseTransferArgs<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(400, 'invalid_arguments', parsed.error.issues.map((i) => i.message).join('\n'));
  }
  return parsed.data;
}

/**
 * Runs an import as the CLI does: the system actor, allowed to publish and to set stock (the
 * operator owns the install).
 */
export async function runProductImport(
  db: Db,
  args: ImportArgs,
  input: Readable,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const store = await getStore(db, args.store);
  return importProducts(db, { actor, canPublish: true }, store, input, {
    format: args.format,
    dryRun: args.dryRun,
    onProgress,
    stock: { port: productStockPort, allowed: true },
  });
}

/** `publicBaseUrl`: where the installation is reached; uploaded images are exported as URLs under it. */
export async function runProductExport(db: Db, args: ExportArgs, publicBaseUrl: string): Promise<Readable> {
  const store = await getStore(db, args.store);
  return exportProducts(db, store, args.format, { publicBaseUrl, stock: productStockPort });
}

/** The report as a person reads it: counts, then each issue on its row. */
export function formatImportReport(report: ImportReport, shownIssues = 50): string {
  const verb = report.dryRun ? 'would be' : 'were';
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.products} products in ${report.rowsRead} rows${report.format ? ` (${report.format} format)` : ''}, ${(report.durationMs / 1000).toFixed(1)} s.`,
    `  ${report.created} ${verb} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} not imported.`,
  ];
  const { stock } = report;
  if (stock.changed + stock.unchanged + stock.skipped > 0) {
    lines.push(
      `  Stock: ${stock.changed} variants ${report.dryRun ? 'would be' : 'were'} set, ${stock.unchanged} already right, ${stock.skipped} not set.`,
    );
  }
  if (report.staged > 0) {
    lines.push(
      `  ${report.staged} live products' changes ${report.dryRun ? 'would wait' : 'wait'} for review (publishing needs catalog:publish).`,
    );
  }
  const { errors, warnings } = report.issueCount;
  if (errors + warnings > 0) {
    lines.push(`  ${errors} errors, ${warnings} warnings:`);
    for (const issue of report.issues.slice(0, shownIssues)) {
      const where = `row ${issue.row}${issue.column ? `, ${issue.column}` : ''}`;
      lines.push(
        `  ${issue.severity === 'error' ? 'error  ' : 'warning'} ${where}: ${issue.message} [${issue.code}]`,
      );
    }
    const more = errors + warnings - Math.min(report.issues.length, shownIssues);
    if (more > 0) lines.push(`  … and ${more} more.`);
  }
  return lines.join('\n');
}
