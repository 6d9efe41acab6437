import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { allocate } from '../../platform/money.ts';
import { orderJourneys, periodsOf } from '../analytics/index.ts';
import { discountCodesOfOrders } from '../orders/index.ts';

export const discountCodeReportQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export type DiscountCodeReportQuery = z.input<typeof discountCodeReportQuery>;

interface CodeTotals {
  code: string;
  orders: number;
  revenue: number;
  discount: number;
  newCustomers: number;
}

/**
 * How each discount code sold over a period (docs/metrics.md): orders that used it, their net
 * sales, the discount it gave, average order value against orders without any code, and new
 * customers whose first order used it. Amounts are the analytics facts' (the store's currency);
 * an order's discounts are shared among its codes (and automatic discounts) in proportion to what
 * each took off, allocated exactly. An order with two codes counts for both.
 */
export async function discountCodeReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: DiscountCodeReportQuery,
) {
  const parsed = discountCodeReportQuery.parse(query);
  const period = periodsOf({ ...parsed, compare: 'none' }).current;
  const orders = await orderJourneys(db, store.id, period, 0);
  const coded = new Map(
    (
      await discountCodesOfOrders(
        db,
        store.id,
        orders.map((o) => o.orderId),
      )
    ).map((o) => [o.orderId, o]),
  );
  const codes = new Map<string, CodeTotals>();
  const withoutCode = { orders: 0, revenue: 0 };
  for (const order of orders) {
    const used = coded.get(order.orderId);
    if (!used) {
      withoutCode.orders += 1;
      withoutCode.revenue += order.netSales;
      continue;
    }
    // The codes' shares of the order's discounts, the rest being automatic discounts.
    const amounts = used.codes.map((c) => c.amount);
    const other = Math.max(0, used.discountTotal - amounts.reduce((n, a) => n + a, 0));
    const weights = [...amounts, other];
    const shares = weights.some((w) => w > 0) ? allocate(order.discounts, weights) : weights.map(() => 0);
    used.codes.forEach((c, i) => {
      const row = codes.get(c.code) ?? { code: c.code, orders: 0, revenue: 0, discount: 0, newCustomers: 0 };
      row.orders += 1;
      row.revenue += order.netSales;
      row.discount += shares[i]!;
      if (order.firstOrder) row.newCustomers += 1;
      codes.set(c.code, row);
    });
  }
  const aov = (revenue: number, count: number) => (count === 0 ? null : Math.round(revenue / count));
  const baseline = aov(withoutCode.revenue, withoutCode.orders);
  return {
    currency: store.baseCurrency,
    period,
    withoutCode: { orders: withoutCode.orders, revenue: withoutCode.revenue, aov: baseline },
    codes: [...codes.values()]
      .map((row) => {
        const value = aov(row.revenue, row.orders);
        return {
          ...row,
          aov: value,
          /** AOV with the code ÷ AOV without any: 1.2 means orders with it are 20% larger. */
          aovIndex: value === null || baseline === null || baseline === 0 ? null : value / baseline,
        };
      })
      .sort((a, b) => b.revenue - a.revenue || a.code.localeCompare(b.code)),
  };
}
