import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { DiscountDefinition } from './discount-input.ts';
import { discountClassOf } from './engine/combination.ts';
import type { DiscountClass } from './engine/types.ts';
import { discountCodes, discounts } from './schema.ts';

export type DiscountRow = typeof discounts.$inferSelect;

export const discountStatuses = ['active', 'scheduled', 'expired', 'disabled'] as const;
export type DiscountStatus = (typeof discountStatuses)[number];

/** The status, derived where it is read, by the database's clock (so lists filter by it too). */
export const statusSql = sql<DiscountStatus>`case
  when not ${discounts.enabled} then 'disabled'
  when ${discounts.startsAt} > now() then 'scheduled'
  when ${discounts.endsAt} is not null and ${discounts.endsAt} <= now() then 'expired'
  else 'active' end`;

/** A discount as the admin API shows it. */
export interface DiscountView extends Omit<DiscountDefinition, 'startsAt' | 'endsAt'> {
  id: string;
  class: DiscountClass;
  status: DiscountStatus;
  /** The first codes alphabetically (up to 50); `codeCount` says how many there are. */
  codeCount: number;
  used: number;
  startsAt: Date;
  endsAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Codes shown inline with a discount; the rest are listed by …/codes. */
export const inlineCodeLimit = 50;

export function discountView(
  row: DiscountRow,
  status: DiscountStatus,
  codes: { codes: string[]; count: number },
): DiscountView {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    codes: codes.codes,
    codeCount: codes.count,
    type: row.type,
    class: discountClassOf(row),
    status,
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
    perCustomerLimit: row.perCustomerLimit,
    combinesWith: {
      order: row.combinesWithOrder,
      product: row.combinesWithProduct,
      shipping: row.combinesWithShipping,
    },
    enabled: row.enabled,
    used: row.used,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The view as a definition again (times as ISO text), to merge an update into. Codes are left out:
 * an update that sends codes replaces them, one that does not keeps them all.
 */
export function definitionOf(view: DiscountView): DiscountDefinition {
  return {
    title: view.title,
    kind: view.kind,
    codes: [],
    type: view.type,
    percentBp: view.percentBp,
    amounts: view.amounts,
    appliesTo: view.appliesTo,
    oncePerOrder: view.oncePerOrder,
    buyXGetY: view.buyXGetY,
    minimumSubtotal: view.minimumSubtotal,
    minimumQuantity: view.minimumQuantity,
    customerSegments: view.customerSegments,
    startsAt: view.startsAt.toISOString(),
    endsAt: view.endsAt?.toISOString() ?? null,
    usageLimit: view.usageLimit,
    perCustomerLimit: view.perCustomerLimit,
    combinesWith: view.combinesWith,
    enabled: view.enabled,
  };
}

/** Each discount's first codes (alphabetically, case ignored) and how many it has. */
export async function inlineCodes(
  db: Db,
  discountIds: readonly string[],
): Promise<Map<string, { codes: string[]; count: number }>> {
  const result = new Map(discountIds.map((id) => [id, { codes: [] as string[], count: 0 }]));
  if (discountIds.length === 0) return result;
  const rows = await db
    .select({
      discountId: discountCodes.discountId,
      code: discountCodes.code,
      count: sql<number>`count(*) over (partition by ${discountCodes.discountId})`.mapWith(Number),
      rank: sql<number>`row_number() over (partition by ${discountCodes.discountId} order by lower(${discountCodes.code}))`.mapWith(
        Number,
      ),
    })
    .from(discountCodes)
    .where(inArray(discountCodes.discountId, [...discountIds]))
    .orderBy(asc(discountCodes.discountId), sql`lower(${discountCodes.code})`);
  for (const row of rows) {
    const entry = result.get(row.discountId)!;
    entry.count = row.count;
    if (row.rank <= inlineCodeLimit) entry.codes.push(row.code);
  }
  return result;
}

/** One of the store's discounts (404 otherwise); `forUpdate` locks its row until the transaction ends. */
export async function getDiscountRow(
  db: Db,
  storeId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: DiscountRow; status: DiscountStatus }> {
  const query = db
    .select({ row: getTableColumns(discounts), status: statusSql })
    .from(discounts)
    .where(and(eq(discounts.storeId, storeId), eq(discounts.id, id)));
  const [found] = options.forUpdate ? await query.for('update') : await query;
  if (!found) throw notFound('Discount', { id });
  return found;
}

export async function getDiscount(db: Db, storeId: string, id: string): Promise<DiscountView> {
  const { row, status } = await getDiscountRow(db, storeId, id);
  const codes = await inlineCodes(db, [id]);
  return discountView(row, status, codes.get(id)!);
}
