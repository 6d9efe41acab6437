import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { appendRows } from '../../platform/db/deferred-appends.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from './actor.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  storeId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row. Call it in the transaction of the mutation it describes. */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditEntries(tx, actor, [entry]);
}

/**
 * Writes many audit rows by one actor in one statement (bulk changes); same transaction rule. In a
 * transaction that defers its appends (`withDeferredAppends`), they go with the others at its end.
 */
export async function recordAuditEntries(
  tx: Db,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  // One JSON parameter for all rows: snapshots are large and imports write thousands of them.
  await appendRows(
    tx,
    auditLog,
    entries.map((entry) => ({
      id: newId('audit'),
      storeId: entry.storeId,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: new Date(),
    })),
  );
}

export interface AuditQuery {
  limit: number;
  offset: number;
  entityType?: string;
  entityId?: string;
  action?: string;
}

export async function listAudit(db: Db, storeId: string, query: AuditQuery) {
  const filters: SQL[] = [eq(auditLog.storeId, storeId)];
  if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  const where = and(...filters);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
}

/**
 * The entries about some entities with the given actions, oldest first (e.g. a bulk operation
 * reading back the before-values it recorded, to undo itself). Served by the entity index.
 */
export async function auditEntriesOf(
  db: Db,
  storeId: string,
  query: { entityType: string; entityIds: readonly string[]; actions: readonly string[] },
) {
  if (query.entityIds.length === 0 || query.actions.length === 0) return [];
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.storeId, storeId),
        eq(auditLog.entityType, query.entityType),
        inArray(auditLog.entityId, [...query.entityIds]),
        inArray(auditLog.action, [...query.actions]),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
