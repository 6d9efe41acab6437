import { and, asc, desc, eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { isChannelGroup } from '../analytics/channel-grouping/index.ts';
import { loadStoreCategories } from '../catalog/index.ts';
import {
  categoryGoalMetrics,
  checkTarget,
  type GoalInput,
  goalDays,
  goalInput,
  goalMetricWords,
} from './goal-input.ts';
import { goals } from './schema.ts';

export type Goal = typeof goals.$inferSelect;

/** The goals of a store, the latest periods first. */
export async function listGoals(db: Db, storeId: string): Promise<Goal[]> {
  return db
    .select()
    .from(goals)
    .where(eq(goals.storeId, storeId))
    .orderBy(desc(goals.endDay), asc(goals.startDay), asc(goals.id));
}

export async function getGoal(db: Db, storeId: string, goalId: string): Promise<Goal> {
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.storeId, storeId), eq(goals.id, goalId)));
  if (!goal) throw notFound('Goal', { id: goalId });
  return goal;
}

/**
 * The row a goal input describes, every rule checked before anything is written: 400
 * `invalid_period`, `invalid_target`, `scope_value_required`, `unknown_channel`, `unknown_category`,
 * `metric_not_available_for_scope`.
 */
async function goalRow(db: Db, storeId: string, input: GoalInput) {
  const data = goalInput.parse(input);
  const { startDay, endDay } = goalDays(data);
  checkTarget(data.metric, data.target);
  let scopeValue: string | null = null;
  let scopeName = '';
  if (data.scope !== 'store') {
    if (!data.scopeValue)
      throw badRequest('scope_value_required', `A ${data.scope} goal names its ${data.scope}.`, {
        path: 'scopeValue',
      });
    scopeValue = data.scopeValue;
  }
  if (data.scope === 'channel') {
    if (!isChannelGroup(scopeValue!))
      throw badRequest('unknown_channel', 'Not a channel group (Paid Search, Email …).', {
        scopeValue,
      });
    scopeName = ` · ${scopeValue}`;
  }
  if (data.scope === 'category') {
    if (!categoryGoalMetrics.has(data.metric))
      throw badRequest(
        'metric_not_available_for_scope',
        'A category goal measures net sales or units sold.',
        { metric: data.metric, available: [...categoryGoalMetrics] },
      );
    const category = (await loadStoreCategories(db, storeId)).find((c) => c.id === scopeValue);
    if (!category) throw badRequest('unknown_category', 'No such category in this store.', { scopeValue });
    scopeName = ` · ${category.path}`;
  }
  return {
    storeId,
    name: data.name ?? `${goalMetricWords[data.metric]}${scopeName}, ${startDay} – ${endDay}`,
    metric: data.metric,
    periodKind: data.periodKind,
    startDay,
    endDay,
    scope: data.scope,
    scopeValue,
    target: data.target,
  };
}

export async function createGoal(db: Db, storeId: string, actor: Actor, input: GoalInput): Promise<Goal> {
  const row = await goalRow(db, storeId, input);
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .insert(goals)
      .values({ id: newId('goal'), ...row })
      .returning();
    await recordAudit(tx, actor, {
      storeId,
      action: 'goal.created',
      entityType: 'goal',
      entityId: goal!.id,
      after: goal,
    });
    await emitEvent(tx, { storeId, type: 'goal.created', payload: { goalId: goal!.id } });
    return goal!;
  });
}

/** Replaces a goal's definition (its id stays). */
export async function updateGoal(
  db: Db,
  storeId: string,
  actor: Actor,
  goalId: string,
  input: GoalInput,
): Promise<Goal> {
  const row = await goalRow(db, storeId, input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(goals)
      .where(and(eq(goals.storeId, storeId), eq(goals.id, goalId)))
      .for('update');
    if (!before) throw notFound('Goal', { id: goalId });
    const [after] = await tx
      .update(goals)
      .set({ ...row, updatedAt: now() })
      .where(eq(goals.id, goalId))
      .returning();
    await recordAudit(tx, actor, {
      storeId,
      action: 'goal.updated',
      entityType: 'goal',
      entityId: goalId,
      before,
      after,
    });
    await emitEvent(tx, { storeId, type: 'goal.updated', payload: { goalId } });
    return after!;
  });
}

export async function deleteGoal(db: Db, storeId: string, actor: Actor, goalId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(goals)
      .where(and(eq(goals.storeId, storeId), eq(goals.id, goalId)))
      .returning();
    if (!removed) throw notFound('Goal', { id: goalId });
    await recordAudit(tx, actor, {
      storeId,
      action: 'goal.deleted',
      entityType: 'goal',
      entityId: goalId,
      before: removed,
    });
    await emitEvent(tx, { storeId, type: 'goal.deleted', payload: { goalId } });
  });
}
