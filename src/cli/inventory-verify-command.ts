import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { AppError, type ErrorStatus } from '../platform/errors.ts';
import { CLI_TOKEN_HEADER } from './internal-route.ts';
import { runInventoryVerify } from './inventory-verify.ts';
import { progressLine } from './progress.ts';
import { readRuntimeInfo } from './runtime-file.ts';

/**
 * `storepilot inventory verify [--store H]`: through the running server when it holds the embedded
 * database, else directly on the database with a progress line per store. Exit code 1 on drift.
 */
export async function inventoryVerifyCommand(config: Config, args: { store?: string }): Promise<void> {
  const server = config.databaseUrl ? undefined : readRuntimeInfo(config.dataDir);
  let result: { output: string; clean: boolean };
  if (server) {
    const res = await fetch(`${server.url}/internal/cli/inventory-verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLI_TOKEN_HEADER]: server.cliToken },
      body: JSON.stringify(args),
    });
    const answer = (await res.json()) as {
      output?: string;
      clean?: boolean;
      error?: { code: string; message: string };
    };
    if (!res.ok || answer.output === undefined) {
      throw new AppError(
        res.status as ErrorStatus,
        answer.error?.code ?? 'command_failed',
        answer.error?.message ?? 'inventory verify failed.',
      );
    }
    result = { output: answer.output, clean: answer.clean === true };
  } else {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateDatabase(database);
      const progress = progressLine('Verifying stores');
      result = await runInventoryVerify(database.db, args, (done, total) => progress.update(done, total));
      progress.done();
    } finally {
      await database.close();
    }
  }
  process.stdout.write(`${result.output}\n`);
  if (!result.clean) process.exitCode = 1;
}
