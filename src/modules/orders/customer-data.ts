import { type AnyColumn, and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { redactedJson, redactedText } from '../../platform/personal-data/redaction.ts';
import {
  fulfilmentLines,
  fulfilments,
  orderEvents,
  orderLines,
  orderReturnLines,
  orderReturns,
  orders,
  refundLines,
  refunds,
} from './schema.ts';

async function subjectOrderIds(db: Db, storeId: string, subject: DataSubject): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        or(eq(orders.customerId, subject.id), sql`lower(${orders.email}) = ${subject.email}`),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The orders module's part of a privacy request (docs/privacy.md): the customer's orders (by
 * customer or by e-mail, guest orders included) with their lines, timeline, parcels, refunds and
 * returns, table by table.
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const ids = await subjectOrderIds(db, storeId, subject);
  if (ids.length === 0) {
    return {
      orders: [],
      order_lines: [],
      order_events: [],
      fulfilments: [],
      fulfilment_lines: [],
      refunds: [],
      refund_lines: [],
      order_returns: [],
      order_return_lines: [],
    };
  }
  const parcels = await db.select().from(fulfilments).where(inArray(fulfilments.orderId, ids));
  const refundRows = await db.select().from(refunds).where(inArray(refunds.orderId, ids));
  const returnRows = await db.select().from(orderReturns).where(inArray(orderReturns.orderId, ids));
  const parcelIds = parcels.map((p) => p.id);
  const refundIds = refundRows.map((r) => r.id);
  const returnIds = returnRows.map((r) => r.id);
  return {
    orders: await db.select().from(orders).where(inArray(orders.id, ids)).orderBy(orders.createdAt),
    order_lines: await db
      .select()
      .from(orderLines)
      .where(inArray(orderLines.orderId, ids))
      .orderBy(orderLines.orderId, orderLines.position),
    order_events: await db
      .select()
      .from(orderEvents)
      .where(inArray(orderEvents.orderId, ids))
      .orderBy(orderEvents.createdAt),
    fulfilments: parcels,
    fulfilment_lines:
      parcelIds.length === 0
        ? []
        : await db.select().from(fulfilmentLines).where(inArray(fulfilmentLines.fulfilmentId, parcelIds)),
    refunds: refundRows,
    refund_lines:
      refundIds.length === 0
        ? []
        : await db.select().from(refundLines).where(inArray(refundLines.refundId, refundIds)),
    order_returns: returnRows,
    order_return_lines:
      returnIds.length === 0
        ? []
        : await db.select().from(orderReturnLines).where(inArray(orderReturnLines.returnId, returnIds)),
  };
}

/**
 * Anonymises the customer's orders in the caller's transaction. What the books need stays:
 * amounts, lines, taxes, discounts, dates, statuses and the destination country (tax and
 * reports are by country); the e-mail becomes the tombstone address, the phone, note, names and
 * street lines go, and free text (timeline, return comments, refund notes) loses every identifier.
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  const ids = await subjectOrderIds(tx, storeId, subject);
  if (ids.length === 0) return {};
  const countryOnly = (column: AnyColumn) =>
    sql`case when ${column} is null then null else jsonb_strip_nulls(jsonb_build_object('country', ${column}->'country')) end`;
  await tx
    .update(orders)
    .set({
      email: subject.tombstoneEmail,
      phone: null,
      note: null,
      shippingAddress: countryOnly(orders.shippingAddress),
      billingAddress: countryOnly(orders.billingAddress),
      shipping: redactedJson(orders.shipping, subject),
      cancelReason: redactedText(orders.cancelReason, subject),
    })
    .where(inArray(orders.id, ids));
  await tx
    .update(orderEvents)
    .set({
      message: redactedText(orderEvents.message, subject),
      data: redactedJson(orderEvents.data, subject),
    })
    .where(inArray(orderEvents.orderId, ids));
  await tx
    .update(orderReturns)
    .set({
      customerComment: null,
      staffNote: redactedText(orderReturns.staffNote, subject),
      rejectReason: redactedText(orderReturns.rejectReason, subject),
    })
    .where(inArray(orderReturns.orderId, ids));
  await tx
    .update(refunds)
    .set({ note: redactedText(refunds.note, subject), reason: redactedText(refunds.reason, subject) })
    .where(inArray(refunds.orderId, ids));
  return {};
}

/** The ids of the orders a privacy request covers (other modules' order-linked rows follow them). */
export { subjectOrderIds as customerOrderIds };
