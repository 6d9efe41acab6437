import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { randomToken, tokenDigest } from '../access/index.ts';
import { type Customer, customerOf } from './customer.ts';
import { customerSessions, customers, customerTokens } from './schema.ts';

/** A sign-in lasts 30 days from the last visit. */
export const CUSTOMER_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Visits refresh the session at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export interface CustomerSessionGrant {
  /** The cookie value; only its digest is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openCustomerSession(
  tx: Db,
  customer: { id: string; storeId: string },
): Promise<CustomerSessionGrant> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + CUSTOMER_SESSION_TTL_MS);
  await tx.insert(customerSessions).values({
    tokenHash: tokenDigest(token),
    csrfToken,
    customerId: customer.id,
    storeId: customer.storeId,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * The signed-in customer of a session cookie in this store, with the session's CSRF token; null when
 * the session is unknown, expired, of another store, or its account is no longer enabled.
 */
export async function customerOfSession(
  db: Db,
  storeId: string,
  token: string,
): Promise<{ customer: Customer; csrfToken: string } | null> {
  if (!token) return null;
  const digest = tokenDigest(token);
  const [row] = await db
    .select({
      customer: customers,
      csrfToken: customerSessions.csrfToken,
      lastSeenAt: customerSessions.lastSeenAt,
    })
    .from(customerSessions)
    .innerJoin(customers, eq(customers.id, customerSessions.customerId))
    .where(
      and(
        eq(customerSessions.tokenHash, digest),
        eq(customerSessions.storeId, storeId),
        sql`${customerSessions.expiresAt} > now()`,
        eq(customers.state, 'enabled'),
      ),
    );
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(customerSessions)
      .set({
        lastSeenAt: sql`now()`,
        expiresAt: new Date(Date.now() + CUSTOMER_SESSION_TTL_MS),
      })
      .where(eq(customerSessions.tokenHash, digest));
  }
  return { customer: customerOf(row.customer), csrfToken: row.csrfToken };
}

/** Ends one session (signing out); unknown tokens are ignored. */
export async function signOutCustomer(db: Db, storeId: string, token: string): Promise<void> {
  await db
    .delete(customerSessions)
    .where(and(eq(customerSessions.tokenHash, tokenDigest(token)), eq(customerSessions.storeId, storeId)));
}

/** Ends every session of the customer but `keepToken`'s (after a password change, elsewhere is signed out). */
export async function endOtherSessions(tx: Db, customerId: string, keepToken?: string): Promise<void> {
  await tx
    .delete(customerSessions)
    .where(
      and(
        eq(customerSessions.customerId, customerId),
        keepToken ? ne(customerSessions.tokenHash, tokenDigest(keepToken)) : undefined,
      ),
    );
}

/** Housekeeping: expired sessions and link tokens past their expiry. Returns how many sessions went. */
export async function purgeExpiredCustomerSessions(db: Db): Promise<number> {
  const removed = await db
    .delete(customerSessions)
    .where(lt(customerSessions.expiresAt, sql`now()`))
    .returning({ customerId: customerSessions.customerId });
  // Spent or expired tokens still count against the hourly mail limit for an hour; keep them a day.
  await db.delete(customerTokens).where(lt(customerTokens.expiresAt, sql`now() - interval '1 day'`));
  return removed.length;
}
