import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { randomToken, tokenDigest } from '../access/index.ts';
import { type CustomerTokenPurpose, customerTokens } from './schema.ts';

/** How long a mailed link works: an hour for a password reset, a week to activate an account or confirm a newsletter sign-up. */
export const TOKEN_LIFETIME_MS: Record<CustomerTokenPurpose, number> = {
  password_reset: 60 * 60 * 1000,
  activation: 7 * 24 * 60 * 60 * 1000,
  newsletter_confirmation: 7 * 24 * 60 * 60 * 1000,
};

export function tokenLifetimeHours(purpose: CustomerTokenPurpose): number {
  return TOKEN_LIFETIME_MS[purpose] / 3_600_000;
}

/** 422 for a link that is unknown, used, expired, or whose account no longer waits for it. */
export function linkExpired() {
  return unprocessable('link_expired', 'This link has expired or was already used. Ask for a new one.');
}

/** At most this many account e-mails per customer per hour, so nobody can mail-bomb an address through us. */
export const MAX_ACCOUNT_MAILS_PER_HOUR = 5;

/** Makes a link token for the customer; only its digest is kept. Returns the token for the e-mail. */
export async function issueCustomerToken(
  tx: Db,
  customer: { id: string; storeId: string },
  purpose: CustomerTokenPurpose,
): Promise<string> {
  const token = randomToken();
  await tx.insert(customerTokens).values({
    tokenHash: tokenDigest(token),
    storeId: customer.storeId,
    customerId: customer.id,
    purpose,
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/** True when the customer was sent fewer account e-mails than the hourly limit. */
export async function mayMailCustomer(tx: Db, customerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(customerTokens)
    .where(
      and(
        eq(customerTokens.customerId, customerId),
        gt(customerTokens.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  return Number(row?.n ?? 0) < MAX_ACCOUNT_MAILS_PER_HOUR;
}

/** The customer a token would serve if used now (unused, unexpired, of this store and purpose); nothing is spent. */
export async function peekCustomerToken(
  db: Db,
  storeId: string,
  purpose: CustomerTokenPurpose,
  token: string,
): Promise<string | null> {
  const [row] = await db
    .select({ customerId: customerTokens.customerId })
    .from(customerTokens)
    .where(usable(storeId, purpose, token));
  return row?.customerId ?? null;
}

/**
 * Spends a token: one conditional UPDATE, so of two concurrent uses exactly one gets the customer.
 * Null when the token is unknown, of another store or purpose, used or expired.
 */
export async function consumeCustomerToken(
  tx: Db,
  storeId: string,
  purpose: CustomerTokenPurpose,
  token: string,
): Promise<string | null> {
  const [row] = await tx
    .update(customerTokens)
    .set({ usedAt: sql`now()` })
    .where(usable(storeId, purpose, token))
    .returning({ customerId: customerTokens.customerId });
  return row?.customerId ?? null;
}

/** Spends every other open token of this purpose: a reset link stops working once another was used. */
export async function spendOpenTokens(
  tx: Db,
  customerId: string,
  purpose: CustomerTokenPurpose,
): Promise<void> {
  await tx
    .update(customerTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(customerTokens.customerId, customerId),
        eq(customerTokens.purpose, purpose),
        isNull(customerTokens.usedAt),
      ),
    );
}

function usable(storeId: string, purpose: CustomerTokenPurpose, token: string) {
  return and(
    eq(customerTokens.tokenHash, tokenDigest(token)),
    eq(customerTokens.storeId, storeId),
    eq(customerTokens.purpose, purpose),
    isNull(customerTokens.usedAt),
    gt(customerTokens.expiresAt, sql`now()`),
  );
}
