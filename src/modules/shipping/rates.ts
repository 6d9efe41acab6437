import { and, asc, eq, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../access/index.ts';
import type { RateConfig } from './calculation/types.ts';
import {
  type CreateRateInput,
  createRateInput,
  type UpdateRateInput,
  updateRateInput,
} from './rate-input.ts';
import { shippingRates } from './schema.ts';
import { recordShippingChange } from './shipping-change.ts';
import { getZone } from './zones.ts';

export interface ShippingRate extends RateConfig {
  createdAt: Date;
  updatedAt: Date;
}

type RateRow = typeof shippingRates.$inferSelect;

/** The store's rates, of one zone or all, by position within their zone. */
export async function listRates(db: Db, storeId: string, zoneId?: string): Promise<ShippingRate[]> {
  const rows = await db
    .select()
    .from(shippingRates)
    .where(and(eq(shippingRates.storeId, storeId), zoneId ? eq(shippingRates.zoneId, zoneId) : undefined))
    .orderBy(
      asc(shippingRates.zoneId),
      asc(shippingRates.position),
      asc(shippingRates.name),
      asc(shippingRates.id),
    );
  return rows.map(rateOf);
}

export async function getRate(
  db: Db,
  storeId: string,
  zoneId: string,
  rateId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ShippingRate> {
  const query = db
    .select()
    .from(shippingRates)
    .where(
      and(eq(shippingRates.storeId, storeId), eq(shippingRates.zoneId, zoneId), eq(shippingRates.id, rateId)),
    );
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Shipping rate', { id: rateId });
  return rateOf(row);
}

/** Adds a rate to a zone (after its last rate unless a position is given). */
export async function createRate(
  tx: Db,
  storeId: string,
  actor: Actor,
  zoneId: string,
  input: CreateRateInput,
): Promise<ShippingRate> {
  const data = createRateInput.parse(input);
  await getZone(tx, storeId, zoneId, { forUpdate: true });
  const position = data.position ?? (await nextPosition(tx, zoneId));
  const [row] = await tx
    .insert(shippingRates)
    .values({ id: newId('shippingRate'), storeId, zoneId, ...columnsOf(data), position })
    .returning();
  const rate = rateOf(row!);
  await recordShippingChange(tx, actor, storeId, {
    entity: 'rate',
    change: 'created',
    id: rate.id,
    zoneId,
    after: rate,
  });
  return rate;
}

/** Changes a rate; the merged rate is checked like a new one (its prices must fit its type). */
export async function updateRate(
  tx: Db,
  storeId: string,
  actor: Actor,
  zoneId: string,
  rateId: string,
  input: UpdateRateInput,
): Promise<ShippingRate> {
  const patch = updateRateInput.parse(input);
  const before = await getRate(tx, storeId, zoneId, rateId, { forUpdate: true });
  const { id: _id, zoneId: _zone, createdAt: _c, updatedAt: _u, ...fields } = before;
  const data = createRateInput.parse({ ...fields, ...patch });
  const [row] = await tx
    .update(shippingRates)
    .set({ ...columnsOf(data), position: data.position ?? before.position, updatedAt: now() })
    .where(eq(shippingRates.id, rateId))
    .returning();
  const after = rateOf(row!);
  await recordShippingChange(tx, actor, storeId, {
    entity: 'rate',
    change: 'updated',
    id: rateId,
    zoneId,
    before,
    after,
  });
  return after;
}

export async function deleteRate(
  tx: Db,
  storeId: string,
  actor: Actor,
  zoneId: string,
  rateId: string,
): Promise<void> {
  const before = await getRate(tx, storeId, zoneId, rateId, { forUpdate: true });
  await tx.delete(shippingRates).where(eq(shippingRates.id, rateId));
  await recordShippingChange(tx, actor, storeId, {
    entity: 'rate',
    change: 'deleted',
    id: rateId,
    zoneId,
    before,
  });
}

function columnsOf(data: ReturnType<typeof createRateInput.parse>) {
  return {
    name: data.name,
    type: data.type,
    prices: data.prices,
    minWeightGrams: data.minWeightGrams,
    maxWeightGrams: data.maxWeightGrams,
    estimateMinDays: data.estimate?.minDays ?? null,
    estimateMaxDays: data.estimate?.maxDays ?? null,
    active: data.active,
  };
}

function rateOf(row: RateRow): ShippingRate {
  return {
    id: row.id,
    zoneId: row.zoneId,
    name: row.name,
    type: row.type,
    prices: row.prices,
    minWeightGrams: row.minWeightGrams,
    maxWeightGrams: row.maxWeightGrams,
    estimate:
      row.estimateMinDays === null || row.estimateMaxDays === null
        ? null
        : { minDays: row.estimateMinDays, maxDays: row.estimateMaxDays },
    active: row.active,
    position: row.position,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function nextPosition(tx: Db, zoneId: string): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${shippingRates.position}) + 1, 0)::int` })
    .from(shippingRates)
    .where(eq(shippingRates.zoneId, zoneId));
  return Math.min(Number(row?.next ?? 0), 10_000);
}
