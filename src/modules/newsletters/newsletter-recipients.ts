import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { followDeliveries } from './newsletter-sending.ts';
import { newsletterRow } from './newsletters.ts';
import { newsletterRecipients, type RecipientStatus } from './schema.ts';

/** A page of a newsletter's recipients with what happened to each (the admin's detail list). */
export async function listNewsletterRecipients(
  db: Db,
  storeId: string,
  newsletterId: string,
  query: { status?: RecipientStatus; limit?: number; offset?: number } = {},
) {
  await newsletterRow(db, storeId, newsletterId);
  await followDeliveries(db, newsletterId);
  return db
    .select({
      id: newsletterRecipients.id,
      customerId: newsletterRecipients.customerId,
      email: newsletterRecipients.email,
      status: newsletterRecipients.status,
      tracked: newsletterRecipients.tracked,
      queuedAt: newsletterRecipients.queuedAt,
      opens: newsletterRecipients.opens,
      clicks: newsletterRecipients.clicks,
      unsubscribedAt: newsletterRecipients.unsubscribedAt,
    })
    .from(newsletterRecipients)
    .where(
      and(
        eq(newsletterRecipients.newsletterId, newsletterId),
        query.status ? eq(newsletterRecipients.status, query.status) : undefined,
      ),
    )
    .orderBy(asc(newsletterRecipients.email), asc(newsletterRecipients.id))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0);
}
