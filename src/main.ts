import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { adminCommands, isAdminCommand, runAdminCommand } from './cli/admin-commands.ts';
import { analyticsRebuildCommand } from './cli/analytics-rebuild-command.ts';
import { exportProductsCommand, importProductsCommand } from './cli/catalog-transfer-command.ts';
import { housekeepingCommands, isHousekeepingCommand } from './cli/housekeeping.ts';
import { housekeepingCommand } from './cli/housekeeping-command.ts';
import { CLI_TOKEN_HEADER } from './cli/internal-route.ts';
import { inventoryVerifyCommand } from './cli/inventory-verify-command.ts';
import { readRuntimeInfo } from './cli/runtime-file.ts';
import { startServer } from './cli/start.ts';
import { startWorkers } from './cli/start-workers.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { AppError } from './platform/errors.ts';

const usage = `Storepilot — e-commerce operations platform

Usage: storepilot <command> [options]

Commands:
  start [--port 3000] [--host 127.0.0.1] [--data-dir ./data] [--no-demo] [--workers N]
                         Run the server (storefront, admin, API, jobs). An empty
                         installation gets demo stores unless --no-demo. --workers
                         runs N server processes on one port (PostgreSQL only).
  migrate                Apply database migrations (start does this too).
  store create --handle H --name N --currency EUR [--locale en] [--timezone Europe/Berlin] [--domain shop.example.com]
  user create --email E --password P [--name N] [--store H --role owner]
  apikey create --store H --name N [--permissions catalog:read,catalog:write]
                         Prints the key once.
  import products FILE --store H [--format auto|shopify|woocommerce|storepilot] [--dry-run]
                         Import a product CSV (Shopify, WooCommerce or Storepilot
                         layout). --dry-run checks every row and writes nothing.
  export products --store H --format shopify|woocommerce|storepilot [--out FILE]
                         Export the catalog as CSV (to stdout without --out).
  media gc [--dry-run]   Remove media files no product, collection, translation or
                         open revision refers to (older than STOREPILOT_MEDIA_GRACE_HOURS,
                         default 24). A daily job does this too.
  inventory verify [--store H]
                         Recompute every stock level from the ledger and the active
                         reservations; list any drift (exit code 1 if there is any).
  analytics rebuild --store H
                         Work out the store's daily reports again from its raw events
                         and orders, day by day, with progress.
  imports gc [--dry-run] Remove uploaded import files nobody needs: not applied within
                         24 h (the import is discarded), or kept past
                         STOREPILOT_IMPORT_FILE_RETENTION_DAYS (default 7). Hourly job too.

Environment: PORT, HOST, STOREPILOT_DATA_DIR, DATABASE_URL (PostgreSQL instead of the
embedded database), LOG_LEVEL, STOREPILOT_PUBLIC_URL (where the installation is reached;
exports write uploaded images as URLs under it), STOREPILOT_MEDIA_GRACE_HOURS,
STOREPILOT_IMPORT_FILE_RETENTION_DAYS.
Roles: owner admin manager marketing operations support content analyst viewer`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-demo': { type: 'boolean' },
      workers: { type: 'string' },
      handle: { type: 'string' },
      name: { type: 'string' },
      currency: { type: 'string' },
      locale: { type: 'string' },
      timezone: { type: 'string' },
      domain: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      store: { type: 'string' },
      role: { type: 'string' },
      permissions: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const config = loadConfig({
    port: values.port,
    host: values.host,
    dataDir: values['data-dir'],
    demo: values['no-demo'] ? false : undefined,
    workers: values.workers,
  });

  if (command === 'start')
    return config.workers > 1 && cluster.isPrimary ? startWorkers(config) : startServer(config);

  if (command === 'migrate') {
    if (!config.databaseUrl && readRuntimeInfo(config.dataDir)) {
      process.stdout.write('The running server applied all migrations when it started; nothing to do.\n');
      return;
    }
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    await migrateDatabase(database);
    await database.close();
    process.stdout.write('Migrations applied.\n');
    return;
  }

  if (command === 'import' || command === 'export') {
    if (sub !== 'products')
      fail(`Unknown command "${command} ${sub ?? ''}". Did you mean "${command} products"?`);
    const transfer = { config, file: positionals[2], store: values.store, format: values.format };
    if (command === 'import')
      return importProductsCommand({ ...transfer, dryRun: values['dry-run'] ?? false });
    return exportProductsCommand({ ...transfer, out: values.out });
  }

  const name = `${command} ${sub ?? ''}`.trim();
  if (name === 'analytics rebuild')
    return analyticsRebuildCommand(config, values.store ? { store: values.store } : {});
  if (name === 'inventory verify')
    return inventoryVerifyCommand(config, values.store ? { store: values.store } : {});
  if (isHousekeepingCommand(name))
    return housekeepingCommand(config, name, { dryRun: values['dry-run'] ?? false });
  if (!isAdminCommand(name))
    fail(
      `Unknown command "${name}". Commands: start, migrate, ${adminCommands.join(', ')}, import products, export products, inventory verify, analytics rebuild, ${housekeepingCommands.join(', ')}.\n\n${usage}`,
    );
  const args = Object.fromEntries(
    Object.entries(values).filter(([k]) => !['port', 'host', 'data-dir', 'no-demo'].includes(k)),
  );

  const running = config.databaseUrl ? undefined : readRuntimeInfo(config.dataDir);
  if (running) {
    // The embedded database belongs to the running server: ask it to run the command.
    const res = await fetch(`${running.url}/internal/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLI_TOKEN_HEADER]: running.cliToken },
      body: JSON.stringify({ command: name, args }),
    }).catch((err: Error) => fail(`Could not reach the running server at ${running.url}: ${err.message}`));
    const body = (await res.json()) as { output?: string; error?: { message: string; details?: unknown } };
    if (!res.ok) fail(formatError(body.error));
    process.stdout.write(`${body.output}\n`);
    return;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    process.stdout.write(`${await runAdminCommand(database.db, name, args)}\n`);
  } finally {
    await database.close();
  }
}

function formatError(error: { message: string; details?: unknown } | undefined): string {
  if (!error) return 'The command failed.';
  return error.details ? `${error.message}\n${JSON.stringify(error.details, null, 2)}` : error.message;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof AppError) fail(formatError(err));
  if (err && typeof err === 'object' && 'issues' in err)
    fail(formatError({ message: 'Invalid input', details: (err as { issues: unknown }).issues }));
  fail(err instanceof Error ? err.message : String(err));
});
