import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { mentionsSubject, redactedText } from '../../platform/personal-data/redaction.ts';
import { webhookDeliveries, webhookDeliveryAttempts } from './schema.ts';

/**
 * A receiver may echo the event it got (an order with its e-mail) in the start of its answer,
 * which the delivery log keeps for debugging: erasure takes the customer's identifiers out of the
 * store's logged answers (docs/privacy.md). What was delivered is the event itself (the outbox's
 * erasure redacts it).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  const storeDeliveries = tx
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.storeId, storeId));
  await tx
    .update(webhookDeliveryAttempts)
    .set({
      responseBody: redactedText(webhookDeliveryAttempts.responseBody, subject),
      error: redactedText(webhookDeliveryAttempts.error, subject),
    })
    .where(
      and(
        inArray(webhookDeliveryAttempts.deliveryId, storeDeliveries),
        mentionsSubject(webhookDeliveryAttempts.responseBody, subject),
      ),
    );
  return {};
}
