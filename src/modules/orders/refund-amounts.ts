import { conflict, unprocessable } from '../../platform/errors.ts';
import { allocate } from '../../platform/money.ts';
import { unshippedQuantity } from './fulfilment-status.ts';
import type { OrderLine } from './order-read.ts';

/**
 * The arithmetic of refunds (docs/orders.md, "Refunds"), without the database. All amounts are
 * minor units of the order's currency.
 */

type RefundableLine = Pick<
  OrderLine,
  'id' | 'title' | 'quantity' | 'total' | 'refundedQuantity' | 'refundedAmount'
>;

/** What may still be given back: per line, for shipping, for the order, and in money actually taken. */
export interface RefundLimits {
  /** Shipping not refunded yet. */
  shippingLeft: number;
  /** The order's total less everything refunded on it. */
  orderLeft: number;
  /** Captured less refunded, over the order's payments: the most any refund can be. */
  refundable: number;
}

export interface RefundRequest {
  lines: readonly { orderLineId: string; quantity: number }[];
  shipping?: number;
  extra?: number;
}

export interface RefundAmounts {
  lines: { orderLineId: string; quantity: number; amount: number }[];
  shipping: number;
  extra: number;
  amount: number;
}

export const unitsLeftOf = (line: Pick<OrderLine, 'quantity' | 'refundedQuantity'>) =>
  line.quantity - line.refundedQuantity;
export const amountLeftOf = (line: Pick<OrderLine, 'total' | 'refundedAmount'>) =>
  line.total - line.refundedAmount;

/**
 * What `units` of a line's units not yet refunded give back: their share of what is left of the line's
 * total, allocated (`allocate`) over the units left. Refunding the last units gives back exactly
 * what is left, so however a line is refunded — in any order, in any steps — its refunds add up to
 * its total to the minor unit.
 */
export function lineRefundAmount(
  line: Pick<OrderLine, 'quantity' | 'total' | 'refundedQuantity' | 'refundedAmount'>,
  units: number,
): number {
  const unitsLeft = unitsLeftOf(line);
  const amountLeft = amountLeftOf(line);
  if (units >= unitsLeft) return amountLeft;
  return allocate(amountLeft, [units, unitsLeft - units])[0]!;
}

/**
 * A refund's amounts checked against what may be given back. Errors: 422 `unknown_order_line`,
 * 422 `duplicate_line` { path }; 409 `refund_exceeds_quantity` { path, orderLineId, refundableQuantity };
 * 409 `refund_exceeds_shipping` { refundable }; 409 `refund_exceeds_captured` { refundable };
 * 409 `refund_exceeds_order` { refundable }; 422 `empty_refund` unless `allowEmpty` (a preview).
 */
export function refundAmounts(
  lines: readonly RefundableLine[],
  limits: RefundLimits,
  request: RefundRequest,
  options: { allowEmpty?: boolean } = {},
): RefundAmounts {
  const seen = new Set<string>();
  const refundLines = request.lines.map((r, i) => {
    const path = `lines.${i}`;
    const line = lines.find((l) => l.id === r.orderLineId);
    if (!line) {
      throw unprocessable('unknown_order_line', 'No such line on this order.', {
        path: `${path}.orderLineId`,
        id: r.orderLineId,
      });
    }
    if (seen.has(line.id)) {
      throw unprocessable('duplicate_line', 'Name each line once.', {
        path: `${path}.orderLineId`,
        id: r.orderLineId,
      });
    }
    seen.add(line.id);
    const refundableQuantity = unitsLeftOf(line);
    if (r.quantity > refundableQuantity) {
      throw conflict(
        'refund_exceeds_quantity',
        `Only ${refundableQuantity} of “${line.title}” can still be refunded.`,
        {
          path: `${path}.quantity`,
          orderLineId: line.id,
          refundableQuantity,
        },
      );
    }
    return { orderLineId: line.id, quantity: r.quantity, amount: lineRefundAmount(line, r.quantity) };
  });
  const shipping = request.shipping ?? 0;
  if (shipping > limits.shippingLeft) {
    throw conflict(
      'refund_exceeds_shipping',
      `At most ${limits.shippingLeft} of shipping is left to refund.`,
      {
        path: 'shipping.amount',
        refundable: limits.shippingLeft,
      },
    );
  }
  const extra = request.extra ?? 0;
  const amount = refundLines.reduce((sum, l) => sum + l.amount, 0) + shipping + extra;
  if (amount > limits.refundable) {
    throw conflict(
      'refund_exceeds_captured',
      `At most ${limits.refundable} can be refunded: what was captured and not yet refunded.`,
      {
        refundable: limits.refundable,
      },
    );
  }
  if (amount > limits.orderLeft) {
    throw conflict('refund_exceeds_order', `At most ${limits.orderLeft} of the order is left to refund.`, {
      refundable: limits.orderLeft,
    });
  }
  if (amount === 0 && !options.allowEmpty) {
    throw unprocessable(
      'empty_refund',
      'Nothing to refund: choose units, shipping or an amount worth more than 0.',
      { path: 'lines' },
    );
  }
  return { lines: refundLines, shipping, extra, amount };
}

/**
 * Which of a refund's units are taken off what is left to ship (docs/orders.md, "Which units a
 * refund takes"): units not shipped yet go first — refunding an item the store will not send — unless
 * the refund is for a return, whose units came back from a parcel; those take shipped units first.
 */
export function unitsTakenOffShipping(
  line: Pick<OrderLine, 'quantity' | 'fulfilledQuantity' | 'removedQuantity' | 'refundedQuantity'>,
  units: number,
  forReturn: boolean,
): number {
  const unshipped = unshippedQuantity(line);
  if (!forReturn) return Math.min(units, unshipped);
  const shippedNotRefunded = Math.max(
    0,
    line.fulfilledQuantity - (line.refundedQuantity - line.removedQuantity),
  );
  return Math.max(0, Math.min(unshipped, units - shippedNotRefunded));
}

/** A refund spread over the payments that can take it, in the order given (latest payment first). */
export function spreadOverPayments(
  amount: number,
  payments: readonly { id: string; refundable: number }[],
): { paymentId: string; amount: number }[] {
  const parts: { paymentId: string; amount: number }[] = [];
  let left = amount;
  for (const p of payments) {
    if (left <= 0) break;
    const part = Math.min(left, p.refundable);
    if (part > 0) parts.push({ paymentId: p.id, amount: part });
    left -= part;
  }
  if (left > 0) {
    // refundAmounts checked the amount against the same payments; getting here is a bug.
    throw new Error('refund larger than the payments can take');
  }
  return parts;
}

/**
 * A cancellation's refund: all that was captured and not refunded (`amount`), spread over what is
 * left of the lines and shipping in proportion — exactly what is left of each when the whole order
 * was paid, its share when only part was.
 */
export function cancellationRefundAmounts(
  lines: readonly RefundableLine[],
  shippingLeft: number,
  amount: number,
): RefundAmounts {
  const open = lines.filter((l) => unitsLeftOf(l) > 0);
  const weights = [...open.map(amountLeftOf), shippingLeft];
  const owed = weights.reduce((a, b) => a + b, 0);
  const parts = amount >= owed ? weights : allocate(amount, weights);
  return {
    lines: open.map((l, i) => ({ orderLineId: l.id, quantity: unitsLeftOf(l), amount: parts[i]! })),
    shipping: parts[open.length]!,
    extra: Math.max(0, amount - owed),
    amount,
  };
}
