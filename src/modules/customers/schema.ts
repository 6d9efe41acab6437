import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';
import type { SegmentCondition, SegmentMatch } from './segments/segment-conditions.ts';

/**
 * What a customer row is:
 * - `guest`: someone who ordered without an account (checkout's `findOrCreateGuestCustomer`); no password.
 * - `invited`: someone signed up with this e-mail (new, or with guest orders); no password yet. It
 *   becomes `enabled` only through the activation link sent to that address, whose page sets the
 *   password (docs/customers.md).
 * - `enabled`: an account that can sign in.
 * - `disabled`: an account the store closed; it cannot sign in.
 */
export const customerStates = ['guest', 'invited', 'enabled', 'disabled'] as const;
export type CustomerState = (typeof customerStates)[number];

export const customerTokenPurposes = ['password_reset', 'activation', 'newsletter_confirmation'] as const;
export type CustomerTokenPurpose = (typeof customerTokenPurposes)[number];

export const marketingConsentSources = [
  'checkout_checkbox',
  'signup_form',
  'double_opt_in',
  'admin',
  'import',
  'unsubscribe',
] as const;
export type MarketingConsentSource = (typeof marketingConsentSources)[number];
export const marketingConsentStatuses = ['granted', 'withdrawn'] as const;
export type MarketingConsentStatus = (typeof marketingConsentStatuses)[number];
export const marketingChannels = ['email'] as const;
export type MarketingChannel = (typeof marketingChannels)[number];

/** A store's customer: one row per e-mail per store, whether they ordered as a guest or have an account. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** Lower-cased when written, so the unique index holds for any spelling. */
    email: text('email').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    /** The language mail is written in (BCP 47); the storefront's locale when they last registered. */
    locale: text('locale'),
    /** argon2id; null until the customer sets a password. */
    passwordHash: text('password_hash'),
    state: text('state').$type<CustomerState>().notNull().default('guest'),
    /**
     * The current e-mail marketing consent: the latest entry of `customer_marketing_consents`,
     * kept on the row (with its time and source) so lists and segments filter without a join.
     * Written only by consent.ts, together with the log entry.
     */
    acceptsMarketing: boolean('accepts_marketing').notNull().default(false),
    marketingConsentAt: timestamp('marketing_consent_at', { withTimezone: true }),
    marketingConsentSource: text('marketing_consent_source').$type<MarketingConsentSource>(),
    note: text('note'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('customers_store_email_key').on(t.storeId, t.email),
    index('customers_store_created_idx').on(t.storeId, t.createdAt),
    check('customers_state_check', sql`${t.state} in ('guest', 'invited', 'enabled', 'disabled')`),
    // An account that can sign in has a password; e-mails are kept in one spelling.
    check('customers_enabled_password_check', sql`${t.state} <> 'enabled' or ${t.passwordHash} is not null`),
    check('customers_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A customer's saved addresses; at most one is the default (a partial unique index says so). */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    company: text('company'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    /** ISO 3166-2 (e.g. US-CA), or null. */
    region: text('region'),
    postalCode: text('postal_code'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    phone: text('phone'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId, t.createdAt),
    uniqueIndex('customer_addresses_default_key').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);

/** Storefront sign-ins. The cookie's token is stored only as its SHA-256 digest. */
export const customerSessions = pgTable(
  'customer_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    csrfToken: text('csrf_token').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_sessions_customer_idx').on(t.customerId),
    index('customer_sessions_expires_idx').on(t.expiresAt),
  ],
);

/** Single-use links mailed to a customer (password reset, account activation), stored hashed. */
export const customerTokens = pgTable(
  'customer_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    storeId: text('store_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<CustomerTokenPurpose>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('customer_tokens_customer_idx').on(t.customerId, t.purpose, t.createdAt),
    index('customer_tokens_expires_idx').on(t.expiresAt),
    check(
      'customer_tokens_purpose_check',
      sql`${t.purpose} in ('password_reset', 'activation', 'newsletter_confirmation')`,
    ),
  ],
);

/**
 * The key that signs the storefront's pre-session CSRF cookie (forms shown before sign-in). One row,
 * made on first use; in the database so every instance of a scaled-out installation signs alike.
 */
export const customerFormKeys = pgTable('customer_form_keys', {
  id: text('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every change of a customer's marketing consent, append-only (nothing updates or deletes a row
 * but the customer's own deletion): the proof of when, how and from where consent was given or
 * withdrawn. `ip` and `user_agent` are personal data (shown to the admin, never logged).
 */
export const customerMarketingConsents = pgTable(
  'customer_marketing_consents',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<MarketingChannel>().notNull().default('email'),
    status: text('status').$type<MarketingConsentStatus>().notNull(),
    source: text('source').$type<MarketingConsentSource>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** The staff member of an admin change (the audit log has the rest). */
    actorId: text('actor_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('customer_marketing_consents_customer_idx').on(t.customerId, t.recordedAt),
    check('customer_marketing_consents_status_check', sql`${t.status} in ('granted', 'withdrawn')`),
    check('customer_marketing_consents_channel_check', sql`${t.channel} in ('email')`),
    check(
      'customer_marketing_consents_source_check',
      sql`${t.source} in ('checkout_checkbox', 'signup_form', 'double_opt_in', 'admin', 'import', 'unsubscribe')`,
    ),
  ],
);

/** Named groups of customers the admin fills by hand ("Wholesale", "VIP"). */
export const customerGroups = pgTable(
  'customer_groups',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [uniqueIndex('customer_groups_store_name_key').on(t.storeId, sql`lower(${t.name})`)],
);

export const customerGroupMembers = pgTable(
  'customer_group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => customerGroups.id, { onDelete: 'cascade' }),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.customerId] }),
    index('customer_group_members_customer_idx').on(t.customerId),
  ],
);

/**
 * A segment: customers matching rules, evaluated live (segments/segment-predicate.ts compiles the
 * rules to one SQL predicate), so membership is always today's.
 */
export const customerSegments = pgTable(
  'customer_segments',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    match: text('match').$type<SegmentMatch>().notNull().default('all'),
    rules: jsonb('rules').$type<SegmentCondition[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('customer_segments_store_name_key').on(t.storeId, sql`lower(${t.name})`),
    check('customer_segments_match_check', sql`${t.match} in ('all', 'any')`),
  ],
);
