import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { type ReturnReasonsQuery, returnReasonsQuery } from './return-input.ts';
import {
  orderLines,
  orderReturnLines,
  orderReturns,
  type ReturnReason,
  refundLines,
  refunds,
} from './schema.ts';

/** Returns that count: those that went ahead or are on their way (not declined, not withdrawn). */
const countedStatuses = ['requested', 'approved', 'received', 'closed'] as const;
const topProductCount = 10;
/** Lines of a deleted product are told apart by the title they kept. */
const productKey = sql`case when ${orderLines.productId} is null then ${orderLines.title} end`;

export interface ReturnReasonRow {
  reason: ReturnReason;
  /** Returns naming this reason on at least one line. */
  returns: number;
  units: number;
  /** This reason's part of all returned units, 0–1 (4 decimals). */
  share: number;
  /** Refunded for these lines' units, per currency (minor units); shipping and goodwill amounts are not a line's. */
  refunded: { currency: string; amount: number }[];
}

export interface ReturnedProduct {
  productId: string | null;
  title: string;
  units: number;
  returns: number;
  reasons: { reason: ReturnReason; units: number }[];
}

export interface ReturnReasonsReport {
  from: string;
  to: string;
  returns: number;
  units: number;
  reasons: ReturnReasonRow[];
  topProducts: ReturnedProduct[];
}

/**
 * Why customers send things back, for returns asked for between `from` and `to` (days, UTC,
 * inclusive) that were not declined or withdrawn: per reason code the returns, units, share of
 * units and the money refunded for those lines per currency; and the products returned most, by
 * units, with their reasons. 422 `invalid_range` when `from` is after `to`.
 */
export async function returnReasonsReport(
  db: Db,
  storeId: string,
  input: ReturnReasonsQuery,
): Promise<ReturnReasonsReport> {
  const { from, to } = returnReasonsQuery.parse(input);
  if (from > to)
    throw unprocessable('invalid_range', 'The start day is after the end day.', { path: 'from' });
  const inPeriod = and(
    eq(orderReturns.storeId, storeId),
    inArray(orderReturns.status, [...countedStatuses]),
    gte(orderReturns.requestedAt, sql`${from}::date`),
    lt(orderReturns.requestedAt, sql`${to}::date + 1`),
  );
  const [byReason, refundedRows, productRows, productReturns, totals] = await Promise.all([
    db
      .select({
        reason: orderReturnLines.reason,
        returns: sql<number>`count(distinct ${orderReturns.id})`.mapWith(Number),
        units: sql<number>`sum(${orderReturnLines.quantity})`.mapWith(Number),
      })
      .from(orderReturnLines)
      .innerJoin(orderReturns, eq(orderReturns.id, orderReturnLines.returnId))
      .where(inPeriod)
      .groupBy(orderReturnLines.reason),
    db
      .select({
        reason: orderReturnLines.reason,
        currency: refunds.currency,
        amount: sql<number>`sum(${refundLines.amount})`.mapWith(Number),
      })
      .from(orderReturnLines)
      .innerJoin(orderReturns, eq(orderReturns.id, orderReturnLines.returnId))
      .innerJoin(refunds, eq(refunds.returnId, orderReturns.id))
      .innerJoin(
        refundLines,
        and(eq(refundLines.refundId, refunds.id), eq(refundLines.orderLineId, orderReturnLines.orderLineId)),
      )
      .where(inPeriod)
      .groupBy(orderReturnLines.reason, refunds.currency),
    db
      .select({
        productId: orderLines.productId,
        title: sql<string>`min(${orderLines.title})`,
        reason: orderReturnLines.reason,
        units: sql<number>`sum(${orderReturnLines.quantity})`.mapWith(Number),
      })
      .from(orderReturnLines)
      .innerJoin(orderReturns, eq(orderReturns.id, orderReturnLines.returnId))
      .innerJoin(orderLines, eq(orderLines.id, orderReturnLines.orderLineId))
      .where(inPeriod)
      .groupBy(orderLines.productId, productKey, orderReturnLines.reason),
    db
      .select({
        productId: orderLines.productId,
        title: sql<string>`min(${orderLines.title})`,
        returns: sql<number>`count(distinct ${orderReturns.id})`.mapWith(Number),
      })
      .from(orderReturnLines)
      .innerJoin(orderReturns, eq(orderReturns.id, orderReturnLines.returnId))
      .innerJoin(orderLines, eq(orderLines.id, orderReturnLines.orderLineId))
      .where(inPeriod)
      .groupBy(orderLines.productId, productKey),
    db
      .select({ returns: sql<number>`count(*)`.mapWith(Number) })
      .from(orderReturns)
      .where(inPeriod),
  ]);

  const units = byReason.reduce((n, r) => n + r.units, 0);
  const reasons = byReason
    .map((r) => ({
      reason: r.reason,
      returns: r.returns,
      units: r.units,
      share: units === 0 ? 0 : Math.round((r.units / units) * 10_000) / 10_000,
      refunded: refundedRows
        .filter((x) => x.reason === r.reason)
        .map(({ currency, amount }) => ({ currency, amount }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    }))
    .sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));

  const keyOf = (row: { productId: string | null; title: string }) => row.productId ?? `title:${row.title}`;
  const products = new Map<string, ReturnedProduct>(
    productReturns.map((row) => [
      keyOf(row),
      { productId: row.productId, title: row.title, units: 0, returns: row.returns, reasons: [] },
    ]),
  );
  for (const row of productRows) {
    const product = products.get(keyOf(row))!;
    product.units += row.units;
    product.reasons.push({ reason: row.reason, units: row.units });
  }
  const topProducts = [...products.values()]
    .map((p) => ({
      ...p,
      reasons: p.reasons.sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)),
    }))
    .sort((a, b) => b.units - a.units || a.title.localeCompare(b.title))
    .slice(0, topProductCount);

  return { from, to, returns: totals[0]?.returns ?? 0, units, reasons, topProducts };
}
