/** Durable jobs and schedules, shared by all instances through the database. */
export { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './backoff.ts';
export { defaultMaxAttempts, enqueueJob, type EnqueueOptions } from './enqueue.ts';
export {
  createJobRunner,
  type JobContext,
  type JobHandler,
  type JobRunner,
  type JobRunnerOptions,
  type RegisterOptions,
  type WorkerLogger,
} from './runner.ts';
export type { ScheduleDefinition } from './schedules.ts';
