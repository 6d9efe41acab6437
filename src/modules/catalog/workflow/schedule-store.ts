import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../access/actor.ts';
import { recordWorkflowStep } from './revision-store.ts';
import { productSchedules } from './schema.ts';

export type ProductSchedule = typeof productSchedules.$inferSelect;

export async function pendingSchedule(tx: Db, productId: string, action: 'publish' | 'unpublish') {
  const [row] = await tx
    .select()
    .from(productSchedules)
    .where(
      and(
        eq(productSchedules.productId, productId),
        eq(productSchedules.action, action),
        eq(productSchedules.state, 'scheduled'),
      ),
    )
    .for('update');
  return row ?? null;
}

/**
 * A publish (or unpublish) done now makes the planned one pointless: it is cancelled, audited, so
 * it cannot fire later and surprise anyone. `except` is the schedule carrying out this very change.
 */
export async function cancelSupersededSchedule(
  tx: Db,
  actor: Actor,
  productId: string,
  storeId: string,
  action: 'publish' | 'unpublish',
  except?: string,
): Promise<void> {
  const pending = await pendingSchedule(tx, productId, action);
  if (!pending || pending.id === except) return;
  const [cancelled] = await tx
    .update(productSchedules)
    .set({
      state: 'cancelled',
      outcome: `superseded: ${action === 'publish' ? 'published' : 'unpublished'} before the planned time`,
      updatedAt: new Date(),
      finishedAt: new Date(),
    })
    .where(eq(productSchedules.id, pending.id))
    .returning();
  await recordWorkflowStep(
    tx,
    actor,
    storeId,
    productId,
    'product.schedule_cancelled',
    scheduleSnapshot(pending),
    scheduleSnapshot(cancelled!),
  );
}

export function scheduleSnapshot(s: ProductSchedule) {
  return {
    scheduleId: s.id,
    action: s.action,
    localTime: s.localTime,
    timezone: s.timezone,
    runAt: s.runAt,
    state: s.state,
    outcome: s.outcome,
  };
}

/** Pending schedules and the last finished ones, newest first. */
export async function listSchedules(db: Db, storeId: string, productId: string, finishedLimit = 10) {
  const rows = await db
    .select()
    .from(productSchedules)
    .where(and(eq(productSchedules.storeId, storeId), eq(productSchedules.productId, productId)))
    .orderBy(desc(productSchedules.createdAt))
    .limit(50);
  const pending = rows.filter((r) => r.state === 'scheduled').sort((a, b) => +a.runAt - +b.runAt);
  const finished = rows.filter((r) => r.state !== 'scheduled').slice(0, finishedLimit);
  return { pending, finished };
}

/** A schedule of the product by id, locked. */
export async function lockSchedule(tx: Db, storeId: string, productId: string, scheduleId: string) {
  const [row] = await tx
    .select()
    .from(productSchedules)
    .where(
      and(
        eq(productSchedules.storeId, storeId),
        eq(productSchedules.productId, productId),
        eq(productSchedules.id, scheduleId),
      ),
    )
    .for('update');
  return row ?? null;
}

/** Whether a publish is planned before `instant` (a product may be scheduled off after a planned launch). */
export async function publishPlannedBefore(tx: Db, productId: string, instant: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: productSchedules.id })
    .from(productSchedules)
    .where(
      and(
        eq(productSchedules.productId, productId),
        eq(productSchedules.action, 'publish'),
        eq(productSchedules.state, 'scheduled'),
        lt(productSchedules.runAt, instant),
      ),
    );
  return rows.length > 0;
}
