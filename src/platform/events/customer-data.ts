import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { CustomerErasure, DataSubject } from '../personal-data/data-subject.ts';
import { mentionsSubject, redactedJson, redactedText } from '../personal-data/redaction.ts';
import { outboxEvents } from './schema.ts';

/**
 * Domain events carry what consumers need (an order's e-mail and addresses for its mail, a
 * customer's fields for webhooks). Erasure takes the customer's identifiers out of every stored
 * event of the store that mentions them, dispatched or not (docs/privacy.md). Events are the
 * system's plumbing, not the customer's record: the export leaves them out (what they describe is
 * exported from the modules that own it).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(outboxEvents)
    .set({
      payload: redactedJson(outboxEvents.payload, subject),
      lastError: redactedText(outboxEvents.lastError, subject),
    })
    .where(and(eq(outboxEvents.storeId, storeId), mentionsSubject(outboxEvents.payload, subject)));
  return {};
}
