import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { type CustomerState, customers, type MarketingConsentSource } from './schema.ts';

/** A customer as other modules and the API see it: never the password hash. */
export interface Customer {
  id: string;
  storeId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  locale: string | null;
  state: CustomerState;
  acceptsMarketing: boolean;
  /** When and how the current consent (or its withdrawal) was recorded; null if never. */
  marketingConsentAt: Date | null;
  marketingConsentSource: MarketingConsentSource | null;
  note: string | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type CustomerRow = typeof customers.$inferSelect;

export function customerOf(row: CustomerRow): Customer {
  return {
    id: row.id,
    storeId: row.storeId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    phone: row.phone,
    locale: row.locale,
    state: row.state,
    acceptsMarketing: row.acceptsMarketing,
    marketingConsentAt: row.marketingConsentAt,
    marketingConsentSource: row.marketingConsentSource,
    note: row.note,
    tags: row.tags,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** An e-mail address, trimmed and lower-cased: the one spelling a store keeps (and looks up). */
export const customerEmail = z
  .string()
  .trim()
  .max(254)
  .transform((e) => e.toLowerCase())
  .pipe(z.email('Enter an e-mail address such as ada@example.com.'));

/** Optional text: blank means none. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export async function getCustomer(db: Db, storeId: string, id: string): Promise<Customer> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, id)));
  if (!row) throw notFound('Customer', { id });
  return customerOf(row);
}

/** The row of an e-mail (already in its one spelling), locked for the caller's transaction when asked. */
export async function customerRowByEmail(
  db: Db,
  storeId: string,
  email: string,
  options: { forUpdate?: boolean } = {},
): Promise<CustomerRow | undefined> {
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.email, email)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function customerRowById(
  db: Db,
  storeId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CustomerRow> {
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Customer', { id });
  return row;
}
