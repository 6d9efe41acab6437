import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.ts';

/** What a worker tells the primary once it listens, with its address (start.ts sends it). */
export interface WorkerReady {
  type: 'storepilot:ready';
  url: string;
}

/**
 * Whether this process is a worker other than the first: it serves like any other but leaves the
 * start-up banner to the first (start.ts).
 */
export function isQuietWorker(): boolean {
  return cluster.isWorker && process.env.STOREPILOT_WORKER_ROLE === 'more';
}

/**
 * `storepilot start --workers N` (or STOREPILOT_WORKERS): N server processes on one port, so a
 * machine's cores all serve. Each worker is a whole instance (`startServer`): node:cluster hands
 * incoming connections round-robin, and instances already coordinate through the database (job
 * claims, row locks, the change feed that keeps each one's caches true), exactly as several
 * machines behind a load balancer would. PostgreSQL only: the embedded database admits one process.
 *
 * The first worker starts alone (it applies migrations and creates the demo on an empty
 * installation, and prints the banner); the others follow once it listens. A worker that dies is
 * replaced; SIGINT or SIGTERM stops every worker gracefully, then the primary.
 */
export async function startWorkers(config: Config): Promise<void> {
  if (!config.databaseUrl) {
    throw new Error(
      `--workers ${config.workers} needs PostgreSQL (DATABASE_URL): the embedded database admits one process. Start without --workers.`,
    );
  }
  let stopping = false;
  const live = new Set<Worker>();

  let url = '';
  const fork = (role: 'first' | 'more') =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork({ STOREPILOT_WORKER_ROLE: role });
      live.add(worker);
      let ready = false;
      worker.on('message', (message: Partial<WorkerReady> | null) => {
        if (message?.type === 'storepilot:ready') {
          ready = true;
          url = message.url ?? url;
          resolve(worker);
        }
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        if (stopping) return;
        if (!ready) {
          reject(new Error(`A server worker stopped while starting (${signal ?? `exit code ${code}`}).`));
          return;
        }
        process.stderr.write(
          `A server worker stopped (${signal ?? `exit code ${code}`}); starting another in its place.\n`,
        );
        fork('more').catch((err: Error) => process.stderr.write(`${err.message}\n`));
      });
    });

  const stopAll = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const exits = [...live].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill(signal);
        }),
    );
    const timer = setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
    }, 20_000);
    timer.unref();
    await Promise.all(exits);
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll('SIGTERM'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));

  try {
    await fork('first');
    await Promise.all(Array.from({ length: config.workers - 1 }, () => fork('more')));
  } catch (err) {
    stopping = true;
    for (const worker of live) worker.process.kill('SIGTERM');
    throw err;
  }
  process.stdout.write(`  ${config.workers} server processes serve ${url}.\n\n`);
}
