import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { AppError, type ErrorStatus } from '../platform/errors.ts';
import { defaultStorages, type HousekeepingCommand, runHousekeepingCommand } from './housekeeping.ts';
import { CLI_TOKEN_HEADER } from './internal-route.ts';
import { readRuntimeInfo } from './runtime-file.ts';

/**
 * `storepilot media gc [--dry-run]` / `storepilot imports gc [--dry-run]`: through the running server
 * when it holds the embedded database, else directly on the database and the data dir's files.
 */
export async function housekeepingCommand(
  config: Config,
  command: HousekeepingCommand,
  args: { dryRun: boolean },
): Promise<void> {
  const server = config.databaseUrl ? undefined : readRuntimeInfo(config.dataDir);
  if (server) {
    const res = await fetch(`${server.url}/internal/cli/housekeeping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLI_TOKEN_HEADER]: server.cliToken },
      body: JSON.stringify({ command, args }),
    });
    const answer = (await res.json()) as { output?: string; error?: { code: string; message: string } };
    if (!res.ok || answer.output === undefined) {
      throw new AppError(
        res.status as ErrorStatus,
        answer.error?.code ?? 'command_failed',
        answer.error?.message ?? `${command} failed.`,
      );
    }
    process.stdout.write(`${answer.output}\n`);
    return;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const output = await runHousekeepingCommand(
      {
        db: database.db,
        ...defaultStorages(config.dataDir),
        mediaGraceHours: config.mediaGraceHours,
        importFileRetentionDays: config.importFileRetentionDays,
      },
      command,
      args,
    );
    process.stdout.write(`${output}\n`);
  } finally {
    await database.close();
  }
}
