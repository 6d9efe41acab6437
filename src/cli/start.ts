import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { buildApp, type StorepilotApp } from '../app.ts';
import type { Config } from '../config.ts';
import { DEMO_OWNER, DemoSeedStopped, demoLoginStillValid, seedDemo } from '../demo/seed-demo.ts';
import { countStores } from '../modules/access/index.ts';
import { redactUrl } from '../platform/db/database.ts';
import { watchRequestLoad } from '../platform/runtime/throughput-under-load.ts';
import { cliRoute } from './internal-route.ts';
import { progressLine } from './progress.ts';
import { readRuntimeInfo, removeRuntimeInfo, writeRuntimeInfo } from './runtime-file.ts';
import { isQuietWorker, type WorkerReady } from './start-workers.ts';

/** `storepilot start`: migrate, seed the demo on an empty installation, serve, shut down gracefully. */
export async function startServer(config: Config): Promise<void> {
  const startedAt = performance.now();
  // Signals are handled from the first moment: a stop asked for while migrating or seeding waits for
  // that step, then shuts down cleanly (the embedded database must be closed, not cut off).
  let storepilot: StorepilotApp | undefined;
  let started = false;
  let stopSignal: string | undefined;
  const shutdown = async (signal: string) => {
    const timer = setTimeout(() => {
      process.stderr.write('Shutdown took too long; exiting.\n');
      process.exit(1);
    }, 15_000);
    timer.unref();
    storepilot?.logger.info({ signal }, 'shutting down');
    try {
      // Stop taking requests, finish the ones in flight and the running jobs, then close the database.
      await storepilot?.close();
    } finally {
      if (!config.databaseUrl) removeRuntimeInfo(config.dataDir);
    }
    process.exit(0);
  };
  const onSignal = (signal: string) => {
    if (stopSignal) return;
    stopSignal = signal;
    if (started) void shutdown(signal);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  if (!config.databaseUrl) {
    const running = readRuntimeInfo(config.dataDir);
    if (running) {
      throw new Error(
        `Storepilot is already running on ${config.dataDir} (pid ${running.pid}, ${running.url}).\n` +
          'The embedded database admits one server at a time: stop that one, or use another --data-dir.',
      );
    }
  }
  storepilot = await buildApp({ config });
  const { app, db } = storepilot;
  // Under sustained request load V8 leaves its memory-saving mode, and goes back to it when calm.
  app.server.on('request', watchRequestLoad().request);
  const cliToken = randomBytes(24).toString('base64url');
  if (!config.databaseUrl) {
    await app.register(cliRoute, {
      db,
      token: cliToken,
      publicUrl: config.publicUrl,
      housekeeping: {
        mediaStorage: storepilot.mediaStorage,
        importStorage: storepilot.importStorage,
        mediaGraceHours: config.mediaGraceHours,
        importFileRetentionDays: config.importFileRetentionDays,
      },
    });
  }

  let seeded = false;
  if (config.demo) {
    const progress = progressLine('Creating demo stores');
    const seedStarted = performance.now();
    try {
      seeded = await seedDemo(db, progress.update, {
        mailFrom: config.mailFrom,
        // Seeding takes a while on a first start: a stop asked for meanwhile abandons it (rolled back).
        shouldStop: () => stopSignal !== undefined,
      });
      // How long the first start spent on the demo (docs/benchmarks.md keeps the figures).
      const seconds = ((performance.now() - seedStarted) / 1000).toFixed(1);
      progress.done(seeded ? `Demo stores created in ${seconds} s` : undefined);
    } catch (err) {
      if (!(err instanceof DemoSeedStopped)) throw err;
      progress.done('Demo stores not created: stopped first; the next start creates them');
    }
  }
  // Stopped while migrating or seeding: there is nothing to serve; close the database and go.
  if (stopSignal) return shutdown(stopSignal);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await storepilot.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${config.port} on ${config.host} is in use by another program. Start on another port: --port ${config.port + 1} (or PORT=${config.port + 1}).`,
      );
    }
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = config.publicUrl ?? `http://${shownHost}:${port}`;
  if (!config.databaseUrl) {
    writeRuntimeInfo(config.dataDir, {
      pid: process.pid,
      url: base,
      cliToken,
      startedAt: new Date().toISOString(),
    });
  }

  const lines = [
    '',
    `  Storepilot is running (${config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `embedded database in ${config.dataDir}`})`,
    '',
    `  Storefront   ${base}/`,
    `  Admin        ${base}/admin/`,
    `  API docs     ${base}/api/docs`,
  ];
  if (config.demo && (seeded || (await demoLoginStillValid(db)))) {
    lines.push('', `  Demo login   ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}`);
  } else if ((await countStores(db)) === 0) {
    lines.push(
      '',
      '  No store yet. Create one and its first owner (in another terminal):',
      '    npx storepilot store create --handle my-shop --name "My Shop" --currency EUR',
      '    npx storepilot user create --email you@example.com --password "<10+ characters>" --store my-shop --role owner',
    );
  }
  lines.push('', `  Ready in ${Math.round(performance.now() - startedAt)} ms. Press Ctrl+C to stop.`, '');
  if (!isQuietWorker()) process.stdout.write(`${lines.join('\n')}\n`);
  if (cluster.isWorker) process.send?.({ type: 'storepilot:ready', url: base } satisfies WorkerReady);

  started = true;
  if (stopSignal) await shutdown(stopSignal);
}
