import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { cartTokenDigest } from '../cart-token.ts';
import { carts } from '../schema.ts';

/** What a draft's payment link leads to now. */
export type DraftLinkTarget =
  /** The draft can be paid: the token opens it as the browser's cart. */
  | { kind: 'payable'; draftOrderId: string }
  /** It is an order already (paid through the link, or completed by staff). */
  | { kind: 'ordered'; draftOrderId: string; orderId: string };

/**
 * The draft order a payment link's token names (the token of its last invoice), or undefined when
 * none does: another token, a deleted draft, or a link past its 30 days.
 */
export async function draftOfPaymentLink(
  db: Db,
  storeId: string,
  token: string,
): Promise<DraftLinkTarget | undefined> {
  if (!token || token.length > 128) return undefined;
  const [row] = await db
    .select({ id: carts.id, state: carts.state, orderId: carts.orderId, expiresAt: carts.expiresAt })
    .from(carts)
    .where(
      and(eq(carts.tokenHash, cartTokenDigest(token)), eq(carts.storeId, storeId), eq(carts.kind, 'draft')),
    );
  if (!row) return undefined;
  if (row.state === 'completed' && row.orderId)
    return { kind: 'ordered', draftOrderId: row.id, orderId: row.orderId };
  if (row.state === 'active' && row.expiresAt.getTime() > Date.now())
    return { kind: 'payable', draftOrderId: row.id };
  return undefined;
}
