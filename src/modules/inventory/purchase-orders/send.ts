import { and, eq } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { type MailAttachment, mailboxWithName, queueMail } from '../../../platform/mail/index.ts';
import { formatMoney } from '../../../platform/money.ts';
import { recordAudit } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { getLocation } from '../locations/locations.ts';
import { purchaseOrders } from '../schema.ts';
import { getSupplier } from '../suppliers/suppliers.ts';
import { renderOrderCsv } from './order-csv.ts';
import { type OrderDocument, orderDocument } from './order-document.ts';
import { renderOrderPdf } from './order-pdf.ts';
import {
  linesOf,
  lockPurchaseOrder,
  type PurchaseOrder,
  type PurchasingContext,
  requireState,
} from './purchase-order-records.ts';

export interface SendContext extends PurchasingContext {
  /** The installation's sending address; the store's name is shown with it. */
  mailFrom: string;
}

/**
 * Sends a draft: renders it as the supplier asks (PDF or CSV), queues an e-mail with it to the
 * supplier, and marks the order sent, all in the caller's transaction, so the mail goes out if and
 * only if the order is sent. Replies go to the member who sent it. Refused (422) without lines,
 * without a supplier e-mail (`supplier_email_missing`), below the supplier's minimum order, or for an
 * inactive supplier; 409 unless the order is a draft. Emits `purchase_order.sent`; audited.
 */
export async function sendPurchaseOrder(
  tx: Db,
  ctx: SendContext,
  id: string,
): Promise<{ order: PurchaseOrder; mailMessageId: string }> {
  const storeId = ctx.store.id;
  const before = await lockPurchaseOrder(tx, storeId, id);
  requireState(before, ['draft'], {
    code: 'purchase_order_not_draft',
    message: 'Only a draft can be sent.',
  });
  const lines = await linesOf(tx, id);
  if (lines.length === 0) {
    throw unprocessable('purchase_order_empty', 'Add at least one line before sending.', { path: 'lines' });
  }
  const supplier = await getSupplier(tx, storeId, before.supplierId);
  if (!supplier.active) {
    throw unprocessable('supplier_inactive', `${supplier.name} is not active.`, { path: 'supplierId' });
  }
  if (!supplier.email) {
    throw unprocessable(
      'supplier_email_missing',
      `${supplier.name} has no e-mail address: add one to the supplier to send orders.`,
      { path: 'supplier.email', supplierId: supplier.id },
    );
  }
  const units = lines.reduce((n, l) => n + l.quantityOrdered, 0);
  if (supplier.minimumOrderQuantity !== null && units < supplier.minimumOrderQuantity) {
    throw unprocessable(
      'below_supplier_minimum',
      `${supplier.name} takes orders of at least ${supplier.minimumOrderQuantity} units; this one has ${units}.`,
      { path: 'lines', minimumOrderQuantity: supplier.minimumOrderQuantity, units },
    );
  }
  const location = await getLocation(tx, storeId, before.locationId);
  const variants = await findStockVariants(
    tx,
    storeId,
    lines.map((l) => l.variantId),
  );
  const sentAt = now();
  const document = orderDocument({
    store: ctx.store,
    order: before,
    supplier,
    location,
    lines,
    variants,
    orderedAt: sentAt,
  });
  const attachment = await orderAttachment(document, supplier.orderFormat);
  const mail = await queueMail(tx, {
    storeId,
    topic: 'purchase_order.sent',
    from: mailboxWithName(ctx.store.name, ctx.mailFrom),
    to: [supplier.email],
    replyTo: ctx.actor.type === 'user' && ctx.actor.label.includes('@') ? ctx.actor.label : null,
    subject: `Purchase order ${document.label} from ${ctx.store.name}`,
    text: orderMailText(document),
    attachments: [attachment],
    entity: { type: 'purchase_order', id },
  });
  const [order] = await tx
    .update(purchaseOrders)
    .set({ state: 'sent', sentAt, updatedAt: sentAt })
    .where(and(eq(purchaseOrders.storeId, storeId), eq(purchaseOrders.id, id)))
    .returning();
  await emitEvent(tx, {
    storeId,
    type: 'purchase_order.sent',
    payload: {
      purchaseOrderId: id,
      number: document.label,
      supplierId: supplier.id,
      locationId: before.locationId,
      currency: document.currency,
      totalAmount: document.totalAmount,
      units,
      expectedOn: before.expectedOn,
      mailMessageId: mail.id,
    },
  });
  await recordAudit(tx, ctx.actor, {
    storeId,
    action: 'purchase_order.sent',
    entityType: 'purchase_order',
    entityId: id,
    before: { state: before.state },
    after: {
      state: order!.state,
      sentAt,
      to: supplier.email,
      attachment: attachment.filename,
      mailMessageId: mail.id,
    },
  });
  return { order: order!, mailMessageId: mail.id };
}

async function orderAttachment(document: OrderDocument, format: string): Promise<MailAttachment> {
  if (format === 'csv') {
    return {
      filename: `${document.label}.csv`,
      contentType: 'text/csv',
      content: renderOrderCsv(document).toString('base64'),
    };
  }
  return {
    filename: `${document.label}.pdf`,
    contentType: 'application/pdf',
    content: (await renderOrderPdf(document)).toString('base64'),
  };
}

function orderMailText(document: OrderDocument): string {
  const total = formatMoney(document.totalAmount, document.currency, document.locale);
  const lineCount = document.lines.length;
  return [
    `Hello ${document.supplier.contactName ?? document.supplier.name},`,
    '',
    `please find attached our purchase order ${document.label}: ${lineCount} ${lineCount === 1 ? 'line' : 'lines'}, ${document.units} units, ${total} in total.`,
    '',
    'Deliver to:',
    document.deliverTo.name,
    ...document.deliverTo.addressLines,
    ...(document.expectedOn ? ['', `Expected delivery: ${document.expectedOn}`] : []),
    ...(document.note ? ['', document.note] : []),
    '',
    'Thank you,',
    document.storeName,
    '',
  ].join('\n');
}
