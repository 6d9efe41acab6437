import { and, eq, inArray, ne } from 'drizzle-orm';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { getStore } from '../access/index.ts';
import { getOrder, type Order, type OrderLine } from './order-read.ts';
import { getOrderSettings } from './order-settings.ts';
import { returnsOfOrder, unitsInReturns } from './return-read.ts';
import { type ParcelDates, type ReturnWindow, returnWindowOf } from './return-window.ts';
import { fulfilmentLines, fulfilments } from './schema.ts';

export interface ReturnableLine {
  orderLineId: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** Units sent in parcels that were not cancelled. */
  fulfilledQuantity: number;
  /** Units already in a return that is asked for, approved, received or closed. */
  inReturns: number;
  /** What may still be asked for: fulfilled units not in a return (the window aside). */
  returnableQuantity: number;
  window: ReturnWindow;
}

export interface ReturnableLines {
  orderId: string;
  returnWindowDays: number;
  lines: ReturnableLine[];
}

/**
 * What of an order can be returned, line by line (the order status page's return form and the
 * admin's "create return"): the units shipped and not yet in a return, and the line's window — it
 * counts from the delivery of the last parcel that carried the line (from its shipping when not
 * delivered), `return_window_days` long (order settings), on the store's calendar.
 */
export async function returnableLines(
  db: Db,
  storeId: string,
  orderId: string,
  options: { now?: Date } = {},
): Promise<ReturnableLines> {
  const order = await getOrder(db, storeId, orderId);
  return returnableLinesOf(db, order, order.lines, options.now ?? clock.now());
}

/** The same for an order already read (and locked) by the caller. */
export async function returnableLinesOf(
  db: Db,
  order: Order,
  lines: readonly OrderLine[],
  now: Date,
): Promise<ReturnableLines> {
  // One after another: `db` may be a transaction, whose one connection runs one query at a time.
  const settings = await getOrderSettings(db, order.storeId);
  const store = await getStore(db, order.storeId);
  const parcels = await parcelsOfLines(db, order.id);
  const returns = await returnsOfOrder(db, order.id);
  const inReturns = unitsInReturns(returns);
  return {
    orderId: order.id,
    returnWindowDays: settings.returnWindowDays,
    lines: lines.map((line) => {
      const carried = parcels.get(line.id) ?? [];
      const fulfilledQuantity = carried.reduce((sum, p) => sum + p.quantity, 0);
      const taken = inReturns.get(line.id) ?? 0;
      return {
        orderLineId: line.id,
        title: line.title,
        variantTitle: line.variantTitle,
        sku: line.sku,
        quantity: line.quantity,
        fulfilledQuantity,
        inReturns: taken,
        returnableQuantity: Math.max(0, fulfilledQuantity - taken),
        window: returnWindowOf(carried, settings.returnWindowDays, store.timezone, now),
      };
    }),
  };
}

/** The order's parcels that were not cancelled, per order line, with the units each carried. */
async function parcelsOfLines(
  db: Db,
  orderId: string,
): Promise<Map<string, (ParcelDates & { quantity: number })[]>> {
  const parcels = await db
    .select({ id: fulfilments.id, shippedAt: fulfilments.shippedAt, deliveredAt: fulfilments.deliveredAt })
    .from(fulfilments)
    .where(and(eq(fulfilments.orderId, orderId), ne(fulfilments.status, 'cancelled')));
  const byLine = new Map<string, (ParcelDates & { quantity: number })[]>();
  if (parcels.length === 0) return byLine;
  const parcelOf = new Map(parcels.map((p) => [p.id, p]));
  const lines = await db
    .select()
    .from(fulfilmentLines)
    .where(
      inArray(
        fulfilmentLines.fulfilmentId,
        parcels.map((p) => p.id),
      ),
    );
  for (const line of lines) {
    const parcel = parcelOf.get(line.fulfilmentId)!;
    const list = byLine.get(line.orderLineId) ?? [];
    list.push({ shippedAt: parcel.shippedAt, deliveredAt: parcel.deliveredAt, quantity: line.quantity });
    byLine.set(line.orderLineId, list);
  }
  return byLine;
}
