import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import {
  type DiscountView,
  discountStatuses,
  discountView,
  inlineCodes,
  statusSql,
} from './discount-records.ts';
import { discountKinds, discountTypes } from './engine/types.ts';
import { discounts } from './schema.ts';

export const discountListQuery = z
  .object({
    status: z.enum(discountStatuses).optional(),
    kind: z.enum(discountKinds).optional(),
    type: z.enum(discountTypes).optional(),
    /** Part of the title or of one of the codes, case ignored. */
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type DiscountListQuery = z.input<typeof discountListQuery>;

/** The store's discounts, newest first, filtered and paged; `total` counts every match. */
export async function listDiscounts(
  db: Db,
  storeId: string,
  input: DiscountListQuery,
): Promise<{ items: DiscountView[]; total: number }> {
  const query = discountListQuery.parse(input);
  const filters: (SQL | undefined)[] = [
    eq(discounts.storeId, storeId),
    query.status ? sql`${statusSql} = ${query.status}` : undefined,
    query.kind ? eq(discounts.kind, query.kind) : undefined,
    query.type ? eq(discounts.type, query.type) : undefined,
    query.q
      ? sql`(strpos(lower(${discounts.title}), lower(${query.q})) > 0 or exists (
          select 1 from discount_codes c
          where c.discount_id = ${discounts.id} and strpos(lower(c.code), lower(${query.q})) > 0))`
      : undefined,
  ];
  const where = and(...filters);
  const rows = await db
    .select({
      row: getTableColumns(discounts),
      status: statusSql,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(discounts)
    .where(where)
    .orderBy(desc(discounts.createdAt), desc(discounts.id))
    .limit(query.limit)
    .offset(query.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    // Past the last page: the window count needs a row.
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(discounts)
      .where(where);
    total = counted?.n ?? 0;
  }
  const codes = await inlineCodes(
    db,
    rows.map((r) => r.row.id),
  );
  return { items: rows.map((r) => discountView(r.row, r.status, codes.get(r.row.id)!)), total };
}
