import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { dataSubjectOf } from './data-subject-of.ts';
import { type PrivacyRequestKind, type PrivacyRequestSource, privacyRequests } from './schema.ts';

export type PrivacyRequestStatus = 'ready' | 'expired' | 'completed';

/** A logged request as the admin sees it (never the export's document). */
export interface PrivacyRequest {
  id: string;
  kind: PrivacyRequestKind;
  source: PrivacyRequestSource;
  customerId: string;
  customerLabel: string;
  /** ready: an export to download; expired: an export whose customer was erased since; completed: an erasure. */
  status: PrivacyRequestStatus;
  requestedBy: { type: string; id: string | null; label: string };
  createdAt: Date;
  completedAt: Date | null;
}

/** The version of the export's layout, so a reader can tell what it holds. */
export const EXPORT_FORMAT = 'storepilot.customer-data/1';

const listColumns = {
  id: privacyRequests.id,
  kind: privacyRequests.kind,
  source: privacyRequests.source,
  customerId: privacyRequests.customerId,
  customerLabel: privacyRequests.customerLabel,
  requestedByType: privacyRequests.requestedByType,
  requestedById: privacyRequests.requestedById,
  requestedByLabel: privacyRequests.requestedByLabel,
  hasDocument: sql<boolean>`${privacyRequests.document} is not null`,
  createdAt: privacyRequests.createdAt,
  completedAt: privacyRequests.completedAt,
};

interface ListRow {
  id: string;
  kind: PrivacyRequestKind;
  source: PrivacyRequestSource;
  customerId: string;
  customerLabel: string;
  requestedByType: string;
  requestedById: string | null;
  requestedByLabel: string;
  hasDocument: boolean;
  createdAt: Date;
  completedAt: Date | null;
}

function requestOf(row: ListRow): PrivacyRequest {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    customerId: row.customerId,
    customerLabel: row.customerLabel,
    status: row.kind === 'erasure' ? 'completed' : row.hasDocument ? 'ready' : 'expired',
    requestedBy: { type: row.requestedByType, id: row.requestedById, label: row.requestedByLabel },
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

/**
 * Exports everything the store holds about a customer as one JSON document, logs the request with
 * the document for download, and audits it (404 for a customer the store does not have). Staff ask
 * from the admin; a signed-in customer from their account page (`source: 'customer'`).
 */
export async function exportCustomer(
  db: Db,
  storeId: string,
  actor: Actor,
  customerId: string,
  source: PrivacyRequestSource,
): Promise<{ request: PrivacyRequest; document: Record<string, unknown> }> {
  return db.transaction(async (tx) => {
    const { subject, data } = await dataSubjectOf(tx, storeId, customerId);
    const id = newId('privacyRequest');
    const document = {
      format: EXPORT_FORMAT,
      requestId: id,
      storeId,
      customerId: subject.id,
      exportedAt: now().toISOString(),
      data,
    };
    // Through JSON once: dates become strings, so the stored document is what is downloaded.
    const stored = JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
    const [row] = await tx
      .insert(privacyRequests)
      .values({
        id,
        storeId,
        kind: 'export',
        source,
        customerId: subject.id,
        customerLabel: subject.email,
        requestedByType: actor.type,
        requestedById: actor.id,
        requestedByLabel: actor.label,
        document: stored,
        completedAt: now(),
      })
      .returning(listColumns);
    await recordAudit(tx, actor, {
      storeId,
      action: 'privacy.exported',
      entityType: 'customer',
      entityId: subject.id,
      after: { requestId: id, source },
    });
    return { request: requestOf(row!), document: stored };
  });
}

/** An export's document for download; 404 when there is none (an erasure, or the customer was erased since). */
export async function exportDocument(
  db: Db,
  storeId: string,
  requestId: string,
): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ document: privacyRequests.document })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.storeId, storeId), eq(privacyRequests.id, requestId)));
  if (!row?.document) throw notFound('Privacy export', { id: requestId });
  return row.document as Record<string, unknown>;
}

export interface PrivacyRequestQuery {
  customerId?: string;
  limit: number;
  /** The `createdAt` of the last row seen (newest first). */
  before?: Date;
}

/** The store's privacy requests, newest first. */
export async function listPrivacyRequests(db: Db, storeId: string, query: PrivacyRequestQuery) {
  const rows = await db
    .select(listColumns)
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.storeId, storeId),
        query.customerId ? eq(privacyRequests.customerId, query.customerId) : undefined,
        query.before ? lt(privacyRequests.createdAt, query.before) : undefined,
      ),
    )
    .orderBy(desc(privacyRequests.createdAt), desc(privacyRequests.id))
    .limit(query.limit);
  return rows.map(requestOf);
}

/** The erasure of a customer, if one was done. */
export async function erasureOf(db: Db, storeId: string, customerId: string) {
  const [row] = await db
    .select(listColumns)
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.storeId, storeId),
        eq(privacyRequests.customerId, customerId),
        eq(privacyRequests.kind, 'erasure'),
      ),
    );
  return row ? requestOf(row) : null;
}
