import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { customerKey } from '../customer-key.ts';
import { discountCodes, discounts } from '../schema.ts';

export const reserveUsageInput = z
  .object({
    /** The discounts the order uses: `applyDiscounts(…).applied` as it is (discountId and code). */
    discounts: z
      .array(
        z
          .object({ discountId: z.string().min(1).max(64), code: z.string().trim().min(1).max(64).nullish() })
          .passthrough(),
      )
      .max(50),
    customerKey: customerKey.nullish(),
    /** The order (or checkout) the uses belong to; commit and release name it. */
    orderRef: z.string().trim().min(1).max(200),
  })
  .strict();
export type ReserveUsageInput = z.input<typeof reserveUsageInput>;

export interface ReservedUsage {
  discountId: string;
  code: string | null;
  /** False when this order already held the discount (the call is idempotent). */
  newlyReserved: boolean;
}

/**
 * Takes one use of each discount for an order, all or none. Must run in the caller's transaction
 * (the order placement's): the first discount that cannot be used throws and the caller's
 * rollback undoes the uses taken before it.
 *
 * - The total limit is one conditional UPDATE (`used = used + 1 … where usage_limit is null or
 *   used < usage_limit`): the row lock makes racing orders take turns and re-check, so a code
 *   limited to 100 uses is used exactly 100 times. Otherwise 409 `discount_usage_limit_reached`.
 * - The per-customer limit is one conditional upsert of the (discount, customer) counter row;
 *   otherwise 409 `discount_customer_limit_reached`. A discount with such a limit needs a
 *   customer key (422 `customer_key_required`). Uses are counted per customer whenever the key is
 *   given, so a limit added later counts earlier orders.
 * - The discount must be enabled and in its window (409 `discount_not_active`); a code discount
 *   needs one of its codes (422 `unknown_code`).
 * - An order that already holds a discount (reserved or committed) does not take a second use;
 *   after a release it may reserve again.
 *
 * Discounts are taken in id order, so concurrent orders lock the same rows in the same order.
 */
export async function reserveDiscountUsage(
  tx: Db,
  storeId: string,
  input: ReserveUsageInput,
): Promise<ReservedUsage[]> {
  const data = reserveUsageInput.parse(input);
  const customer = data.customerKey ?? null;
  const byId = new Map<string, string | null>();
  for (const d of data.discounts) if (!byId.has(d.discountId)) byId.set(d.discountId, d.code ?? null);
  const reserved: ReservedUsage[] = [];
  for (const discountId of [...byId.keys()].sort()) {
    const discount = await usableDiscount(tx, storeId, discountId);
    const code =
      discount.kind === 'code' ? await storedCode(tx, discountId, byId.get(discountId) ?? null) : null;
    if (discount.perCustomerLimit !== null && !customer) {
      throw unprocessable(
        'customer_key_required',
        'This discount is limited per customer; give the customer key.',
        {
          discountId,
        },
      );
    }
    const held = resultRows<{ id: string }>(
      await tx.execute(sql`
        insert into discount_usages (id, store_id, discount_id, code, customer_key, order_ref, state)
        values (${newId('discountUsage')}, ${storeId}, ${discountId}, ${code}, ${customer}, ${data.orderRef}, 'reserved')
        on conflict (discount_id, order_ref) where state <> 'released' do nothing
        returning id`),
    );
    if (held.length === 0) {
      reserved.push({ discountId, code, newlyReserved: false });
      continue;
    }
    const counted = resultRows<{ id: string }>(
      await tx.execute(sql`
        update discounts set used = used + 1
        where id = ${discountId} and (usage_limit is null or used < usage_limit)
        returning id`),
    );
    if (counted.length === 0) {
      throw conflict('discount_usage_limit_reached', 'This discount has been used as often as it may be.', {
        discountId,
        usageLimit: discount.usageLimit,
      });
    }
    if (customer) {
      const limit = discount.perCustomerLimit;
      const customerCounted = resultRows<{ used: number }>(
        await tx.execute(sql`
          insert into discount_customer_usages (discount_id, store_id, customer_key, used)
          values (${discountId}, ${storeId}, ${customer}, 1)
          on conflict (discount_id, customer_key) do update set used = discount_customer_usages.used + 1
          ${limit === null ? sql`` : sql`where discount_customer_usages.used < ${limit}`}
          returning used`),
      );
      if (customerCounted.length === 0) {
        throw conflict(
          'discount_customer_limit_reached',
          'This customer has used this discount as often as they may.',
          { discountId, perCustomerLimit: limit },
        );
      }
    }
    reserved.push({ discountId, code, newlyReserved: true });
  }
  return reserved;
}

async function usableDiscount(tx: Db, storeId: string, id: string) {
  const at = now().toISOString();
  const [row] = await tx
    .select({
      kind: discounts.kind,
      usageLimit: discounts.usageLimit,
      perCustomerLimit: discounts.perCustomerLimit,
      active: sql<boolean>`${discounts.enabled} and ${discounts.startsAt} <= ${at}::timestamptz
        and (${discounts.endsAt} is null or ${discounts.endsAt} > ${at}::timestamptz)`,
    })
    .from(discounts)
    .where(and(eq(discounts.storeId, storeId), eq(discounts.id, id)));
  if (!row) throw notFound('Discount', { discountId: id });
  if (!row.active) {
    throw conflict('discount_not_active', 'This discount is switched off or outside its dates.', {
      discountId: id,
    });
  }
  return row;
}

/** The code as the discount stores it, found case-insensitively among its own codes. */
async function storedCode(tx: Db, discountId: string, entered: string | null): Promise<string> {
  const [row] = entered
    ? await tx
        .select({ code: discountCodes.code })
        .from(discountCodes)
        .where(
          and(
            eq(discountCodes.discountId, discountId),
            sql`lower(${discountCodes.code}) = lower(${entered})`,
          ),
        )
    : [];
  if (!row)
    throw unprocessable('unknown_code', 'A code discount is used with one of its codes.', {
      discountId,
      code: entered,
    });
  return row.code;
}
