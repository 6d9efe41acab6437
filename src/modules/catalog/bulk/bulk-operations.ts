import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { currencyExponent } from '../../../platform/money.ts';
import { recordAudit } from '../../access/index.ts';
import { collections } from '../collections/schema.ts';
import type { CatalogWriter } from '../products.ts';
import { products } from '../schema.ts';
import type { ListingQuery } from '../search/index.ts';
import { type BulkOperation, operationActor } from './apply-bulk-action.ts';
import { type BulkAction, type CreateBulkOperationInput, createBulkOperationInput } from './bulk-input.ts';
import { roundingGrid } from './price-rounding.ts';
import { resolveSelection } from './product-selection.ts';
import { BULK_OPERATION_JOB } from './run-bulk-operation.ts';
import { bulkOperationItems, bulkOperations } from './schema.ts';

/** Attempts before a failing bulk job is given up (each resumes after the last committed batch). */
const JOB_ATTEMPTS = 5;
/** Errors shown with an operation; the counters always cover all of them. */
const ERRORS_SHOWN = 100;

/** Refusals that need no product: permissions and an action's own arguments. */
async function checkAction(
  tx: Db,
  writer: CatalogWriter,
  storeId: string,
  currency: string,
  action: BulkAction,
) {
  if (action.type === 'set_status' && action.status === 'active' && !writer.canPublish) {
    throw forbidden('permission_denied', 'Publishing needs the catalog:publish permission.', {
      permission: 'catalog:publish',
    });
  }
  if (action.type === 'change_price') roundingGrid(action.rounding, currencyExponent(currency));
  if (action.type === 'add_to_collection' || action.type === 'remove_from_collection') {
    const [collection] = await tx
      .select({ kind: collections.kind })
      .from(collections)
      .where(and(eq(collections.storeId, storeId), eq(collections.id, action.collectionId)));
    if (!collection) {
      throw unprocessable('unknown_collection', 'The collection does not exist.', {
        collectionId: action.collectionId,
      });
    }
    if (collection.kind !== 'manual') {
      throw unprocessable('rule_collection', 'Products join a rule collection by its rules, not by hand.');
    }
  }
}

async function start(tx: Db, operation: BulkOperation, action: string) {
  await recordAudit(tx, operationActor(operation), {
    storeId: operation.storeId,
    action,
    entityType: 'bulk_operation',
    entityId: operation.id,
    after: {
      action: operation.action,
      selection: operation.selection,
      total: operation.total,
      undoOf: operation.undoOf,
    },
  });
  await emitEvent(tx, {
    storeId: operation.storeId,
    type: 'bulk_operation.created',
    payload: { id: operation.id, action: operation.action.type, total: operation.total },
  });
  // In the same transaction: the job exists exactly when the operation does.
  await enqueueJob(
    tx,
    BULK_OPERATION_JOB,
    { operationId: operation.id },
    {
      uniqueKey: `bulk:${operation.id}`,
      maxAttempts: JOB_ATTEMPTS,
    },
  );
}

function newOperationRow(writer: CatalogWriter, storeId: string, action: BulkAction) {
  return {
    id: newId('bulkOperation'),
    storeId,
    action,
    total: 0,
    actorType: writer.actor.type,
    actorId: writer.actor.id,
    actorLabel: writer.actor.label,
    canPublish: writer.canPublish,
  };
}

/** Checks the request, fixes the selection into items and queues the job; the work happens in the job. */
export async function createBulkOperation(
  db: Db,
  writer: CatalogWriter,
  store: ListingQuery['store'],
  input: CreateBulkOperationInput,
): Promise<BulkOperation> {
  const { selection, action } = createBulkOperationInput.parse(input);
  return db.transaction(async (tx) => {
    await checkAction(tx, writer, store.id, store.baseCurrency, action);
    const row = newOperationRow(writer, store.id, action);
    await tx.insert(bulkOperations).values({ ...row, selection });
    const total = await resolveSelection(tx, row.id, store, selection);
    const [operation] = await tx
      .update(bulkOperations)
      .set({ total })
      .where(eq(bulkOperations.id, row.id))
      .returning();
    await start(tx, operation!, 'bulk_operation.created');
    return operation!;
  });
}

/**
 * Queues the undo of a finished operation: a new operation over the products it changed, which
 * restores each one's before-values from the audit log unless the product changed since.
 */
export async function requestUndo(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  id: string,
): Promise<BulkOperation> {
  return db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(bulkOperations)
      .where(and(eq(bulkOperations.storeId, storeId), eq(bulkOperations.id, id)))
      .for('update');
    if (!original) throw notFound('Bulk operation');
    if (original.action.type === 'undo') {
      throw unprocessable('undo_not_undoable', 'An undo cannot be undone; run the change again instead.');
    }
    if (original.status !== 'completed') {
      throw conflict('operation_not_finished', 'Wait until the operation has finished to undo it.', {
        status: original.status,
      });
    }
    if (original.undoneBy) {
      throw conflict('already_undone', 'This operation has already been undone.', {
        undoneBy: original.undoneBy,
      });
    }
    const row = { ...newOperationRow(writer, storeId, { type: 'undo' }), undoOf: original.id };
    await tx.insert(bulkOperations).values({ ...row, selection: {} });
    await tx.execute(sql`
      insert into ${bulkOperationItems} (operation_id, seq, product_id, state)
      select ${row.id}, (row_number() over (order by seq))::int, product_id, 'pending'
      from ${bulkOperationItems} where operation_id = ${original.id} and state in ('changed', 'staged')`);
    const [counted] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(bulkOperationItems)
      .where(eq(bulkOperationItems.operationId, row.id));
    if (!counted?.n) throw unprocessable('nothing_to_undo', 'The operation changed no product.');
    const [operation] = await tx
      .update(bulkOperations)
      .set({ total: counted.n })
      .where(eq(bulkOperations.id, row.id))
      .returning();
    await tx.update(bulkOperations).set({ undoneBy: row.id }).where(eq(bulkOperations.id, original.id));
    await start(tx, operation!, 'bulk_operation.undo_requested');
    return operation!;
  });
}

export async function getBulkOperation(db: Db, storeId: string, id: string) {
  const [operation] = await db
    .select()
    .from(bulkOperations)
    .where(and(eq(bulkOperations.storeId, storeId), eq(bulkOperations.id, id)));
  if (!operation) throw notFound('Bulk operation');
  const errors = await db
    .select({
      productId: bulkOperationItems.productId,
      title: products.title,
      code: bulkOperationItems.errorCode,
      message: bulkOperationItems.errorMessage,
    })
    .from(bulkOperationItems)
    .leftJoin(products, eq(products.id, bulkOperationItems.productId))
    .where(and(eq(bulkOperationItems.operationId, id), eq(bulkOperationItems.state, 'failed')))
    .orderBy(asc(bulkOperationItems.seq))
    .limit(ERRORS_SHOWN);
  const staged = await db
    .select({ productId: bulkOperationItems.productId, title: products.title })
    .from(bulkOperationItems)
    .leftJoin(products, eq(products.id, bulkOperationItems.productId))
    .where(and(eq(bulkOperationItems.operationId, id), eq(bulkOperationItems.state, 'staged')))
    .orderBy(asc(bulkOperationItems.seq))
    .limit(ERRORS_SHOWN);
  const reviewResetProducts = await db
    .select({ productId: bulkOperationItems.productId, title: products.title })
    .from(bulkOperationItems)
    .leftJoin(products, eq(products.id, bulkOperationItems.productId))
    .where(and(eq(bulkOperationItems.operationId, id), eq(bulkOperationItems.reviewReset, true)))
    .orderBy(asc(bulkOperationItems.seq))
    .limit(ERRORS_SHOWN);
  const counted = await db
    .select({
      state: bulkOperationItems.state,
      n: sql<number>`count(*)`.mapWith(Number),
      reset: sql<number>`count(*) filter (where ${bulkOperationItems.reviewReset})`.mapWith(Number),
    })
    .from(bulkOperationItems)
    .where(eq(bulkOperationItems.operationId, id))
    .groupBy(bulkOperationItems.state);
  const outcomes = { changed: 0, staged: 0, unchanged: 0, failed: 0, pending: 0 };
  for (const row of counted) if (row.state in outcomes) outcomes[row.state as keyof typeof outcomes] = row.n;
  const reviewReset = {
    count: counted.reduce((sum, row) => sum + row.reset, 0),
    products: reviewResetProducts,
  };
  return { operation, errors, report: { outcomes, staged, reviewReset } };
}

/**
 * Per product, what an operation did: `changed` (applied), `staged` (held for review in the
 * product's staged revision: a live product changed without catalog:publish), `unchanged`, `failed`.
 */
export interface BulkOperationReport {
  outcomes: { changed: number; staged: number; unchanged: number; failed: number; pending: number };
  /** The products whose change waits for review (the first ERRORS_SHOWN). */
  staged: { productId: string; title: string | null }[];
  /**
   * The products whose review the change sent back to draft (it was in review or approved): to be
   * submitted again. `count` covers all of them, `products` lists the first ERRORS_SHOWN.
   */
  reviewReset: { count: number; products: { productId: string; title: string | null }[] };
}

export async function listBulkOperations(db: Db, storeId: string, query: { limit: number; offset: number }) {
  const where = eq(bulkOperations.storeId, storeId);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(bulkOperations)
      .where(where)
      .orderBy(desc(bulkOperations.createdAt), desc(bulkOperations.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(bulkOperations)
      .where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** An operation as the API shows it: the progress a console polls, and whether it can be undone. */
export function bulkOperationView(
  operation: BulkOperation,
  errors: { productId: string; title: string | null; code: string | null; message: string | null }[] = [],
  report?: BulkOperationReport,
) {
  return {
    id: operation.id,
    action: operation.action,
    selection: operation.selection,
    status: operation.status,
    total: operation.total,
    done: operation.done,
    failed: operation.failed,
    errors,
    ...(report ? report : {}),
    undoOf: operation.undoOf,
    undoneBy: operation.undoneBy,
    canUndo: operation.action.type !== 'undo' && operation.status === 'completed' && !operation.undoneBy,
    requestedBy: operation.actorLabel,
    lastError: operation.lastError,
    createdAt: operation.createdAt,
    startedAt: operation.startedAt,
    finishedAt: operation.finishedAt,
  };
}
