import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, unprocessable } from '../../../platform/errors.ts';
import { checkoutIdempotency } from './schema.ts';

/** How long a placement's key answers with its order; older keys are removed and may be used again. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Visible ASCII, as the `Idempotency-Key` header of most payment APIs (a UUID is typical). */
const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

/** The key, checked: 400 `idempotency_key_required` without one, `invalid_idempotency_key` when malformed. */
export function checkedIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw badRequest(
      'idempotency_key_required',
      'Send an Idempotency-Key (e.g. a UUID) with every placement.',
      {
        path: 'idempotencyKey',
      },
    );
  }
  const trimmed = key.trim();
  if (!KEY_PATTERN.test(trimmed)) {
    throw badRequest('invalid_idempotency_key', 'An Idempotency-Key is 8 to 255 visible ASCII characters.', {
      path: 'idempotencyKey',
    });
  }
  return trimmed;
}

/** What a placement asked for, digested: the same key must always come with the same request. */
export function placementRequestHash(request: { cartId: string; provider: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([request.cartId, request.provider]))
    .digest('hex');
}

export type KeyClaim = { claimed: true } | { claimed: false; orderId: string };

/**
 * Claims the key for this placement, in its transaction, for the order it is about to make (its id
 * chosen ahead: the row and the order commit or roll back together). One statement: the insert
 * either claims the key, takes over one older than the TTL, or — when another placement holds it —
 * waits for that one to commit or roll back and then does nothing. An answer of "not claimed" names
 * the order the key made; the same key for another request is 422 `idempotency_key_reused`.
 */
export async function claimIdempotencyKey(
  tx: Db,
  storeId: string,
  key: string,
  requestHash: string,
  orderId: string,
): Promise<KeyClaim> {
  const [claimed] = await tx
    .insert(checkoutIdempotency)
    .values({ storeId, key, requestHash, orderId, createdAt: sql`now()` })
    .onConflictDoUpdate({
      target: [checkoutIdempotency.storeId, checkoutIdempotency.key],
      set: { requestHash, orderId, createdAt: sql`now()` },
      setWhere: lt(
        checkoutIdempotency.createdAt,
        sql`now() - ${`${IDEMPOTENCY_KEY_TTL_MS} milliseconds`}::interval`,
      ),
    })
    .returning({ key: checkoutIdempotency.key });
  if (claimed) return { claimed: true };
  const [held] = await tx
    .select({ requestHash: checkoutIdempotency.requestHash, orderId: checkoutIdempotency.orderId })
    .from(checkoutIdempotency)
    .where(and(eq(checkoutIdempotency.storeId, storeId), eq(checkoutIdempotency.key, key)));
  if (!held || held.requestHash !== requestHash || !held.orderId) {
    throw unprocessable(
      'idempotency_key_reused',
      'This Idempotency-Key was used for another request; send a new key for a new placement.',
      { path: 'idempotencyKey' },
    );
  }
  return { claimed: false, orderId: held.orderId };
}

/** Housekeeping: removes keys past the TTL (every store's). Returns how many went. */
export async function purgeExpiredIdempotencyKeys(db: Db): Promise<number> {
  const removed = await db
    .delete(checkoutIdempotency)
    .where(
      lt(checkoutIdempotency.createdAt, sql`now() - ${`${IDEMPOTENCY_KEY_TTL_MS} milliseconds`}::interval`),
    )
    .returning({ key: checkoutIdempotency.key });
  return removed.length;
}
