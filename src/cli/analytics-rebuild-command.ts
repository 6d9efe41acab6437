import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { AppError, type ErrorStatus } from '../platform/errors.ts';
import { runAnalyticsRebuild } from './analytics-rebuild.ts';
import { CLI_TOKEN_HEADER } from './internal-route.ts';
import { progressLine } from './progress.ts';
import { readRuntimeInfo } from './runtime-file.ts';

/**
 * `storepilot analytics rebuild --store H`: through the running server when it holds the embedded
 * database (the server shows no progress then, only the result), else directly with a progress
 * line over the days.
 */
export async function analyticsRebuildCommand(config: Config, args: { store?: string }): Promise<void> {
  const server = config.databaseUrl ? undefined : readRuntimeInfo(config.dataDir);
  if (server) {
    const res = await fetch(`${server.url}/internal/cli/analytics-rebuild`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLI_TOKEN_HEADER]: server.cliToken },
      body: JSON.stringify(args),
    });
    const answer = (await res.json()) as { output?: string; error?: { code: string; message: string } };
    if (!res.ok || answer.output === undefined) {
      throw new AppError(
        res.status as ErrorStatus,
        answer.error?.code ?? 'command_failed',
        answer.error?.message ?? 'analytics rebuild failed.',
      );
    }
    process.stdout.write(`${answer.output}\n`);
    return;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const progress = progressLine('Rolling up days');
    const { output } = await runAnalyticsRebuild(database.db, args, (p) =>
      progress.update(p.done, p.total, p.day),
    );
    progress.done();
    process.stdout.write(`${output}\n`);
  } finally {
    await database.close();
  }
}
