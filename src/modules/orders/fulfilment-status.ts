import { allocate } from '../../platform/money.ts';
import type { Order, OrderLine } from './order-read.ts';
import type { FulfilmentStatus, ParcelStatus } from './schema.ts';

type LineUnits = Pick<OrderLine, 'quantity' | 'fulfilledQuantity' | 'removedQuantity'>;

/** Units of a line still to ship: not in a live parcel, and not refunded before they shipped. */
export function unshippedQuantity(line: LineUnits): number {
  return line.quantity - line.fulfilledQuantity - line.removedQuantity;
}

/**
 * The order's fulfilment status from its lines and parcels (docs/orders.md, "Fulfilment"): nothing
 * shipped → `unfulfilled`; some units still to ship → `partially_fulfilled`; every unit shipped (or
 * taken off by a refund before it shipped) → `fulfilled`, and `delivered` once every parcel that was
 * not cancelled is delivered.
 */
export function fulfilmentStatusOf(
  lines: readonly LineUnits[],
  parcels: readonly { status: ParcelStatus }[],
): FulfilmentStatus {
  const shipped = lines.reduce((n, l) => n + l.fulfilledQuantity, 0);
  if (shipped === 0) return 'unfulfilled';
  if (lines.some((l) => unshippedQuantity(l) > 0)) return 'partially_fulfilled';
  const live = parcels.filter((p) => p.status !== 'cancelled');
  return live.length > 0 && live.every((p) => p.status === 'delivered') ? 'delivered' : 'fulfilled';
}

/** The share of a line's total that `units` of its `quantity` units carry (allocated, so all units = the total). */
export function unitsShare(line: Pick<OrderLine, 'quantity' | 'total'>, units: number): number {
  if (units <= 0) return 0;
  if (units >= line.quantity) return line.total;
  return allocate(line.total, [units, line.quantity - units])[0]!;
}

/**
 * How much of the order should have been captured once its parcels so far have shipped, when the
 * money is taken on fulfilment: the shipped units' share of their lines, plus all of shipping (it
 * goes with the first parcel); the whole total once nothing is left to ship.
 */
export function captureTargetOf(
  order: Pick<Order, 'total' | 'shippingTotal'>,
  lines: readonly (LineUnits & Pick<OrderLine, 'total'>)[],
): number {
  const shipped = lines.reduce((n, l) => n + l.fulfilledQuantity, 0);
  if (shipped === 0) return 0;
  if (lines.every((l) => unshippedQuantity(l) === 0)) return order.total;
  const goods = lines.reduce((sum, l) => sum + unitsShare(l, l.fulfilledQuantity), 0);
  return Math.min(order.total, goods + order.shippingTotal);
}
