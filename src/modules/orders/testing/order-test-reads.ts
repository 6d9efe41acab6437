import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';

/** The outbox events of one type for an order, oldest first (what webhooks and e-mails receive). */
export async function orderEventsOfType(
  database: Database,
  orderId: string,
  type: string,
): Promise<Record<string, unknown>[]> {
  const rows = await database.execute<{ payload: Record<string, unknown> }>(
    `select payload from outbox_events where type = $1 and payload->>'orderId' = $2 order by created_at, id`,
    [type, orderId],
  );
  return rows.map((r) => r.payload);
}

/** On hand and reserved of a variant at a location. */
export async function stockLevel(database: Database, variantId: string, locationId: string) {
  const [row] = await database.execute<{ on_hand: number; reserved: number }>(
    'select on_hand, reserved from inventory_levels where variant_id = $1 and location_id = $2',
    [variantId, locationId],
  );
  return { onHand: Number(row?.on_hand ?? 0), reserved: Number(row?.reserved ?? 0) };
}

/** Counts of the rows an order action writes, to show a refused action wrote nothing. */
export async function writeCounts(database: Database): Promise<Record<string, number>> {
  const tables = [
    'fulfilments',
    'fulfilment_lines',
    'refunds',
    'refund_lines',
    'order_events',
    'inventory_movements',
    'payment_transactions',
    'audit_log',
    'outbox_events',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    out[t] = Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n);
  }
  return out;
}

/** A predicate for assert.rejects: an AppError with this code (and status, when given). */
export function appError(code: string, status?: number) {
  return (err: unknown) => {
    if (!(err instanceof AppError)) throw err;
    if (err.code !== code || (status !== undefined && err.status !== status)) {
      throw new Error(`expected ${status ?? ''} ${code}, got ${err.status} ${err.code}: ${err.message}`);
    }
    return true;
  };
}
