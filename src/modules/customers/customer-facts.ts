import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { customerOrderFigures } from '../orders/index.ts';
import { customerAddresses, customers } from './schema.ts';
import type { SegmentColumns } from './segments/segment-predicate.ts';

/** What the list, the profile and segment rules know of a customer beyond their row. */
export interface CustomerFigures {
  totalSpent: number;
  orderCount: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** The default address's country (ISO 3166-1 alpha-2), or null. */
  country: string | null;
}

/**
 * Customers of a store joined, in one statement, with their order figures (the orders module's
 * `customerOrderFigures`, a grouped subquery) and their default address's country. The list, the
 * profile and segments all read customers through it, so a rule and a column mean the same thing.
 */
export function customerFactsQuery(db: Db, store: Pick<Store, 'id' | 'baseCurrency' | 'timezone'>) {
  const storeId = store.id;
  const figures = customerOrderFigures(db, store);
  const defaultAddress = alias(customerAddresses, 'default_address');
  const columns: SegmentColumns = {
    totalSpent: sql`coalesce(${figures.totalSpent}, 0)`,
    orderCount: sql`coalesce(${figures.orderCount}, 0)`,
    firstOrderAt: sql`${figures.firstOrderAt}`,
    lastOrderAt: sql`${figures.lastOrderAt}`,
    country: sql`${defaultAddress.country}`,
  };
  const select = (where: SQL | undefined) =>
    db
      .select({
        customer: customers,
        totalSpent: sql<number>`${columns.totalSpent}`.mapWith(Number),
        orderCount: sql<number>`${columns.orderCount}`.mapWith(Number),
        firstOrderAt: figures.firstOrderAt,
        lastOrderAt: figures.lastOrderAt,
        country: defaultAddress.country,
      })
      .from(customers)
      .leftJoin(figures, eq(figures.customerId, customers.id))
      .leftJoin(
        defaultAddress,
        and(eq(defaultAddress.customerId, customers.id), eq(defaultAddress.isDefault, true)),
      )
      .where(and(eq(customers.storeId, storeId), where));
  const countOf = (where: SQL | undefined) =>
    db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(customers)
      .leftJoin(figures, eq(figures.customerId, customers.id))
      .leftJoin(
        defaultAddress,
        and(eq(defaultAddress.customerId, customers.id), eq(defaultAddress.isDefault, true)),
      )
      .where(and(eq(customers.storeId, storeId), where));
  return { columns, select, countOf };
}

export type CustomerFactsRow = Awaited<ReturnType<ReturnType<typeof customerFactsQuery>['select']>>[number];

export function figuresOf(row: CustomerFactsRow): CustomerFigures {
  return {
    totalSpent: row.totalSpent,
    orderCount: row.orderCount,
    firstOrderAt: row.firstOrderAt ?? null,
    lastOrderAt: row.lastOrderAt ?? null,
    country: row.country ?? null,
  };
}
