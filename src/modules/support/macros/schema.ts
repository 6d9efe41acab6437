import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { now } from '../../../platform/clock.ts';
import type { TicketStatus } from '../schema.ts';

/** What applying a macro may also do to the ticket, besides filling the reply box. */
export interface MacroActions {
  /** The status the answer sets (sent with the reply). */
  status?: Extract<TicketStatus, 'open' | 'pending' | 'solved'>;
  /** Tags added to the ticket when the macro is used. */
  addTags?: string[];
}

/**
 * A saved reply of a store: `body` is the text in the store's default language, `localeBodies` the
 * same answer in other languages of the store (keyed by BCP 47 locale). Both are Liquid with the
 * ticket's variables (macro-variables.ts). `keywords` are matched against the customer's latest
 * message to suggest the macro.
 */
export const supportMacros = pgTable(
  'support_macros',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    localeBodies: jsonb('locale_bodies').$type<Record<string, string>>().notNull().default({}),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    actions: jsonb('actions').$type<MacroActions>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('support_macros_name_idx').on(t.storeId, sql`lower(${t.name})`),
    index('support_macros_store_idx').on(t.storeId, t.createdAt),
  ],
);

export type MacroRow = typeof supportMacros.$inferSelect;
