import { asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { getStore } from '../access/index.ts';
import { type Customer, customerOf } from './customer.ts';
import { type CustomerFigures, customerFactsQuery, figuresOf } from './customer-facts.ts';
import { type CustomerListQuery, customerListQuery, type customerListSorts } from './customer-input.ts';
import { customerGroupMembers, customers } from './schema.ts';
import { resolveRuleData } from './segments/rfm-membership.ts';
import { dayAfter, dayStart } from './segments/segment-conditions.ts';
import { segmentPredicate } from './segments/segment-predicate.ts';
import { getSegment } from './segments/segments.ts';

/** A customer with what their orders add up to: a row of the admin's list. */
export type CustomerWithFigures = Customer & CustomerFigures;

/** `%` and `_` typed in a search are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Facts = ReturnType<typeof customerFactsQuery>;

function sortOf(sort: (typeof customerListSorts)[number], columns: Facts['columns']): SQL[] {
  // Customers without orders sort after those with, whichever the direction.
  switch (sort) {
    case 'newest':
      return [desc(customers.createdAt), desc(customers.id)];
    case 'oldest':
      return [asc(customers.createdAt), asc(customers.id)];
    case 'total_spent_desc':
      return [sql`${columns.totalSpent} desc`, desc(customers.id)];
    case 'total_spent_asc':
      return [sql`${columns.totalSpent} asc`, asc(customers.id)];
    case 'orders_desc':
      return [sql`${columns.orderCount} desc`, desc(customers.id)];
    case 'orders_asc':
      return [sql`${columns.orderCount} asc`, asc(customers.id)];
    case 'last_order_desc':
      return [sql`${columns.lastOrderAt} desc nulls last`, desc(customers.id)];
    case 'last_order_asc':
      return [sql`${columns.lastOrderAt} asc nulls last`, asc(customers.id)];
  }
}

/**
 * The admin's customer list with each customer's figures, filtered, sorted and paged, and the
 * number that match: two statements whatever the page size (the figures are joined, not fetched
 * per customer). `q` finds customers whose e-mail, first or last name, or "first last", contains
 * the words as typed (case-insensitive).
 */
export async function listCustomers(
  db: Db,
  storeId: string,
  query: CustomerListQuery = {},
): Promise<{ items: CustomerWithFigures[]; total: number }> {
  const filter = customerListQuery.parse(query);
  const store = await getStore(db, storeId);
  const facts = customerFactsQuery(db, store);
  const { columns } = facts;
  const filters: SQL[] = [];
  if (filter.state) filters.push(eq(customers.state, filter.state));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    filters.push(
      or(
        ilike(customers.email, pattern),
        ilike(customers.firstName, pattern),
        ilike(customers.lastName, pattern),
        sql`(coalesce(${customers.firstName}, '') || ' ' || coalesce(${customers.lastName}, '')) ilike ${pattern}`,
      )!,
    );
  }
  if (filter.tag) {
    filters.push(sql`lower(${filter.tag}::text) = any(lower(${customers.tags}::text)::text[])`);
  }
  if (filter.acceptsMarketing)
    filters.push(eq(customers.acceptsMarketing, filter.acceptsMarketing === 'true'));
  if (filter.country) filters.push(sql`${columns.country} = ${filter.country}`);
  if (filter.groupId) {
    filters.push(sql`exists (select 1 from ${customerGroupMembers}
      where ${customerGroupMembers.customerId} = ${customers.id} and ${customerGroupMembers.groupId} = ${filter.groupId})`);
  }
  if (filter.totalSpentMin !== undefined) filters.push(sql`${columns.totalSpent} >= ${filter.totalSpentMin}`);
  if (filter.totalSpentMax !== undefined) filters.push(sql`${columns.totalSpent} <= ${filter.totalSpentMax}`);
  if (filter.ordersMin !== undefined) filters.push(sql`${columns.orderCount} >= ${filter.ordersMin}`);
  if (filter.ordersMax !== undefined) filters.push(sql`${columns.orderCount} <= ${filter.ordersMax}`);
  if (filter.lastOrderFrom) {
    filters.push(sql`${columns.lastOrderAt} >= ${dayStart(filter.lastOrderFrom).toISOString()}::timestamptz`);
  }
  if (filter.lastOrderTo) {
    filters.push(sql`${columns.lastOrderAt} < ${dayAfter(filter.lastOrderTo).toISOString()}::timestamptz`);
  }
  if (filter.segmentId) {
    const segment = await getSegment(db, storeId, filter.segmentId);
    const asOf = new Date();
    const data = await resolveRuleData(db, storeId, segment.rules, asOf);
    filters.push(segmentPredicate(storeId, segment.match, segment.rules, columns, asOf, data));
  }
  const where = filters.length > 0 ? sql.join(filters, sql` and `) : undefined;
  const [rows, totals] = await Promise.all([
    facts
      .select(where)
      .orderBy(...sortOf(filter.sort, columns))
      .limit(filter.limit)
      .offset(filter.offset),
    facts.countOf(where),
  ]);
  return {
    items: rows.map((row) => ({ ...customerOf(row.customer), ...figuresOf(row) })),
    total: totals[0]?.n ?? 0,
  };
}
