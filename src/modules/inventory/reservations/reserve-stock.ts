import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { findStockVariants } from '../../catalog/index.ts';
import {
  inventoryReservationLines,
  type inventoryReservations,
  type ReservationStrategy,
  reservationStrategies,
} from '../schema.ts';
import { inventorySettingDefaults } from '../settings.ts';
import { stockChanged } from '../stock-changes.ts';

export const reserveStockInput = z
  .object({
    items: z
      .array(
        z
          .object({
            variantId: z.string().min(1).max(64),
            quantity: z.number().int().min(1).max(1_000_000),
          })
          .strict(),
      )
      .min(1)
      .max(250),
    /** How long the stock is held; the store's setting when left out. */
    ttlSeconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600)
      .optional(),
    /** The caller's reference, e.g. a checkout id. */
    reference: z.string().trim().min(1).max(200).optional(),
    strategy: z.enum(reservationStrategies).optional(),
  })
  .strict();
export type ReserveStockInput = z.input<typeof reserveStockInput>;

export type Reservation = typeof inventoryReservations.$inferSelect;
export type ReservationLine = typeof inventoryReservationLines.$inferSelect;
export interface ReservationWithLines extends Reservation {
  lines: ReservationLine[];
}

/** A single-location pick that lost its race is tried again this many times before giving up. */
const pickAttempts = 4;

/**
 * Holds stock for the items, all or none: each line is one conditional UPDATE
 * (`… where on_hand - reserved >= quantity`) on a level row, so two buyers can never both take the
 * last unit, on any number of instances. Must run in a transaction: a line that cannot be covered
 * throws `out_of_stock` (409) and the caller's rollback undoes the lines before it.
 *
 * Locations: the first active location by fulfilment priority that holds the whole line; with the
 * 'split' strategy (the default) a line no single location covers is split across locations in
 * priority order. Variants that keep selling when out of stock are held at the first location even
 * beyond what it has; untracked variants hold nothing.
 */
export async function reserveStock(
  tx: Db,
  storeId: string,
  input: ReserveStockInput,
): Promise<ReservationWithLines> {
  const data = reserveStockInput.parse(input);
  const variantIds = data.items.map((i) => i.variantId);
  const [variants, context] = await Promise.all([
    findStockVariants(tx, storeId, variantIds),
    reservationContext(tx, storeId, variantIds),
  ]);
  const strategy = data.strategy ?? context.strategy;
  const ttlSeconds = data.ttlSeconds ?? context.ttlSeconds;
  for (const [index, item] of data.items.entries()) {
    if (!variants.has(item.variantId)) {
      throw unprocessable('unknown_variant', `No variant ${item.variantId} in this store.`, {
        path: `items.${index}.variantId`,
        id: item.variantId,
      });
    }
  }
  const { tracked } = context;

  const reservationId = newId('reservation');
  const lines: ReservationLine[] = [];
  // Lines in variant order: concurrent reservations lock level rows in the same order.
  const order = data.items
    .map((item, index) => ({ ...item, index }))
    .filter((item) => tracked.has(item.variantId))
    .sort((a, b) => a.variantId.localeCompare(b.variantId) || a.index - b.index);
  for (const item of order) {
    const oversell = variants.get(item.variantId)!.inventoryPolicy === 'continue';
    const held = await holdLine(tx, item.variantId, item.quantity, { strategy, oversell });
    if (!held) {
      const available = await availableOf(tx, item.variantId);
      throw conflict('out_of_stock', 'Not enough stock for this item.', {
        path: `items.${item.index}.quantity`,
        variantId: item.variantId,
        requested: item.quantity,
        available: Math.max(0, available),
      });
    }
    for (const [locationId, quantity] of held) {
      lines.push({
        reservationId,
        storeId,
        line: item.index,
        variantId: item.variantId,
        locationId,
        quantity,
      });
    }
  }
  const reservation = await insertReservation(tx, {
    id: reservationId,
    storeId,
    reference: data.reference ?? null,
    ttlSeconds,
    lines,
  });
  if (lines.length > 0) {
    await stockChanged(
      tx,
      storeId,
      lines.map((l) => l.variantId),
      variants,
    );
  }
  return { ...reservation, lines };
}

/** The store's reservation settings and which of the variants are tracked, in one statement. */
async function reservationContext(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<{ strategy: ReservationStrategy; ttlSeconds: number; tracked: Set<string> }> {
  const [row] = resultRows<{ strategy: ReservationStrategy | null; ttl: number | null; tracked: string[] }>(
    await tx.execute(sql`
      select s.reservation_strategy as strategy, s.reservation_ttl_seconds as ttl,
        array(select variant_id from inventory_items
              where variant_id = any(${sql.param([...new Set(variantIds)])}::text[]) and tracked) as tracked
      from (select 1) as one left join inventory_settings s on s.store_id = ${storeId}`),
  );
  return {
    strategy: row?.strategy ?? inventorySettingDefaults.reservationStrategy,
    ttlSeconds: Number(row?.ttl ?? inventorySettingDefaults.reservationTtlSeconds),
    tracked: new Set(row?.tracked ?? []),
  };
}

/** The reservation and its lines in one statement, made at the business clock's time (platform/clock.ts). */
async function insertReservation(
  tx: Db,
  values: {
    id: string;
    storeId: string;
    reference: string | null;
    ttlSeconds: number;
    lines: ReservationLine[];
  },
): Promise<Reservation> {
  const linesInsert = jsonRowsInsert(inventoryReservationLines, values.lines);
  const at = now().toISOString();
  const [row] = resultRows<{ expires_ms: string | number; created_ms: string | number }>(
    await tx.execute(sql`
      with ${linesInsert ? sql`held as (${linesInsert}),` : sql``}
      reservation as (
        insert into inventory_reservations (id, store_id, reference, state, created_at, expires_at)
        values (${values.id}, ${values.storeId}, ${values.reference}, 'active', ${at}::timestamptz,
                ${at}::timestamptz + ${values.ttlSeconds}::integer * interval '1 second')
        returning expires_at, created_at
      )
      select extract(epoch from expires_at) * 1000 as expires_ms, extract(epoch from created_at) * 1000 as created_ms
      from reservation`),
  );
  return {
    id: values.id,
    storeId: values.storeId,
    reference: values.reference,
    state: 'active',
    expiresAt: new Date(Number(row!.expires_ms)),
    createdAt: new Date(Number(row!.created_ms)),
    settledAt: null,
  };
}

/** Location → units held for one line, or null when the stock is not there. */
async function holdLine(
  tx: Db,
  variantId: string,
  quantity: number,
  options: { strategy: ReservationStrategy; oversell: boolean },
): Promise<Map<string, number> | null> {
  for (let attempt = 0; attempt < pickAttempts; attempt++) {
    const picked = await holdAtOneLocation(tx, variantId, quantity);
    if (picked.held) return new Map([[picked.held, quantity]]);
    if (!picked.candidate) break; // no location holds it all: not a lost race
  }
  if (options.strategy === 'split') {
    const split = await holdAcrossLocations(tx, variantId, quantity);
    if (split) return split;
  }
  if (options.oversell) {
    const locationId = await firstLocationFor(tx, variantId);
    if (!locationId) return null;
    await tx.execute(sql`
      insert into inventory_levels (store_id, variant_id, location_id, reserved)
      select store_id, ${variantId}, id, ${quantity} from inventory_locations where id = ${locationId}
      on conflict (variant_id, location_id)
      do update set reserved = inventory_levels.reserved + excluded.reserved, updated_at = now()`);
    return new Map([[locationId, quantity]]);
  }
  return null;
}

/**
 * One statement: pick the first active location (by priority) with enough available and take the
 * units there, re-checking availability on the row it updates. `candidate` tells whether a location
 * looked able to (if so and nothing was held, a concurrent buyer took the units first).
 */
async function holdAtOneLocation(
  tx: Db,
  variantId: string,
  quantity: number,
): Promise<{ held: string | null; candidate: boolean }> {
  const [row] = resultRows<{ held: string | null; candidate: string | null }>(
    await tx.execute(sql`
      with pick as (
        select l.location_id from inventory_levels l
        join inventory_locations loc on loc.id = l.location_id and loc.active
        where l.variant_id = ${variantId} and l.on_hand - l.reserved >= ${quantity}
        order by loc.fulfilment_priority, loc.created_at, loc.id
        limit 1
      ), held as (
        update inventory_levels l set reserved = l.reserved + ${quantity}, updated_at = now()
        from pick
        where l.variant_id = ${variantId} and l.location_id = pick.location_id
          and l.on_hand - l.reserved >= ${quantity}
        returning l.location_id
      )
      select (select location_id from held) as held, (select location_id from pick) as candidate`),
  );
  return { held: row?.held ?? null, candidate: Boolean(row?.candidate) };
}

/** Takes the line from several locations in priority order; null when together they lack it. */
async function holdAcrossLocations(
  tx: Db,
  variantId: string,
  quantity: number,
): Promise<Map<string, number> | null> {
  const levels = resultRows<{ location_id: string; available: number }>(
    await tx.execute(sql`
      select l.location_id, l.on_hand - l.reserved as available from inventory_levels l
      join inventory_locations loc on loc.id = l.location_id and loc.active
      where l.variant_id = ${variantId} and l.on_hand - l.reserved > 0
      order by loc.fulfilment_priority, loc.created_at, loc.id`),
  );
  let remaining = quantity;
  const plan = new Map<string, number>();
  for (const level of levels) {
    if (remaining === 0) break;
    const take = Math.min(remaining, Number(level.available));
    plan.set(level.location_id, take);
    remaining -= take;
  }
  if (remaining > 0) return null;
  for (const [locationId, take] of plan) {
    const updated = resultRows(
      await tx.execute(sql`
        update inventory_levels set reserved = reserved + ${take}, updated_at = now()
        where variant_id = ${variantId} and location_id = ${locationId} and on_hand - reserved >= ${take}
        returning location_id`),
    );
    // A concurrent buyer took some of it: the caller's rollback undoes the parts already held.
    if (updated.length === 0) return null;
  }
  return plan;
}

async function firstLocationFor(tx: Db, variantId: string): Promise<string | null> {
  const [row] = resultRows<{ id: string }>(
    await tx.execute(sql`
      select loc.id from inventory_locations loc
      left join inventory_levels l on l.location_id = loc.id and l.variant_id = ${variantId}
      where loc.active and loc.store_id = (select store_id from inventory_items where variant_id = ${variantId})
      order by (l.location_id is null), loc.fulfilment_priority, loc.created_at, loc.id
      limit 1`),
  );
  return row?.id ?? null;
}

/** Available units of a variant over its active locations. */
export async function availableOf(tx: Db, variantId: string): Promise<number> {
  const [row] = resultRows<{ available: string | number | null }>(
    await tx.execute(sql`
      select coalesce(sum(l.on_hand - l.reserved), 0) as available from inventory_levels l
      join inventory_locations loc on loc.id = l.location_id and loc.active
      where l.variant_id = ${variantId}`),
  );
  return Number(row?.available ?? 0);
}
