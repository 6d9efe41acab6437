import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob, type JobRunner } from '../../../platform/jobs/index.ts';
import type { Actor } from '../../access/actor.ts';
import type { CatalogWriter } from '../products.ts';
import { instantOfStoreTime } from './local-time.ts';
import { publishInTransaction, unpublishInTransaction } from './publishing.ts';
import { findOpenRevision, lockProduct, recordWorkflowStep } from './revision-store.ts';
import {
  lockSchedule,
  type ProductSchedule,
  pendingSchedule,
  publishPlannedBefore,
  scheduleSnapshot,
} from './schedule-store.ts';
import { productSchedules } from './schema.ts';
import { assertMayPublish, illegalTransition, productWorkflowState } from './workflow-state.ts';

/** The durable job that carries out a planned publish or unpublish. */
export const SCHEDULED_CHANGE_JOB = 'catalog.scheduled-product-change';

interface ScheduledChangePayload {
  scheduleId: string;
  version: number;
}

export interface ScheduleInput {
  action: 'publish' | 'unpublish';
  /** Wall-clock time in the store's time zone: 2030-07-01T09:00. */
  at: string;
}

/**
 * Plans a publish or unpublish at a local time of the store. One plan per product and action: asking
 * again moves the pending one (a reschedule). The job is enqueued in the same transaction, so the
 * plan survives restarts exactly when it was saved.
 */
export async function scheduleProductChange(
  db: Db,
  writer: CatalogWriter,
  store: { id: string; timezone: string },
  productId: string,
  input: ScheduleInput,
  now = new Date(),
): Promise<{ schedule: ProductSchedule; rescheduled: boolean }> {
  assertMayPublish(writer, input.action === 'publish' ? 'Scheduling a publish' : 'Scheduling an unpublish');
  const runAt = instantOfStoreTime(input.at, store.timezone);
  if (runAt.getTime() <= now.getTime()) {
    throw unprocessable('time_in_past', `${input.at} (${store.timezone}) has already passed.`, {
      path: 'at',
    });
  }
  return db.transaction(async (tx) => {
    const live = await lockProduct(tx, store.id, productId);
    const open = await findOpenRevision(tx, productId);
    const state = productWorkflowState(live.product, open);
    if (live.product.status === 'archived') {
      throw illegalTransition(
        'schedule',
        state,
        'Restore the archived product as a draft before scheduling it.',
      );
    }
    if (input.action === 'publish') {
      if (open && open.state !== 'approved') {
        throw conflict(
          'review_pending',
          `Revision ${open.number} must be approved before its publication is planned.`,
          {
            revisionId: open.id,
            state: open.state,
          },
        );
      }
      if (!open && live.product.status === 'active') {
        throw illegalTransition(
          'schedule',
          state,
          'The product is live and has no approved changes to publish.',
        );
      }
    } else if (live.product.status !== 'active' && !(await publishPlannedBefore(tx, productId, runAt))) {
      throw illegalTransition(
        'schedule',
        state,
        'The product is not live, nor planned to be before that time.',
      );
    }
    const existing = await pendingSchedule(tx, productId, input.action);
    let schedule: ProductSchedule;
    if (existing) {
      [schedule] = (await tx
        .update(productSchedules)
        .set({
          runAt,
          localTime: input.at,
          timezone: store.timezone,
          version: existing.version + 1,
          createdBy: writer.actor,
          updatedAt: new Date(),
        })
        .where(eq(productSchedules.id, existing.id))
        .returning()) as [ProductSchedule];
    } else {
      [schedule] = (await tx
        .insert(productSchedules)
        .values({
          id: newId('productSchedule'),
          storeId: store.id,
          productId,
          action: input.action,
          runAt,
          localTime: input.at,
          timezone: store.timezone,
          state: 'scheduled',
          createdBy: writer.actor,
        })
        .returning()) as [ProductSchedule];
    }
    const payload: ScheduledChangePayload = { scheduleId: schedule.id, version: schedule.version };
    await enqueueJob(tx, SCHEDULED_CHANGE_JOB, payload, { runAt, maxAttempts: 5 });
    await recordWorkflowStep(
      tx,
      writer.actor,
      store.id,
      productId,
      existing ? 'product.schedule_changed' : `product.${input.action}_scheduled`,
      existing ? scheduleSnapshot(existing) : undefined,
      scheduleSnapshot(schedule),
    );
    return { schedule, rescheduled: Boolean(existing) };
  });
}

export async function cancelSchedule(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  scheduleId: string,
): Promise<ProductSchedule> {
  assertMayPublish(writer, 'Cancelling a planned change');
  return db.transaction(async (tx) => {
    await lockProduct(tx, storeId, productId);
    const found = await lockSchedule(tx, storeId, productId, scheduleId);
    if (!found) throw notFound('Schedule');
    if (found.state !== 'scheduled') {
      throw illegalTransition(
        'schedule',
        found.state,
        `This planned ${found.action} is already ${found.state}.`,
      );
    }
    const [cancelled] = (await tx
      .update(productSchedules)
      .set({ state: 'cancelled', outcome: 'cancelled', updatedAt: new Date(), finishedAt: new Date() })
      .where(eq(productSchedules.id, found.id))
      .returning()) as [ProductSchedule];
    await recordWorkflowStep(
      tx,
      writer.actor,
      storeId,
      productId,
      'product.schedule_cancelled',
      scheduleSnapshot(found),
      scheduleSnapshot(cancelled),
    );
    return cancelled;
  });
}

/** Whoever planned the change is recorded as doing it, marked as done by the schedule. */
function scheduledActor(actor: Actor): Actor {
  return { ...actor, label: `${actor.label} (scheduled)` } as Actor;
}

/**
 * The job: carries out the planned change if the plan still stands (same version, still scheduled).
 * A change the workflow refuses (the product moved on: archived, review reopened…) marks the plan
 * failed with the reason, audited; it is not retried. Database trouble throws and the runner retries.
 */
export async function runScheduledChange(
  db: Db,
  payload: ScheduledChangePayload,
): Promise<ProductSchedule['state'] | 'stale'> {
  return db.transaction(async (tx) => {
    const [schedule] = await tx
      .select()
      .from(productSchedules)
      .where(eq(productSchedules.id, payload.scheduleId))
      .for('update');
    if (schedule?.state !== 'scheduled' || schedule.version !== payload.version) return 'stale';
    const writer: CatalogWriter = { actor: scheduledActor(schedule.createdBy), canPublish: true };
    let outcome: { state: 'done' | 'failed'; text: string | null };
    try {
      await tx.transaction(async (savepoint) => {
        if (schedule.action === 'publish')
          await publishInTransaction(savepoint, writer, schedule.storeId, schedule.productId, {
            scheduleId: schedule.id,
          });
        else
          await unpublishInTransaction(savepoint, writer, schedule.storeId, schedule.productId, {
            scheduleId: schedule.id,
          });
      });
      outcome = { state: 'done', text: null };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      outcome = { state: 'failed', text: `${err.code}: ${err.message}` };
    }
    const [finished] = (await tx
      .update(productSchedules)
      .set({ state: outcome.state, outcome: outcome.text, updatedAt: new Date(), finishedAt: new Date() })
      .where(eq(productSchedules.id, schedule.id))
      .returning()) as [ProductSchedule];
    if (outcome.state === 'failed') {
      await recordWorkflowStep(
        tx,
        writer.actor,
        schedule.storeId,
        schedule.productId,
        `product.scheduled_${schedule.action}_failed`,
        scheduleSnapshot(schedule),
        scheduleSnapshot(finished),
      );
    }
    return finished.state;
  });
}

export function registerCatalogWorkflowJobs(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register<ScheduledChangePayload>(
    SCHEDULED_CHANGE_JOB,
    async (payload, { db }) => {
      await runScheduledChange(db, payload);
    },
    { concurrency: 2, timeoutMs: 60_000 },
  );
}
