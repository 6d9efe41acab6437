/** Durable jobs and schedules, shared by all instances through the database. */
export { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from './backoff.ts';
export { defaultMaxAttempts, type EnqueueOptions, enqueueJob } from './enqueue.ts';
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
