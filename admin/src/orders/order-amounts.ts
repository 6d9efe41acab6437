import type { OrderDetail, OrderLine, OrderReturn, Payment } from './order-types.ts';

/** Returns whose units are spoken for (the orders module's `liveReturnStatuses`). */
const liveReturnStatuses = new Set(['requested', 'approved', 'received', 'closed']);

/** Units of a line still to ship: not in a live parcel, and not refunded before they shipped. */
export function unfulfilledOf(
  line: Pick<OrderLine, 'quantity' | 'fulfilledQuantity' | 'removedQuantity'>,
): number {
  return Math.max(0, line.quantity - line.fulfilledQuantity - line.removedQuantity);
}

/** Units of each line in a return that is not rejected or cancelled. */
export function unitsInReturns(returns: readonly OrderReturn[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const r of returns) {
    if (!liveReturnStatuses.has(r.status)) continue;
    for (const line of r.lines)
      units.set(line.orderLineId, (units.get(line.orderLineId) ?? 0) + line.quantity);
  }
  return units;
}

/** Units of a line that could still be returned: shipped, and in no live return yet. */
export function returnableOf(line: OrderLine, inReturns: ReadonlyMap<string, number>): number {
  return Math.max(0, line.fulfilledQuantity - (inReturns.get(line.id) ?? 0));
}

/** Units of a line not refunded yet. */
export function refundableUnitsOf(line: OrderLine): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

/** The money side of an order: what was taken, given back, and what stays with the store. */
export interface OrderMoney {
  /** Captured over all payments. */
  paid: number;
  /** Authorised and not captured yet (card payments that capture on fulfilment). */
  authorised: number;
  /** Expected but not received yet (manual payments). */
  pending: number;
  refunded: number;
  /** What the store keeps: paid − refunded. */
  net: number;
  /** What can still be refunded. */
  refundable: number;
}

export function orderMoney(
  order: Pick<OrderDetail, 'refundedAmount'>,
  payments: readonly Payment[],
): OrderMoney {
  let paid = 0;
  let authorised = 0;
  let pending = 0;
  let refundedByPayments = 0;
  for (const p of payments) {
    paid += p.capturedAmount;
    refundedByPayments += p.refundedAmount;
    if (p.state === 'authorised') authorised += p.amount - p.capturedAmount;
    if (p.state === 'pending' || p.state === 'requires_action') pending += p.amount;
  }
  // The order counts refunds too (one may go back outside a payment, e.g. cash); take the larger.
  const refunded = Math.max(order.refundedAmount, refundedByPayments);
  return {
    paid,
    authorised,
    pending,
    refunded,
    net: paid - refunded,
    refundable: Math.max(0, paid - refunded),
  };
}

/** The order's tax per rate: lines and shipping together ("VAT 19 %: €3.19"). */
export function taxRateText(ratePpm: number): string {
  const percent = ratePpm / 10_000;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2).replace(/0+$/, '')} %`;
}

/** A tax line's name with its rate, unless the name says the rate already ("MwSt. 19 %", "TVA 5,5%"). */
export function taxLineText(name: string, ratePpm: number): string {
  const rate = taxRateText(ratePpm);
  const digits = rate.slice(0, -2).replace('.', '[.,]');
  return new RegExp(`(^|[^\\d.,])${digits}\\s?%`).test(name) ? name : `${name} ${rate}`;
}
