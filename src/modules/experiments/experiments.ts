import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { announceExperimentChange } from './change-topic.ts';
import { type ExperimentInput, experimentInput } from './experiment-input.ts';
import { assertTransition } from './experiment-states.ts';
import { experimentPoint } from './points/experiment-point.ts';
import { type ExperimentStatus, experiments } from './schema.ts';

export type Experiment = typeof experiments.$inferSelect;

export async function listExperiments(db: Db, storeId: string): Promise<Experiment[]> {
  return db
    .select()
    .from(experiments)
    .where(eq(experiments.storeId, storeId))
    .orderBy(asc(experiments.createdAt), asc(experiments.id));
}

/** The experiment, locked for the rest of the transaction (404 when the store has none such). */
async function lockedExperiment(tx: Db, storeId: string, experimentId: string): Promise<Experiment> {
  const [experiment] = await tx
    .select()
    .from(experiments)
    .where(and(eq(experiments.storeId, storeId), eq(experiments.id, experimentId)))
    .for('update');
  if (!experiment) throw notFound('Experiment', { id: experimentId });
  return experiment;
}

export async function getExperiment(db: Db, storeId: string, experimentId: string): Promise<Experiment> {
  const [experiment] = await db
    .select()
    .from(experiments)
    .where(and(eq(experiments.storeId, storeId), eq(experiments.id, experimentId)));
  if (!experiment) throw notFound('Experiment', { id: experimentId });
  return experiment;
}

/**
 * The columns an input describes, every rule checked before anything is written: 400
 * `unknown_point`, `invalid_change` (the point's schema, per variant), `duplicate_variant_key`,
 * `invalid_dates`, `metric_listed_twice`.
 */
function experimentRow(input: ExperimentInput) {
  const data = experimentInput.parse(input);
  const point = experimentPoint(data.point);
  if (!point) throw badRequest('unknown_point', 'No such integration point.', { point: data.point });
  const keys = data.variants.map((v) => v.key);
  if (new Set(keys).size !== keys.length) {
    throw badRequest('duplicate_variant_key', 'Each variant has its own key.', { keys });
  }
  const variants = data.variants.map((variant, i) => {
    const change = point.schema.safeParse(variant.change);
    if (!change.success) {
      throw badRequest('invalid_change', `Variant ${variant.key}'s change does not fit ${point.key}.`, {
        path: `variants.${i}.change`,
        issues: change.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    return { ...variant, change: change.data as Record<string, unknown> };
  });
  const acrossVariants = point.checkVariants?.(variants.map((v) => v.change));
  if (acrossVariants) throw badRequest('invalid_change', acrossVariants, { path: 'variants' });
  if (data.startsAt && data.stopsAt && Date.parse(data.stopsAt) <= Date.parse(data.startsAt)) {
    throw badRequest('invalid_dates', 'The stop date comes after the start date.', { path: 'stopsAt' });
  }
  const metrics = [data.primaryMetric, ...data.secondaryMetrics, ...data.guardrailMetrics];
  if (new Set(metrics).size !== metrics.length) {
    throw badRequest('metric_listed_twice', 'A metric is primary, secondary or guardrail, once.', {
      metrics,
    });
  }
  return {
    key: data.key,
    name: data.name,
    hypothesis: data.hypothesis,
    point: point.key,
    variants,
    targeting: data.targeting,
    primaryMetric: data.primaryMetric,
    secondaryMetrics: data.secondaryMetrics,
    guardrailMetrics: data.guardrailMetrics,
    startsAt: data.startsAt ? new Date(data.startsAt) : null,
    stopsAt: data.stopsAt ? new Date(data.stopsAt) : null,
  };
}

function keyTaken(key: string) {
  return conflict('experiment_key_taken', 'Another experiment of this store has this key.', { key });
}

export async function createExperiment(
  db: Db,
  storeId: string,
  actor: Actor,
  input: ExperimentInput,
): Promise<Experiment> {
  const row = experimentRow(input);
  try {
    return await db.transaction(async (tx) => {
      const [experiment] = await tx
        .insert(experiments)
        .values({ id: newId('experiment'), storeId, seed: randomBytes(12).toString('base64url'), ...row })
        .returning();
      await recordAudit(tx, actor, {
        storeId,
        action: 'experiment.created',
        entityType: 'experiment',
        entityId: experiment!.id,
        after: experiment,
      });
      await emitEvent(tx, {
        storeId,
        type: 'experiment.created',
        payload: { experimentId: experiment!.id },
      });
      return experiment!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw keyTaken(row.key);
    throw err;
  }
}

/**
 * Replaces an experiment's definition. Once it has run, its key, integration point and variant
 * keys stay (409 `experiment_started`): visitors' buckets hang on the key and their assignments on
 * the variant keys. Weights may change; visitors already exposed keep their variant.
 */
export async function updateExperiment(
  db: Db,
  storeId: string,
  actor: Actor,
  experimentId: string,
  input: ExperimentInput,
): Promise<Experiment> {
  const row = experimentRow(input);
  try {
    return await db.transaction(async (tx) => {
      const before = await lockedExperiment(tx, storeId, experimentId);
      if (before.status === 'shipped') {
        throw conflict('experiment_shipped', 'A shipped experiment is final.', { status: before.status });
      }
      if (before.status !== 'draft') {
        const sameKeys =
          before.variants.map((v) => v.key).join(',') === row.variants.map((v) => v.key).join(',');
        if (before.key !== row.key || before.point !== row.point || !sameKeys) {
          throw conflict(
            'experiment_started',
            'Once an experiment ran, its key, integration point and variant keys stay.',
            { status: before.status },
          );
        }
      }
      const [after] = await tx
        .update(experiments)
        .set({ ...row, updatedAt: now() })
        .where(eq(experiments.id, experimentId))
        .returning();
      await recordAudit(tx, actor, {
        storeId,
        action: 'experiment.updated',
        entityType: 'experiment',
        entityId: experimentId,
        before,
        after,
      });
      await emitEvent(tx, { storeId, type: 'experiment.updated', payload: { experimentId } });
      if (before.status === 'running') await announceExperimentChange(tx, storeId);
      return after!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw keyTaken(row.key);
    throw err;
  }
}

/** Only a draft can be deleted (409 `experiment_not_draft`): a test that ran keeps its record. */
export async function deleteExperiment(db: Db, storeId: string, actor: Actor, experimentId: string) {
  await db.transaction(async (tx) => {
    const before = await lockedExperiment(tx, storeId, experimentId);
    if (before.status !== 'draft') {
      throw conflict('experiment_not_draft', 'Only a draft can be deleted; stop a running test instead.', {
        status: before.status,
      });
    }
    await tx.delete(experiments).where(eq(experiments.id, experimentId));
    await recordAudit(tx, actor, {
      storeId,
      action: 'experiment.deleted',
      entityType: 'experiment',
      entityId: experimentId,
      before,
    });
    await emitEvent(tx, { storeId, type: 'experiment.deleted', payload: { experimentId } });
  });
}

/**
 * Moves an experiment to `to` inside one transaction: locks it, checks the move (409
 * `illegal_transition`), lets `extra` check and add columns (shipping), writes, audits, emits
 * `experiment.<event>` and drops the store's cached pages and assignments.
 */
async function transition(
  db: Db,
  storeId: string,
  actor: Actor,
  experimentId: string,
  to: ExperimentStatus,
  extra: (
    tx: Db,
    before: Experiment,
  ) => Promise<{ set: Partial<Experiment>; payload: object }> = async () => ({
    set: {},
    payload: {},
  }),
): Promise<Experiment> {
  return db.transaction(async (tx) => {
    const before = await lockedExperiment(tx, storeId, experimentId);
    assertTransition(before.status, to);
    const { set, payload } = await extra(tx, before);
    const at = now();
    const [after] = await tx
      .update(experiments)
      .set({
        status: to,
        updatedAt: at,
        ...(to === 'running' ? { startedAt: before.startedAt ?? at, stoppedAt: null } : {}),
        ...(to !== 'running' && before.status === 'running' ? { stoppedAt: at } : {}),
        ...set,
      })
      .where(eq(experiments.id, experimentId))
      .returning();
    const event = to === 'running' ? 'started' : to;
    await recordAudit(tx, actor, {
      storeId,
      action: `experiment.${event}`,
      entityType: 'experiment',
      entityId: experimentId,
      before,
      after,
    });
    await emitEvent(tx, {
      storeId,
      type: `experiment.${event}`,
      payload: { experimentId, status: to, ...payload },
    });
    await announceExperimentChange(tx, storeId);
    return after!;
  });
}

/** Starts (or restarts) and stops an experiment: draft → running ⇄ stopped. */
export function changeExperimentStatus(
  db: Db,
  storeId: string,
  actor: Actor,
  experimentId: string,
  to: 'running' | 'stopped',
): Promise<Experiment> {
  return transition(db, storeId, actor, experimentId, to);
}

/**
 * Ships the winning variant (a running test is stopped in the same step; 400 `unknown_variant`
 * for a key it does not have). Where the point can, the change becomes the store's own data in the
 * same transaction (a product's text, staged for review when the shipper may not publish);
 * otherwise the shipped experiment is a standing rollout that every visitor sees, until someone
 * ends it (`endRollout`). What happened is kept on the experiment (`shippedAs`). Final.
 */
export function shipExperiment(
  db: Db,
  storeId: string,
  actor: Actor,
  experimentId: string,
  ship: { variant: string; canPublish: boolean },
): Promise<Experiment> {
  return transition(db, storeId, actor, experimentId, 'shipped', async (tx, before) => {
    const winner = before.variants.find((v) => v.key === ship.variant);
    if (!winner) {
      throw badRequest('unknown_variant', 'Ship one of the experiment’s variants.', {
        variant: ship.variant,
        variants: before.variants.map((v) => v.key),
      });
    }
    const point = experimentPoint(before.point);
    const shipped = point?.ship
      ? await point.ship(tx, winner.change, { storeId, actor, canPublish: ship.canPublish })
      : { outcome: 'rollout' as const, sentence: 'every visitor sees it from now on' };
    return {
      set: { shippedVariant: winner.key, shippedAs: shipped.outcome, shippedAt: now() },
      payload: { variant: winner.key, shippedAs: shipped.outcome, applied: shipped.sentence },
    };
  });
}

/**
 * Ends a shipped winner's rollout: visitors see the store without it again (the winner made a
 * season's banner, or the store changed since). The test's record and results stay. 409
 * `not_a_rollout` for a winner that became the store's own data (change it where it lives) or a
 * test not shipped, `rollout_ended` when it already ended.
 */
export async function endRollout(
  db: Db,
  storeId: string,
  actor: Actor,
  experimentId: string,
): Promise<Experiment> {
  return db.transaction(async (tx) => {
    const before = await lockedExperiment(tx, storeId, experimentId);
    if (before.status !== 'shipped' || before.shippedAs !== 'rollout') {
      throw conflict(
        'not_a_rollout',
        before.status === 'shipped'
          ? 'This winner became the store’s own data when it was shipped; change it where it lives.'
          : 'Only a shipped winner that every visitor sees can be ended.',
        { status: before.status, shippedAs: before.shippedAs },
      );
    }
    if (before.rolloutEndedAt) {
      throw conflict('rollout_ended', 'This rollout has already ended.', {
        endedAt: before.rolloutEndedAt.toISOString(),
      });
    }
    const [after] = await tx
      .update(experiments)
      .set({ rolloutEndedAt: now(), updatedAt: now() })
      .where(eq(experiments.id, experimentId))
      .returning();
    await recordAudit(tx, actor, {
      storeId,
      action: 'experiment.rollout_ended',
      entityType: 'experiment',
      entityId: experimentId,
      before,
      after,
    });
    await emitEvent(tx, {
      storeId,
      type: 'experiment.rollout_ended',
      payload: { experimentId, variant: before.shippedVariant },
    });
    await announceExperimentChange(tx, storeId);
    return after!;
  });
}
