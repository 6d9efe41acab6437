import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';

export interface OrderDiscountCodes {
  orderId: string;
  /** Each code used on the order with the amount it took off, in the order's currency. */
  codes: { code: string; amount: number }[];
  /** Every discount on the order (codes and automatic ones), in the order's currency. */
  discountTotal: number;
}

/**
 * The discount codes used on the given orders (others' reports, such as discount code
 * performance, read codes here). One statement over the orders' discount lists; codes are
 * compared in upper case, as the checkout accepts them.
 */
export async function discountCodesOfOrders(
  db: Db,
  storeId: string,
  orderIds: readonly string[],
): Promise<OrderDiscountCodes[]> {
  if (orderIds.length === 0) return [];
  const result = await db.execute(sql`
    select o.id as order_id,
      (select coalesce(sum((x->>'amount')::bigint), 0) from jsonb_array_elements(o.discounts) x) as discount_total,
      json_agg(json_build_object('code', upper(d->>'code'), 'amount', (d->>'amount')::bigint)) as codes
    from orders o
    cross join lateral jsonb_array_elements(o.discounts) as d
    where o.store_id = ${storeId}
      and o.id in (select jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb))
      and coalesce(d->>'code', '') <> ''
    group by o.id`);
  return resultRows<{ order_id: string; discount_total: string | number; codes: unknown }>(result).map(
    (row) => {
      const codes = (typeof row.codes === 'string' ? JSON.parse(row.codes) : row.codes) as {
        code: string;
        amount: string | number;
      }[];
      return {
        orderId: row.order_id,
        discountTotal: Number(row.discount_total),
        codes: codes.map((c) => ({ code: c.code, amount: Number(c.amount) })),
      };
    },
  );
}
