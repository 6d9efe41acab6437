import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.ts';
import { getStore } from '../modules/access/index.ts';
import type { ImportReport } from '../modules/catalog/index.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { AppError, type ErrorStatus } from '../platform/errors.ts';
import { installationBaseUrl } from '../platform/http/public-base-url.ts';
import {
  exportArgs,
  formatImportReport,
  importArgs,
  parseTransferArgs,
  runProductExport,
  runProductImport,
} from './catalog-transfer.ts';
import { CLI_TOKEN_HEADER } from './internal-route.ts';
import { progressLine } from './progress.ts';
import { type RuntimeInfo, readRuntimeInfo } from './runtime-file.ts';

interface TransferOptions {
  config: Config;
  file: string | undefined;
  store: string | undefined;
  format: string | undefined;
}

/** The server holding the embedded database, if one runs; commands then go through it. */
const runningServer = (config: Config) => (config.databaseUrl ? undefined : readRuntimeInfo(config.dataDir));

/** `storepilot import products FILE …`: progress by bytes read, then the report; exit 1 on errors. */
export async function importProductsCommand(options: TransferOptions & { dryRun: boolean }) {
  const { config, file } = options;
  if (!file) {
    throw new AppError(
      400,
      'invalid_arguments',
      'Name the CSV file: storepilot import products FILE --store H',
    );
  }
  const args = parseTransferArgs(importArgs, {
    store: options.store,
    format: options.format,
    dryRun: options.dryRun,
  });
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError(400, 'file_not_found', `There is no readable file at ${file}.`);
  }
  const progress = progressLine(args.dryRun ? `Checking ${file}` : `Importing ${file}`);
  let read = 0;
  let products = 0;
  const counted = createReadStream(file).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        done(null, chunk);
      },
    }),
  );
  let ticker: NodeJS.Timeout | undefined;
  const showProgress = () => {
    ticker ??= setInterval(() => progress.update(read, size, products ? `${products} products` : ''), 500);
  };
  let report: ImportReport;
  try {
    const server = runningServer(config);
    if (server) {
      // The server checks the store first; a quick refusal prints no progress.
      setTimeout(showProgress, 1_000).unref();
      report = await importThroughServer(server, args, counted);
    } else {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateDatabase(database);
        await getStore(database.db, args.store);
        showProgress();
        report = await runProductImport(database.db, args, counted, (p) => {
          products = p.products;
        });
      } finally {
        await database.close();
      }
    }
  } finally {
    clearInterval(ticker);
  }
  progress.update(size, size, `${report.products} products`);
  progress.done();
  process.stdout.write(`${formatImportReport(report)}\n`);
  if (report.issueCount.errors > 0) process.exitCode = 1;
}

async function importThroughServer(
  server: RuntimeInfo,
  args: { store: string; format: string; dryRun: boolean },
  body: Readable,
): Promise<ImportReport> {
  const query = new URLSearchParams({ store: args.store, format: args.format, dryRun: String(args.dryRun) });
  const res = await fetch(`${server.url}/internal/cli/import-products?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', [CLI_TOKEN_HEADER]: server.cliToken },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const answer = (await res.json()) as { report?: ImportReport; error?: { code: string; message: string } };
  if (!res.ok || !answer.report) {
    throw new AppError(
      res.status as ErrorStatus,
      answer.error?.code ?? 'import_failed',
      answer.error?.message ?? 'The import failed.',
    );
  }
  return answer.report;
}

/** `storepilot export products …`: the CSV to --out or stdout. */
export async function exportProductsCommand(options: TransferOptions & { out: string | undefined }) {
  const { config } = options;
  const args = parseTransferArgs(exportArgs, { store: options.store, format: options.format });
  const target: Writable = options.out ? createWriteStream(options.out) : process.stdout;
  const server = runningServer(config);
  if (server) {
    const query = new URLSearchParams({ store: args.store, format: args.format });
    const res = await fetch(`${server.url}/internal/cli/export-products?${query}`, {
      headers: { [CLI_TOKEN_HEADER]: server.cliToken },
    });
    if (!res.ok || !res.body) {
      const answer = (await res.json()) as { error?: { code: string; message: string } };
      throw new AppError(
        res.status as ErrorStatus,
        answer.error?.code ?? 'export_failed',
        answer.error?.message ?? 'The export failed.',
      );
    }
    await pipeline(Readable.fromWeb(res.body as never), target);
  } else {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateDatabase(database);
      await pipeline(await runProductExport(database.db, args, installationBaseUrl(config)), target);
    } finally {
      await database.close();
    }
  }
  if (options.out)
    process.stderr.write(`Exported the catalog to ${options.out} (${statSync(options.out).size} bytes).\n`);
}
