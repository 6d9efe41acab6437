import type { ProductClassification, StockVariant } from '../../catalog/index.ts';
import type { OrderDetail } from '../../orders/index.ts';
import type { analyticsOrderFacts, analyticsOrderLineFacts, analyticsRefundFacts } from '../schema.ts';
import type { ReportingConversion } from './reporting-currency.ts';

/**
 * What the facts of an order are made from: the fields of an order as the orders module reads it
 * (`getOrder`) or returns it from an import of history (`importHistoricalOrders`).
 */
export type OrderForFacts = Pick<
  OrderDetail,
  | 'id'
  | 'customerId'
  | 'currency'
  | 'shippingTotal'
  | 'taxTotal'
  | 'total'
  | 'taxesIncluded'
  | 'source'
  | 'cancelledAt'
> & {
  placedAt: Date;
  lines: Pick<
    OrderDetail['lines'][number],
    'id' | 'productId' | 'variantId' | 'quantity' | 'subtotal' | 'discount'
  >[];
  refunds: Pick<OrderDetail['refunds'][number], 'id' | 'createdAt' | 'amount'>[];
};

export interface OrderFactRows {
  fact: typeof analyticsOrderFacts.$inferInsert & { day: string };
  lines: (typeof analyticsOrderLineFacts.$inferInsert)[];
  refunds: (typeof analyticsRefundFacts.$inferInsert & { day: string })[];
}

/**
 * One order's facts in the store's currency: the order, its lines (with the product's category,
 * vendor and type, and the cost of the units) and its refunds. One function for the single and the
 * bulk path, so an imported order's facts are what the event consumer would have recorded.
 */
export function orderFactRows(
  storeId: string,
  dayOf: (at: Date) => string,
  order: OrderForFacts,
  conversion: ReportingConversion,
  classes: ReadonlyMap<string, ProductClassification>,
  variants: ReadonlyMap<string, StockVariant>,
): OrderFactRows {
  const { rate, toStoreCurrency } = conversion;
  const day = dayOf(order.placedAt);
  const lines = order.lines.map((line) => {
    const kind = line.productId ? classes.get(line.productId) : undefined;
    const unitCost = line.variantId ? variants.get(line.variantId)?.costAmount : null;
    return {
      storeId,
      lineId: line.id,
      orderId: order.id,
      day,
      productId: line.productId,
      variantId: line.variantId,
      categoryId: kind?.categoryId ?? null,
      vendor: kind?.vendor ?? null,
      productType: kind?.productType ?? null,
      quantity: line.quantity,
      grossSales: toStoreCurrency(line.subtotal),
      discounts: toStoreCurrency(line.discount),
      // Costs are kept in the store's currency already.
      cost: unitCost === null || unitCost === undefined ? null : unitCost * line.quantity,
    };
  });
  const fact = {
    storeId,
    orderId: order.id,
    placedAt: order.placedAt,
    day,
    customerId: order.customerId,
    currency: order.currency,
    exchangeRate: rate,
    grossSales: lines.reduce((sum, l) => sum + l.grossSales, 0),
    discounts: lines.reduce((sum, l) => sum + l.discounts, 0),
    shipping: toStoreCurrency(order.shippingTotal),
    tax: toStoreCurrency(order.taxTotal),
    total: toStoreCurrency(order.total),
    taxIncluded: order.taxesIncluded,
    units: order.lines.reduce((sum, l) => sum + l.quantity, 0),
    origin: order.source,
    cancelledAt: order.cancelledAt,
  };
  const refunds = order.refunds.map((refund) => ({
    storeId,
    refundId: refund.id,
    orderId: order.id,
    refundedAt: refund.createdAt,
    day: dayOf(refund.createdAt),
    amount: toStoreCurrency(refund.amount),
  }));
  return { fact, lines, refunds };
}
