import { and, eq, getTableColumns, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { DiscountCandidate } from './engine/types.ts';
import { discountCodes, discountCustomerUsages, discounts } from './schema.ts';

/**
 * The discounts that might apply to a cart, as the engine takes them: the store's automatic
 * discounts running at `now`, and the code discounts whose codes were entered (whatever their
 * state, so the engine can say why one does not apply), each with the customer's uses. Two
 * statements however many discounts the store has.
 */
export async function loadDiscountCandidates(
  db: Db,
  storeId: string,
  options: { codes: readonly string[]; customerKey: string | null; now: Date },
): Promise<DiscountCandidate[]> {
  const entered = [...new Set(options.codes.map((c) => c.trim().toLowerCase()).filter(Boolean))];
  const matched =
    entered.length === 0
      ? []
      : await db
          .select({ discountId: discountCodes.discountId, code: discountCodes.code })
          .from(discountCodes)
          .where(
            and(eq(discountCodes.storeId, storeId), inArray(sql`lower(${discountCodes.code})`, entered)),
          );
  const codesOf = new Map<string, string[]>();
  for (const m of matched) codesOf.set(m.discountId, [...(codesOf.get(m.discountId) ?? []), m.code]);

  const running = and(
    eq(discounts.kind, 'automatic'),
    eq(discounts.enabled, true),
    lte(discounts.startsAt, options.now),
    sql`(${discounts.endsAt} is null or ${discounts.endsAt} > ${options.now.toISOString()}::timestamptz)`,
  );
  const rows = await db
    .select({
      row: getTableColumns(discounts),
      customerUsed: sql<number>`coalesce(${discountCustomerUsages.used}, 0)`.mapWith(Number),
    })
    .from(discounts)
    .leftJoin(
      discountCustomerUsages,
      and(
        eq(discountCustomerUsages.discountId, discounts.id),
        eq(discountCustomerUsages.customerKey, options.customerKey ?? ''),
      ),
    )
    .where(
      and(
        eq(discounts.storeId, storeId),
        codesOf.size > 0 ? or(running, inArray(discounts.id, [...codesOf.keys()])) : running,
      ),
    );
  return rows.map(({ row, customerUsed }) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    codes: codesOf.get(row.id) ?? [],
    type: row.type,
    percentBp: row.percentBp,
    amounts: row.amounts,
    appliesTo: row.appliesTo,
    oncePerOrder: row.oncePerOrder,
    buyXGetY: row.buyXGetY,
    minimumSubtotal: row.minimumSubtotal,
    minimumQuantity: row.minimumQuantity,
    customerSegments: row.customerSegments,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    usageLimit: row.usageLimit,
    used: row.used,
    perCustomerLimit: row.perCustomerLimit,
    customerUsed: options.customerKey ? customerUsed : 0,
    combinesWith: {
      order: row.combinesWithOrder,
      product: row.combinesWithProduct,
      shipping: row.combinesWithShipping,
    },
    enabled: row.enabled,
  }));
}
