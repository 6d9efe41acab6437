import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, pgErrorCode } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import type { JobContext, JobRunner } from '../../../platform/jobs/index.ts';
import { recordAudit } from '../../access/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import { resetReviewIfChanged, reviewsUnderWay } from '../workflow/review-reset.ts';
import {
  applyToProduct,
  type BatchContext,
  type BulkOperation,
  type ItemOutcome,
  isFieldEdit,
  loadVariants,
  lockManualCollection,
  lockProducts,
  operationActor,
  planFieldEdit,
  productsToStage,
  stageFieldEdit,
} from './apply-bulk-action.ts';
import type { BulkActionInput } from './bulk-input.ts';
import { type EditPlan, writeEditPlans } from './edit-plan.ts';
import { bulkOperationItems, bulkOperations } from './schema.ts';
import { statusWorkflowStep, writeStatusWorkflowStep } from './status-workflow-step.ts';
import {
  planUndoEdit,
  prepareUndoBatch,
  stageUndoEdit,
  type UndoContext,
  undoForProduct,
  undoStagedChange,
} from './undo-bulk-action.ts';

export const BULK_OPERATION_JOB = 'catalog.bulk-operation';
/** Products per transaction: progress becomes visible (and durable) after each batch. */
export const BULK_BATCH_SIZE = 100;

interface ItemResult {
  seq: number;
  productId: string;
  outcome: ItemOutcome | 'failed';
  /** The change sent the product's review back to draft. */
  reviewReset?: boolean;
  code?: string;
  message?: string;
}

/** A failure that belongs to one product (a refusal, a constraint) rather than to the whole run. */
function itemFailure(err: unknown): { code: string; message: string } | undefined {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const sqlState = pgErrorCode(err);
  if (sqlState?.startsWith('23'))
    return { code: 'conflict', message: 'The change conflicts with other data.' };
  return undefined;
}

async function prepareBatch(
  tx: Db,
  operation: BulkOperation,
  ids: string[],
  at: Date,
): Promise<BatchContext | UndoContext> {
  const action = operation.action as BulkActionInput | { type: 'undo' };
  const base: BatchContext = {
    operation,
    actor: operationActor(operation),
    at,
    products: await lockProducts(tx, operation.storeId, ids),
    variants: new Map(),
    staged: new Set(),
  };
  if (action.type === 'undo') {
    const [original] = await tx.select().from(bulkOperations).where(eq(bulkOperations.id, operation.undoOf!));
    return prepareUndoBatch(tx, base, original!, ids);
  }
  base.staged = await productsToStage(tx, operation.canPublish, action, base.products);
  if (action.type === 'change_price') base.variants = await loadVariants(tx, ids);
  if (action.type === 'add_to_collection' || action.type === 'remove_from_collection') {
    base.collection = await lockManualCollection(tx, operation.storeId, action.collectionId);
  }
  return base;
}

async function recordOutcomes(tx: Db, operationId: string, results: ItemResult[]) {
  for (const state of ['changed', 'unchanged', 'staged'] as const) {
    for (const reviewReset of [false, true]) {
      const seqs = results
        .filter((r) => r.outcome === state && Boolean(r.reviewReset) === reviewReset)
        .map((r) => r.seq);
      if (seqs.length > 0) {
        await tx
          .update(bulkOperationItems)
          .set({ state, reviewReset })
          .where(and(eq(bulkOperationItems.operationId, operationId), inArray(bulkOperationItems.seq, seqs)));
      }
    }
  }
  for (const r of results.filter((r) => r.outcome === 'failed')) {
    await tx
      .update(bulkOperationItems)
      .set({ state: 'failed', errorCode: r.code, errorMessage: r.message })
      .where(and(eq(bulkOperationItems.operationId, operationId), eq(bulkOperationItems.seq, r.seq)));
  }
}

async function finish(tx: Db, operation: BulkOperation) {
  const [finished] = await tx
    .update(bulkOperations)
    .set({ status: 'completed', finishedAt: new Date(), startedAt: operation.startedAt ?? new Date() })
    .where(eq(bulkOperations.id, operation.id))
    .returning();
  const summary = {
    status: 'completed',
    total: finished!.total,
    done: finished!.done,
    failed: finished!.failed,
  };
  await recordAudit(tx, operationActor(operation), {
    storeId: operation.storeId,
    action: 'bulk_operation.completed',
    entityType: 'bulk_operation',
    entityId: operation.id,
    after: summary,
  });
  await emitEvent(tx, {
    storeId: operation.storeId,
    type: 'bulk_operation.completed',
    payload: { id: operation.id, ...summary },
  });
}

/**
 * Writes a batch's planned field edits. A product that is not live changes in place, so a review of
 * it under way (in review or approved) whose content the edit changes goes back to draft, as the
 * product editor does it (review-reset.ts), audited with the operation. Returns those products.
 */
async function writeEditPlansResettingReviews(
  tx: Db,
  ctx: BatchContext | UndoContext,
  plans: EditPlan[],
): Promise<Set<string>> {
  const { operation, actor, at } = ctx;
  const reviews = await reviewsUnderWay(
    tx,
    plans.map((plan) => ctx.products.get(plan.productId)!),
  );
  await writeEditPlans(tx, operation.storeId, actor, at, plans);
  const auditContext = {
    bulkOperationId: operation.id,
    ...('original' in ctx ? { undoOf: ctx.original.id } : {}),
  };
  const reset = new Set<string>();
  for (const review of reviews) {
    if ((await resetReviewIfChanged(tx, actor, review, auditContext))?.reset) reset.add(review.productId);
  }
  return reset;
}

/**
 * Runs the next batch of an operation in one transaction: the products are locked; field edits are
 * planned per product (a refusal fails that item only) and written for the batch at once, while
 * membership changes and deletions run per product in a savepoint, and so do edits staged for review
 * (live products, for a requester without catalog:publish) and status changes that publish or
 * unpublish (the workflow's steps, with their checks: status-workflow-step.ts); reviews the changes send back to draft
 * are noted per item; the items' outcomes, the progress counters and the cursor commit together with
 * the changes. Returns false when done.
 */
export async function runNextBatch(db: Db, operationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [operation] = await tx
      .select()
      .from(bulkOperations)
      .where(eq(bulkOperations.id, operationId))
      .for('update');
    if (!operation || operation.status === 'completed' || operation.status === 'failed') return false;
    const items = await tx
      .select()
      .from(bulkOperationItems)
      .where(
        and(eq(bulkOperationItems.operationId, operationId), gt(bulkOperationItems.seq, operation.cursor)),
      )
      .orderBy(asc(bulkOperationItems.seq))
      .limit(BULK_BATCH_SIZE);
    if (items.length === 0) {
      await finish(tx, operation);
      return false;
    }
    const at = new Date();
    const ctx = await prepareBatch(
      tx,
      operation,
      items.map((i) => i.productId),
      at,
    );
    const undoing = 'original' in ctx;
    const planned = isFieldEdit((undoing ? ctx.original.action : operation.action) as BulkActionInput);
    const results: ItemResult[] = [];
    const plans: EditPlan[] = [];
    for (const item of items) {
      const { seq, productId } = item;
      try {
        // Staged for review (or a staged change taken back): the workflow writes per product, in a savepoint.
        if (undoing && ctx.stagedSteps.has(productId)) {
          const outcome = await tx.transaction((sp) => undoStagedChange(sp, ctx, productId));
          results.push({ seq, productId, outcome });
        } else if (ctx.staged.has(productId)) {
          const staged = await tx.transaction((sp) =>
            undoing ? stageUndoEdit(sp, ctx, productId) : stageFieldEdit(sp, ctx, productId),
          );
          results.push({ seq, productId, ...staged });
        } else if (planned) {
          const plan = undoing ? planUndoEdit(ctx, productId) : planFieldEdit(ctx, productId);
          const from = ctx.products.get(productId)?.status ?? '';
          const step = plan?.status && statusWorkflowStep(from, plan.status.status, { restoring: undoing });
          if (plan && step) {
            // Publishing or unpublishing: the workflow's own step, per product, in a savepoint.
            const outcome = await tx.transaction((sp) =>
              writeStatusWorkflowStep(sp, ctx, plan, step, { restoring: undoing }),
            );
            results.push({ seq, productId, outcome });
          } else {
            if (plan) plans.push(plan);
            results.push({ seq, productId, outcome: plan ? 'changed' : 'unchanged' });
          }
        } else {
          const outcome = await tx.transaction((sp) =>
            undoing ? undoForProduct(sp, ctx, productId) : applyToProduct(sp, ctx, productId),
          );
          results.push({ seq, productId, outcome });
        }
      } catch (err) {
        const failure = itemFailure(err);
        if (!failure) throw err;
        results.push({ seq, productId, outcome: 'failed', ...failure });
      }
    }
    const reviewsReset = await writeEditPlansResettingReviews(tx, ctx, plans);
    for (const result of results) if (reviewsReset.has(result.productId)) result.reviewReset = true;
    await recordOutcomes(tx, operationId, results);
    const failed = results.filter((r) => r.outcome === 'failed').length;
    await tx
      .update(bulkOperations)
      .set({
        status: 'running',
        startedAt: operation.startedAt ?? at,
        cursor: items.at(-1)!.seq,
        done: sql`${bulkOperations.done} + ${items.length}`,
        failed: sql`${bulkOperations.failed} + ${failed}`,
      })
      .where(eq(bulkOperations.id, operationId));
    if (results.some((r) => r.outcome === 'changed')) {
      await announceCatalogChange(tx, operation.storeId);
      const collectionId = ctx.collection?.id;
      if (collectionId) {
        await emitEvent(tx, {
          storeId: operation.storeId,
          type: 'collection.updated',
          payload: { id: collectionId, handle: ctx.collection!.handle, bulkOperationId: operationId },
        });
      }
    }
    return true;
  });
}

/** Gives up on an operation whose job failed for good; an undo that failed frees its original for another try. */
async function markFailed(db: Db, operationId: string, message: string) {
  await db.transaction(async (tx) => {
    const [operation] = await tx
      .update(bulkOperations)
      .set({ status: 'failed', lastError: message.slice(0, 2000), finishedAt: new Date() })
      .where(eq(bulkOperations.id, operationId))
      .returning();
    if (operation?.undoOf) {
      await tx
        .update(bulkOperations)
        .set({ undoneBy: null })
        .where(and(eq(bulkOperations.id, operation.undoOf), eq(bulkOperations.undoneBy, operationId)));
    }
  });
}

/** Runs an operation to the end, batch by batch; safe to call again after a crash (it resumes at the cursor). */
export async function runBulkOperation(db: Db, operationId: string, signal?: AbortSignal): Promise<void> {
  while (await runNextBatch(db, operationId)) {
    signal?.throwIfAborted();
  }
}

export function registerBulkOperationJobs(jobs: JobRunner): void {
  jobs.register<{ operationId: string }>(
    BULK_OPERATION_JOB,
    async ({ operationId }, context: JobContext) => {
      try {
        await runBulkOperation(context.db, operationId, context.signal);
      } catch (err) {
        if (context.attempt >= context.maxAttempts) {
          await markFailed(context.db, operationId, err instanceof Error ? err.message : String(err));
        }
        throw err;
      }
    },
    // Progress is committed per batch, so a timeout or a restart costs at most one batch.
    { concurrency: 2, timeoutMs: 30 * 60_000 },
  );
}
