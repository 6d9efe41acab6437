import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { authRoutes, registerAuth, storeAccessRoutes } from './modules/access/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { serveAdminConsole } from './platform/http/admin-static.ts';
import { createHttpServer } from './platform/http/server.ts';
import { createLogger, type Logger } from './platform/logging.ts';
import { createMetrics } from './platform/metrics.ts';
import { storefrontRoutes } from './storefront/index.ts';

export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

export interface AppOptions {
  config: Config;
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  logger?: Logger;
}

/**
 * Composition root: config → database (migrated) → modules → HTTP → background work.
 * Returns the pieces so `start` can listen and tests can inject requests.
 */
export async function buildApp(options: AppOptions) {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const ownsDatabase = !options.database;
  const database =
    options.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  await migrateDatabase(database);
  const { db } = database;
  const metrics = createMetrics();
  let accepting = true;

  const app = await createHttpServer({
    logger,
    metrics,
    version,
    isReady: async () => {
      if (!accepting) return false;
      await database.execute('select 1');
      return true;
    },
  });
  registerAuth(app, db);
  const routeOptions = { db, secureCookies: config.secureCookies };
  await app.register(authRoutes, routeOptions);
  await app.register(
    async (scoped) => {
      await scoped.register(storeAccessRoutes, routeOptions);
      await scoped.register(catalogRoutes, routeOptions);
    },
    { prefix: '/api/admin/stores/:store' },
  );
  await serveAdminConsole(app);
  await app.register(storefrontRoutes, { db, publicUrl: config.publicUrl });

  async function close() {
    accepting = false;
    await app.close();
    if (ownsDatabase) await database.close();
  }

  return { app, database, db, logger, metrics, close };
}

export type StorepilotApp = Awaited<ReturnType<typeof buildApp>>;
