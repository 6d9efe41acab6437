import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
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
  await tx.insert(auditLog).values({
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
  });
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
