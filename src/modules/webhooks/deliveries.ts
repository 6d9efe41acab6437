import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { getEndpoint } from './endpoints.ts';
import { webhookDeliveries, webhookDeliveryAttempts } from './schema.ts';

export const deliveryStatuses = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface DeliveryAttempt {
  attempt: number;
  /** Null when no answer came (timeout, refused connection). */
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  attemptedAt: Date;
}

/** One event sent (or being sent) to one endpoint, with every try. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  attemptLog: DeliveryAttempt[];
}

export interface DeliveryQuery {
  limit: number;
  offset: number;
  status?: DeliveryStatus;
}

/** An endpoint's delivery log, newest first. 404 when the endpoint is not in the store. */
export async function listDeliveries(
  db: Db,
  storeId: string,
  endpointId: string,
  query: DeliveryQuery,
): Promise<{ items: WebhookDelivery[]; total: number }> {
  await getEndpoint(db, storeId, endpointId);
  const where = and(
    eq(webhookDeliveries.storeId, storeId),
    eq(webhookDeliveries.endpointId, endpointId),
    query.status ? eq(webhookDeliveries.status, query.status) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  const attempts =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(webhookDeliveryAttempts)
          .where(
            inArray(
              webhookDeliveryAttempts.deliveryId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(webhookDeliveryAttempts.attempt), asc(webhookDeliveryAttempts.attemptedAt));
  const byDelivery = new Map<string, DeliveryAttempt[]>();
  for (const a of attempts) {
    const log = byDelivery.get(a.deliveryId) ?? [];
    log.push({
      attempt: a.attempt,
      statusCode: a.statusCode,
      error: a.error,
      responseBody: a.responseBody,
      durationMs: a.durationMs,
      attemptedAt: a.attemptedAt,
    });
    byDelivery.set(a.deliveryId, log);
  }
  const items = rows.map(({ storeId: _s, ...row }) => ({
    ...row,
    status: row.status as DeliveryStatus,
    attemptLog: byDelivery.get(row.id) ?? [],
  }));
  return { items, total: Number(totals[0]?.n ?? 0) };
}
