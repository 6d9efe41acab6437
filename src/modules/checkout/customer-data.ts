import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { redactedText } from '../../platform/personal-data/redaction.ts';
import { cartLines, carts } from './schema.ts';

function subjectCarts(storeId: string, subject: DataSubject) {
  return and(
    eq(carts.storeId, storeId),
    or(eq(carts.customerId, subject.id), sql`lower(${carts.email}) = ${subject.email}`),
  );
}

/**
 * The checkout's part of a privacy request (docs/privacy.md): the customer's carts, open or
 * completed, draft orders staff made for them included, with their lines. The cart's secret
 * token is left out.
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const rows = await db
    .select({
      id: carts.id,
      kind: carts.kind,
      state: carts.state,
      currency: carts.currency,
      locale: carts.locale,
      country: carts.country,
      email: carts.email,
      shippingAddress: carts.shippingAddress,
      billingAddress: carts.billingAddress,
      shippingOptionKey: carts.shippingOptionKey,
      discountCodes: carts.discountCodes,
      note: carts.note,
      orderId: carts.orderId,
      draftName: carts.draftName,
      createdAt: carts.createdAt,
      updatedAt: carts.updatedAt,
    })
    .from(carts)
    .where(subjectCarts(storeId, subject))
    .orderBy(carts.createdAt);
  const ids = rows.map((c) => c.id);
  return {
    carts: rows,
    cart_lines:
      ids.length === 0 ? [] : await db.select().from(cartLines).where(inArray(cartLines.cartId, ids)),
  };
}

/**
 * Empties the customer's carts of what names them, in the caller's transaction: e-mail,
 * addresses and note go; lines, amounts and the link to the order they became stay (the order's
 * own erasure anonymises it).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(carts)
    .set({
      email: null,
      shippingAddress: null,
      billingAddress: null,
      note: '',
      draftName: redactedText(carts.draftName, subject),
    })
    .where(subjectCarts(storeId, subject));
  return {};
}
