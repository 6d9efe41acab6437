import { and, eq, getTableColumns, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { DiscountCandidate } from './engine/types.ts';
import { discountCodes, discountCustomerUsages, discounts } from './schema.ts';

// Every pricing of a cart reads these: built once (platform/db/prepared.ts).
const enteredCodes = (db: Db, name: string) =>
  db
    .select({ discountId: discountCodes.discountId, code: discountCodes.code })
    .from(discountCodes)
    .where(
      and(
        eq(discountCodes.storeId, sql.placeholder('storeId')),
        sql`lower(${discountCodes.code}) = any(${sql.placeholder('entered')}::text[])`,
      ),
    )
    .prepare(name);

const candidateRows = (db: Db, name: string) => {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const running = and(
    eq(discounts.kind, 'automatic'),
    eq(discounts.enabled, true),
    sql`${discounts.startsAt} <= ${now}`,
    sql`(${discounts.endsAt} is null or ${discounts.endsAt} > ${now})`,
  );
  return db
    .select({
      row: getTableColumns(discounts),
      customerUsed: sql<number>`coalesce(${discountCustomerUsages.used}, 0)`.mapWith(Number),
    })
    .from(discounts)
    .leftJoin(
      discountCustomerUsages,
      and(
        eq(discountCustomerUsages.discountId, discounts.id),
        eq(discountCustomerUsages.customerKey, sql.placeholder('customerKey')),
      ),
    )
    .where(
      and(
        eq(discounts.storeId, sql.placeholder('storeId')),
        or(running, sql`${discounts.id} = any(${sql.placeholder('codeDiscountIds')}::text[])`),
      ),
    )
    .prepare(name);
};

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
      : await prepared(db, 'discount_codes_entered', enteredCodes).execute({ storeId, entered });
  const codesOf = new Map<string, string[]>();
  for (const m of matched) codesOf.set(m.discountId, [...(codesOf.get(m.discountId) ?? []), m.code]);

  const rows = await prepared(db, 'discount_candidates', candidateRows).execute({
    storeId,
    now: options.now.toISOString(),
    customerKey: options.customerKey ?? '',
    codeDiscountIds: [...codesOf.keys()],
  });
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
