import { and, asc, desc, eq, gte, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { numberFromName } from './order-mail.ts';
import { getOrderSettings } from './order-settings.ts';
import { financialStatuses, fulfilmentStatuses, orderStatuses, orders } from './schema.ts';

const listSorts = ['newest', 'oldest', 'total_desc', 'total_asc'] as const;
const day = z.iso.date();

export const orderListQuery = z
  .object({
    status: z.enum(orderStatuses).optional(),
    financialStatus: z.enum(financialStatuses).optional(),
    fulfilmentStatus: z.enum(fulfilmentStatuses).optional(),
    /** Placed (or, for drafts, created) on or after this day, UTC. */
    from: day.optional(),
    /** … and on or before this day, UTC. */
    to: day.optional(),
    customerId: z.string().trim().min(1).max(64).optional(),
    /** Minor units of the order's currency. */
    totalMin: z.coerce.number().int().min(0).optional(),
    totalMax: z.coerce.number().int().min(0).optional(),
    tag: z.string().trim().min(1).max(60).optional(),
    /** An order number ("1001" or "#1001"), or part of the e-mail or the customer's name. */
    q: z.string().trim().min(1).max(200).optional(),
    sort: z.enum(listSorts).default('newest'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type OrderListQuery = z.input<typeof orderListQuery>;

export interface OrderSummary {
  id: string;
  number: number | null;
  /** The status page's secret (the storefront's order history and lookup link to it). */
  token: string;
  status: string;
  financialStatus: string;
  fulfilmentStatus: string;
  email: string;
  customerName: string;
  customerId: string | null;
  currency: string;
  total: number;
  refundedAmount: number;
  itemCount: number;
  tags: string[];
  placedAt: Date | null;
  createdAt: Date;
  paymentProvider: string | null;
  country: string | null;
}

const when = sql`coalesce(${orders.placedAt}, ${orders.createdAt})`;
const customerName = sql<string>`trim(coalesce(${orders.shippingAddress}->>'firstName', ${orders.billingAddress}->>'firstName', '') || ' ' ||
  coalesce(${orders.shippingAddress}->>'lastName', ${orders.billingAddress}->>'lastName', ''))`;

/** The store's orders, filtered and paged; drafts only when asked for by status. */
export async function listOrders(
  db: Db,
  storeId: string,
  input: OrderListQuery,
): Promise<{ items: OrderSummary[]; total: number }> {
  const query = orderListQuery.parse(input);
  const number = query.q ? numberFromName(query.q, (await getOrderSettings(db, storeId)).numberPrefix) : null;
  const filters: (SQL | undefined)[] = [
    eq(orders.storeId, storeId),
    query.status ? eq(orders.status, query.status) : ne(orders.status, 'draft'),
    query.financialStatus ? eq(orders.financialStatus, query.financialStatus) : undefined,
    query.fulfilmentStatus ? eq(orders.fulfilmentStatus, query.fulfilmentStatus) : undefined,
    query.from ? gte(when, sql`${query.from}::date`) : undefined,
    query.to ? lt(when, sql`${query.to}::date + 1`) : undefined,
    query.customerId ? eq(orders.customerId, query.customerId) : undefined,
    query.totalMin !== undefined ? gte(orders.total, query.totalMin) : undefined,
    query.totalMax !== undefined ? lte(orders.total, query.totalMax) : undefined,
    query.tag ? sql`${orders.tags} @> array[${query.tag}]::text[]` : undefined,
    query.q
      ? number !== null
        ? eq(orders.number, number)
        : sql`(strpos(${orders.email}, lower(${query.q})) > 0 or strpos(lower(${customerName}), lower(${query.q})) > 0)`
      : undefined,
  ];
  const order = {
    newest: [desc(when), desc(orders.id)],
    oldest: [asc(when), asc(orders.id)],
    total_desc: [desc(orders.total), desc(orders.id)],
    total_asc: [asc(orders.total), asc(orders.id)],
  }[query.sort];
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      token: orders.token,
      status: orders.status,
      financialStatus: orders.financialStatus,
      fulfilmentStatus: orders.fulfilmentStatus,
      email: orders.email,
      customerName,
      customerId: orders.customerId,
      currency: orders.currency,
      total: orders.total,
      refundedAmount: orders.refundedAmount,
      itemCount:
        sql<number>`(select coalesce(sum(quantity), 0) from order_lines l where l.order_id = orders.id)`.mapWith(
          Number,
        ),
      tags: orders.tags,
      placedAt: orders.placedAt,
      createdAt: orders.createdAt,
      paymentProvider: orders.paymentProvider,
      country: sql<
        string | null
      >`coalesce(${orders.shippingAddress}->>'country', ${orders.billingAddress}->>'country')`,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(orders)
    .where(and(...filters))
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
  let total = rows[0]?.count ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(orders)
      .where(and(...filters));
    total = counted?.n ?? 0;
  }
  return { items: rows.map(({ count: _count, ...row }) => row), total };
}
