import { and, eq, isNull } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { getCustomer, type RequestTraces, withdrawMarketingConsent } from '../customers/index.ts';
import { recipientTokenDigest } from './recipient-links.ts';
import { newsletterRecipients } from './schema.ts';

export const NEWSLETTER_UNSUBSCRIBED_EVENT = 'newsletter.unsubscribed';

/** The recipient a link's token names, in this store; null for an unknown token (or another store's). */
export async function recipientOfToken(db: Db, storeId: string, token: string) {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select()
    .from(newsletterRecipients)
    .where(
      and(
        eq(newsletterRecipients.storeId, storeId),
        eq(newsletterRecipients.tokenDigest, recipientTokenDigest(token)),
      ),
    );
  return row ?? null;
}

/**
 * The unsubscribe link (one-click POST or the page's button): withdraws the customer's marketing
 * consent with source `unsubscribe` and the request's traces, and marks the recipient. Idempotent:
 * a second use changes nothing and answers the same. Null for a token that names nobody.
 */
export async function unsubscribeByToken(
  db: Db,
  storeId: string,
  token: string,
  traces: RequestTraces = {},
): Promise<{ email: string; alreadyUnsubscribed: boolean } | null> {
  const recipient = await recipientOfToken(db, storeId, token);
  if (!recipient) return null;
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(newsletterRecipients)
      .set({ unsubscribedAt: now() })
      .where(and(eq(newsletterRecipients.id, recipient.id), isNull(newsletterRecipients.unsubscribedAt)))
      .returning({ id: newsletterRecipients.id });
    const customer = await getCustomer(tx, storeId, recipient.customerId);
    // Consent given again after this newsletter is not undone by its old link a second time.
    if (marked.length === 0) return { email: customer.email, alreadyUnsubscribed: true };
    if (customer.acceptsMarketing) {
      await withdrawMarketingConsent(tx, storeId, customer.id, { source: 'unsubscribe', ...traces });
    }
    await emitEvent(tx, {
      storeId,
      type: NEWSLETTER_UNSUBSCRIBED_EVENT,
      payload: { id: recipient.newsletterId, customerId: customer.id },
    });
    return { email: customer.email, alreadyUnsubscribed: false };
  });
}
