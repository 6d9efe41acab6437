import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type Customer, customerOf } from './customer.ts';
import { type CustomerListQuery, customerListQuery } from './customer-input.ts';
import { customers } from './schema.ts';

/** `%` and `_` typed in a search are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The admin's customer list, newest first, with the number that match. `q` finds customers whose
 * e-mail, first or last name, or "first last", contains the words as typed (case-insensitive).
 */
export async function listCustomers(
  db: Db,
  storeId: string,
  query: CustomerListQuery = {},
): Promise<{ items: Customer[]; total: number }> {
  const { q, state, limit, offset } = customerListQuery.parse(query);
  const filters: (SQL | undefined)[] = [eq(customers.storeId, storeId)];
  if (state) filters.push(eq(customers.state, state));
  if (q) {
    const pattern = likePattern(q);
    filters.push(
      or(
        ilike(customers.email, pattern),
        ilike(customers.firstName, pattern),
        ilike(customers.lastName, pattern),
        sql`(coalesce(${customers.firstName}, '') || ' ' || coalesce(${customers.lastName}, '')) ilike ${pattern}`,
      ),
    );
  }
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  return { items: rows.map(customerOf), total: Number(totals[0]?.n ?? 0) };
}
