import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { newsletterRecipients, newsletters } from './schema.ts';

const ofSubject = (storeId: string, subject: DataSubject) =>
  and(
    eq(newsletterRecipients.storeId, storeId),
    or(eq(newsletterRecipients.customerId, subject.id), eq(newsletterRecipients.email, subject.email)),
  );

/** Newsletters' part of a privacy request (docs/privacy.md): each newsletter sent to the customer, with what they did. */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const rows = await db
    .select({
      newsletter: newsletters.subject,
      email: newsletterRecipients.email,
      status: newsletterRecipients.status,
      queuedAt: newsletterRecipients.queuedAt,
      firstOpenedAt: newsletterRecipients.firstOpenedAt,
      firstClickedAt: newsletterRecipients.firstClickedAt,
      unsubscribedAt: newsletterRecipients.unsubscribedAt,
    })
    .from(newsletterRecipients)
    .innerJoin(newsletters, eq(newsletters.id, newsletterRecipients.newsletterId))
    .where(ofSubject(storeId, subject));
  return { newsletter_recipients: rows };
}

/**
 * The recipient rows stay, so a newsletter's figures (sent, opened, clicked) do not change; they
 * name the tombstone address, and their unsubscribe and tracking links stop working (token gone).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(newsletterRecipients)
    .set({ email: subject.tombstoneEmail, tokenDigest: null })
    .where(ofSubject(storeId, subject));
  return {};
}
