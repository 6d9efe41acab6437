import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.ts';
import { createInterruptibleSleep } from '../interruptible-sleep.ts';
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from './backoff.ts';
import { type EnqueueOptions, enqueueJob } from './enqueue.ts';
import {
  type ClaimedJob,
  claimJobs,
  completeJob,
  failAbandonedJobs,
  failJob,
  namesWithDueJobs,
  pruneFinishedJobs,
  releaseJob,
} from './job-claims.ts';
import { enqueueDueSchedules, removeSchedule, type ScheduleDefinition, upsertSchedule } from './schedules.ts';

/** The part of a pino logger the workers use (a Fastify or child logger fits too). */
export type WorkerLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface JobContext {
  db: Db;
  jobId: string;
  name: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the job times out or the runner stops; long handlers should pass it on (fetch, etc.). */
  signal: AbortSignal;
  logger: WorkerLogger;
}

// biome-ignore lint/suspicious/noExplicitAny: a handler names its own payload type; the queue stores JSON.
export type JobHandler<P = any> = (payload: P, context: JobContext) => Promise<void> | void;

export interface RegisterOptions {
  /** Jobs of this name run at most this many at a time in this instance (default 1). */
  concurrency?: number;
  /** An attempt running longer fails (and is retried) (default 5 minutes). */
  timeoutMs?: number;
}

export interface JobRunnerOptions {
  database: Database;
  logger: WorkerLogger;
  /** How often to look for due jobs when idle (default 500 ms). */
  pollMs?: number;
  /** Backoff between attempts (default 2^attempt seconds, capped at 1 hour, with jitter). */
  retry?: Partial<RetryPolicy>;
  /** How long stop() waits for running handlers before giving their jobs back (default 10 s). */
  shutdownTimeoutMs?: number;
  /** How long finished jobs are kept (default: completed 7 days, failed 30 days). */
  retention?: { completedMs?: number; failedMs?: number };
}

export interface JobRunner {
  register<P>(name: string, handler: JobHandler<P>, options?: RegisterOptions): void;
  enqueue(db: Db, name: string, payload: unknown, options?: EnqueueOptions): Promise<string | null>;
  schedule(definition: ScheduleDefinition): Promise<void>;
  unschedule(name: string): Promise<boolean>;
  /** Starts polling in the background. */
  start(): void;
  /** Stops claiming, waits for running handlers (up to shutdownTimeoutMs), gives back the rest. */
  stop(): Promise<void>;
  /** One round: enqueue due schedules, claim due jobs of registered names, run them and wait. Returns jobs run. */
  runDueJobsOnce(): Promise<number>;
}

interface Registration {
  handler: JobHandler;
  concurrency: number;
  timeoutMs: number;
  running: number;
}

interface Execution {
  job: ClaimedJob;
  controller: AbortController;
  done: Promise<void>;
}

/** A claim outlives the handler's timeout by this much, so only a dead worker lets it lapse. */
const CLAIM_MARGIN_MS = 30_000;
/** Schedules and abandoned jobs are looked at no more often than this, whatever the poll interval. */
const MAINTENANCE_EVERY_MS = 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

class JobTimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'JobTimeoutError';
  }
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, logger } = options;
  const db = database.db;
  const pollMs = options.pollMs ?? 500;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const retention = {
    completedMs: options.retention?.completedMs ?? 7 * 24 * 3600_000,
    failedMs: options.retention?.failedMs ?? 30 * 24 * 3600_000,
  };
  const registrations = new Map<string, Registration>();
  const executions = new Set<Execution>();
  let loop: Promise<void> | undefined;
  let polling = false;
  const pause = createInterruptibleSleep();
  let lastMaintenance = 0;
  let lastPrune = 0;

  function wake() {
    pause.interrupt();
  }

  async function maintain(force: boolean) {
    const now = Date.now();
    if (!force && now - lastMaintenance < MAINTENANCE_EVERY_MS) return;
    lastMaintenance = now;
    const enqueued = await enqueueDueSchedules(db);
    if (enqueued > 0) logger.debug({ enqueued }, 'scheduled jobs enqueued');
    const abandoned = await failAbandonedJobs(db);
    if (abandoned > 0)
      logger.warn({ abandoned }, 'jobs failed: their worker stopped during the last attempt');
    if (now - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = now;
      await pruneFinishedJobs(db, retention);
    }
  }

  async function execute(registration: Registration, job: ClaimedJob, controller: AbortController) {
    const log = { jobId: job.id, job: job.name, attempt: job.attempt };
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new JobTimeoutError(registration.timeoutMs);
          controller.abort(error);
          reject(error);
        }, registration.timeoutMs);
      });
      const context: JobContext = {
        db,
        jobId: job.id,
        name: job.name,
        attempt: job.attempt,
        maxAttempts: job.maxAttempts,
        signal: controller.signal,
        logger,
      };
      await Promise.race([Promise.resolve().then(() => registration.handler(job.payload, context)), timeout]);
      clearTimeout(timer);
      if (!(await completeJob(db, job)))
        logger.warn(log, 'job finished after its claim was lost; outcome not recorded');
    } catch (err) {
      clearTimeout(timer);
      const message = err instanceof Error ? err.message : String(err);
      try {
        const status = await failJob(db, job, message, retryDelayMs(job.attempt, retry));
        if (status === 'failed')
          logger.error({ ...log, err: message }, 'job failed for good after its last attempt');
        else if (status === 'pending')
          logger.warn({ ...log, err: message }, 'job attempt failed; will retry');
      } catch (recordError) {
        logger.error(
          { ...log, err: recordError },
          'could not record a failed job attempt; its claim will lapse',
        );
      }
    }
  }

  function launch(registration: Registration, job: ClaimedJob): Execution {
    const controller = new AbortController();
    registration.running++;
    const execution: Execution = { job, controller, done: Promise.resolve() };
    execution.done = execute(registration, job, controller)
      .catch((err) => logger.error({ jobId: job.id, err }, 'job bookkeeping failed'))
      .finally(() => {
        registration.running--;
        executions.delete(execution);
        wake();
      });
    executions.add(execution);
    return execution;
  }

  /** Claims what this instance has room for and starts it; returns the executions started. */
  async function claimAndLaunch(): Promise<Execution[]> {
    const withRoom = [...registrations].filter(([, r]) => r.running < r.concurrency).map(([name]) => name);
    const started: Execution[] = [];
    for (const name of await namesWithDueJobs(db, withRoom)) {
      const registration = registrations.get(name)!;
      const room = registration.concurrency - registration.running;
      const claimed = await claimJobs(db, name, room, registration.timeoutMs + CLAIM_MARGIN_MS);
      for (const job of claimed) started.push(launch(registration, job));
    }
    return started;
  }

  async function poll() {
    await maintain(false);
    await claimAndLaunch();
  }

  async function run() {
    while (polling) {
      try {
        await poll();
      } catch (err) {
        logger.error({ err }, 'job poll failed; retrying');
      }
      if (polling) await pause.sleep(pollMs);
    }
  }

  return {
    register(name, handler, registerOptions = {}) {
      const concurrency = registerOptions.concurrency ?? 1;
      const timeoutMs = registerOptions.timeoutMs ?? 5 * 60_000;
      if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new Error(`job ${name}: concurrency must be ≥ 1`);
      if (!(timeoutMs > 0)) throw new Error(`job ${name}: timeoutMs must be positive`);
      if (registrations.has(name)) throw new Error(`job ${name} is already registered`);
      registrations.set(name, { handler: handler as JobHandler, concurrency, timeoutMs, running: 0 });
    },

    enqueue: enqueueJob,

    schedule: (definition) => upsertSchedule(db, definition),

    unschedule: (name) => removeSchedule(db, name),

    start() {
      if (polling) return;
      polling = true;
      loop = run();
    },

    async stop() {
      polling = false;
      wake();
      await loop;
      loop = undefined;
      const pending = [...executions];
      if (pending.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), shutdownTimeoutMs);
      });
      await Promise.race([Promise.all(pending.map((e) => e.done)), deadline]);
      clearTimeout(timer);
      for (const execution of [...executions]) {
        // Released before the abort, so a handler that then returns cannot record an outcome over it.
        try {
          await releaseJob(db, execution.job);
          logger.warn(
            { jobId: execution.job.id, job: execution.job.name },
            'job still running at shutdown; released',
          );
        } catch (err) {
          logger.error(
            { jobId: execution.job.id, err },
            'could not release a job at shutdown; its claim will lapse',
          );
        }
        execution.controller.abort(new Error('job runner stopping'));
      }
    },

    async runDueJobsOnce() {
      await maintain(true);
      const started = await claimAndLaunch();
      await Promise.all(started.map((e) => e.done));
      return started.length;
    },
  };
}
