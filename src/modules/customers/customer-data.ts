import { type AnyColumn, and, eq, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import {
  customerAddresses,
  customerGroupMembers,
  customerMarketingConsents,
  customerSessions,
  customers,
  customerTokens,
} from './schema.ts';

/** A table of rows that belong to one customer. */
type CustomerOwned = { storeId: AnyColumn; customerId: AnyColumn };

/**
 * The customers module's part of a privacy request (docs/privacy.md): the profile, saved
 * addresses, the marketing consent log and group memberships. Sessions and single-use links are
 * listed without their secrets (digests only protect them; they say nothing about the person).
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const mine = (t: CustomerOwned) => and(eq(t.storeId, storeId), eq(t.customerId, subject.id));
  const [profile] = await db
    .select({
      id: customers.id,
      email: customers.email,
      firstName: customers.firstName,
      lastName: customers.lastName,
      phone: customers.phone,
      locale: customers.locale,
      state: customers.state,
      acceptsMarketing: customers.acceptsMarketing,
      marketingConsentAt: customers.marketingConsentAt,
      marketingConsentSource: customers.marketingConsentSource,
      note: customers.note,
      tags: customers.tags,
      createdAt: customers.createdAt,
      updatedAt: customers.updatedAt,
    })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, subject.id)));
  return {
    customers: profile ? [profile] : [],
    customer_addresses: await db.select().from(customerAddresses).where(mine(customerAddresses)),
    customer_marketing_consents: await db
      .select()
      .from(customerMarketingConsents)
      .where(mine(customerMarketingConsents))
      .orderBy(customerMarketingConsents.recordedAt),
    customer_group_members: await db.select().from(customerGroupMembers).where(mine(customerGroupMembers)),
    customer_sessions: await db
      .select({
        createdAt: customerSessions.createdAt,
        lastSeenAt: customerSessions.lastSeenAt,
        expiresAt: customerSessions.expiresAt,
      })
      .from(customerSessions)
      .where(mine(customerSessions)),
    customer_tokens: await db
      .select({
        purpose: customerTokens.purpose,
        createdAt: customerTokens.createdAt,
        expiresAt: customerTokens.expiresAt,
        usedAt: customerTokens.usedAt,
      })
      .from(customerTokens)
      .where(mine(customerTokens)),
  };
}

/**
 * Erases the customer in the caller's transaction: the row stays as a tombstone (orders, reviews
 * and facts still point at it, so figures hold) with the e-mail `erased-<id>@invalid` and nothing
 * else that names the person; sessions, single-use links, addresses and group memberships go; the
 * consent log keeps what was decided and when, without the IP address and browser.
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(customers)
    .set({
      email: subject.tombstoneEmail,
      firstName: null,
      lastName: null,
      phone: null,
      passwordHash: null,
      state: 'disabled',
      acceptsMarketing: false,
      note: null,
      tags: sql`'{}'::text[]`,
      updatedAt: now(),
    })
    .where(and(eq(customers.storeId, storeId), eq(customers.id, subject.id)));
  const mine = (t: CustomerOwned) => and(eq(t.storeId, storeId), eq(t.customerId, subject.id));
  await tx.delete(customerSessions).where(mine(customerSessions));
  await tx.delete(customerTokens).where(mine(customerTokens));
  await tx.delete(customerAddresses).where(mine(customerAddresses));
  await tx.delete(customerGroupMembers).where(mine(customerGroupMembers));
  await tx
    .update(customerMarketingConsents)
    .set({ ip: null, userAgent: null })
    .where(mine(customerMarketingConsents));
  return {};
}
