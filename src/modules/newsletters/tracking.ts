import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newsletterRecipients, newsletters } from './schema.ts';
import { recipientOfToken } from './unsubscribe.ts';

/**
 * Counts an open of a tracked recipient's message (every open in the total, the first one's time
 * for unique opens). A token of an untracked recipient or of nobody counts nothing.
 */
export async function recordOpen(db: Db, storeId: string, token: string): Promise<void> {
  const recipient = await recipientOfToken(db, storeId, token);
  if (!recipient?.tracked) return;
  await db
    .update(newsletterRecipients)
    .set({
      opens: sql`${newsletterRecipients.opens} + 1`,
      firstOpenedAt: sql`coalesce(${newsletterRecipients.firstOpenedAt}, ${now().toISOString()}::timestamptz)`,
    })
    .where(eq(newsletterRecipients.id, recipient.id));
}

/**
 * Where a click link goes: the `index`-th link of the recipient's newsletter as it was sent, never
 * an address taken from the request (no open redirect). Counted only for a tracked recipient (a
 * click counts as an open too: images are often blocked). Null when the token or index is unknown.
 */
export async function recordClick(
  db: Db,
  storeId: string,
  token: string,
  index: number,
): Promise<string | null> {
  const recipient = await recipientOfToken(db, storeId, token);
  if (!recipient || !Number.isInteger(index) || index < 0) return null;
  const [newsletter] = await db
    .select({ links: newsletters.links })
    .from(newsletters)
    .where(and(eq(newsletters.storeId, storeId), eq(newsletters.id, recipient.newsletterId)));
  const target = newsletter?.links[index];
  if (!target) return null;
  if (recipient.tracked) {
    const at = now().toISOString();
    await db
      .update(newsletterRecipients)
      .set({
        clicks: sql`${newsletterRecipients.clicks} + 1`,
        firstClickedAt: sql`coalesce(${newsletterRecipients.firstClickedAt}, ${at}::timestamptz)`,
        opens: sql`greatest(${newsletterRecipients.opens}, 1)`,
        firstOpenedAt: sql`coalesce(${newsletterRecipients.firstOpenedAt}, ${at}::timestamptz)`,
      })
      .where(eq(newsletterRecipients.id, recipient.id));
  }
  return target;
}
