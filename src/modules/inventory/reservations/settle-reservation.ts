import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { appendRows } from '../../../platform/db/deferred-appends.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/index.ts';
import { insertMovements, type Movement, type NewMovement } from '../ledger/record-movements.ts';
import { inventoryMovements, inventoryReservationLines, inventoryReservations } from '../schema.ts';
import { stockChanged } from '../stock-changes.ts';
import type { ReservationWithLines } from './reserve-stock.ts';

/** The reservation, locked for the rest of the transaction. */
async function lockReservation(tx: Db, storeId: string, id: string): Promise<ReservationWithLines> {
  const [reservation] = await tx
    .select()
    .from(inventoryReservations)
    .where(and(eq(inventoryReservations.storeId, storeId), eq(inventoryReservations.id, id)))
    .for('update');
  if (!reservation) throw notFound('Reservation', { id });
  const lines = await tx
    .select()
    .from(inventoryReservationLines)
    .where(eq(inventoryReservationLines.reservationId, id))
    .orderBy(inventoryReservationLines.variantId, inventoryReservationLines.locationId);
  return { ...reservation, lines };
}

function assertActive(reservation: ReservationWithLines): void {
  if (reservation.state === 'active') return;
  throw conflict(
    reservation.state === 'expired' ? 'reservation_expired' : 'reservation_not_active',
    `This reservation is ${reservation.state}.`,
    { state: reservation.state },
  );
}

/**
 * Turns an active reservation into sales: each line leaves on hand and reserved together, written
 * to the ledger as a `sale` movement referring to `reference` (e.g. the order). A reservation past
 * its expiry is refused (`reservation_expired`) even before the expiry job has released it.
 * `madeHere` is the reservation as `reserveStock` returned it in this same transaction: no other
 * transaction can see it yet, so it is neither locked nor read again.
 */
export async function commitReservation(
  ...sale: SaleOfReservation
): Promise<{ reservation: ReservationWithLines; movements: Movement[] }> {
  const { reservation, movements } = await sellReservedUnits(...sale);
  return { reservation, movements: await insertMovements(sale[0], movements) };
}

/**
 * `commitReservation` for a caller that does not need the ledger's rows back (order placement):
 * they are appended (`appendRows`), so a transaction that defers its append-only rows writes them
 * with its others in one statement at its end.
 */
export async function sellReservedStock(...sale: SaleOfReservation): Promise<ReservationWithLines> {
  const { reservation, movements } = await sellReservedUnits(...sale);
  await appendRows(sale[0], inventoryMovements, movements);
  return reservation;
}

type SaleOfReservation = [
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  reference?: { type: string; id: string },
  madeHere?: ReservationWithLines,
];

async function sellReservedUnits(
  ...[tx, storeId, actor, id, reference = { type: 'reservation', id }, madeHere]: SaleOfReservation
): Promise<{ reservation: ReservationWithLines; movements: NewMovement[] }> {
  const fresh = madeHere?.id === id && madeHere.storeId === storeId;
  const reservation = fresh ? madeHere : await lockReservation(tx, storeId, id);
  assertActive(reservation);
  const at = now();
  if (reservation.expiresAt.getTime() <= at.getTime()) {
    throw conflict('reservation_expired', 'This reservation expired; reserve the stock again.', {
      state: 'expired',
    });
  }
  const units = new Map<string, { variantId: string; locationId: string; quantity: number }>();
  for (const line of reservation.lines) {
    const key = `${line.variantId} ${line.locationId}`;
    const sold = units.get(key);
    if (sold) sold.quantity += line.quantity;
    else units.set(key, { variantId: line.variantId, locationId: line.locationId, quantity: line.quantity });
  }
  // A reservation made in this transaction holds its levels' row locks already. Otherwise they are
  // taken first in one order (variant, location), as every writer of levels does, so two
  // reservations over the same levels cannot deadlock in the update below.
  if (!fresh && units.size > 1) {
    await tx.execute(sql`
      select 1 from inventory_levels l
      join jsonb_to_recordset(${JSON.stringify([...units.values()])}::jsonb)
        as u("variantId" text, "locationId" text, quantity int)
        on l.variant_id = u."variantId" and l.location_id = u."locationId"
      order by l.variant_id, l.location_id
      for update of l`);
  }
  // The levels and the reservation's state in one statement.
  const [result] = resultRows<{ settled: number; levels: { v: string; l: string; on_hand: number }[] }>(
    await tx.execute(sql`
      with sold as (
        update inventory_levels l
        set on_hand = l.on_hand - u.quantity, reserved = l.reserved - u.quantity, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify([...units.values()])}::jsonb)
          as u("variantId" text, "locationId" text, quantity int)
        where l.variant_id = u."variantId" and l.location_id = u."locationId"
        returning l.variant_id as v, l.location_id as l, l.on_hand
      ), settled as (
        update inventory_reservations set state = 'committed', settled_at = ${at.toISOString()}::timestamptz
        where id = ${id}
        returning id
      )
      select (select count(*) from settled)::int as settled,
             (select coalesce(json_agg(sold), '[]'::json) from sold) as levels`),
  );
  const levels = typeof result!.levels === 'string' ? JSON.parse(result!.levels) : result!.levels;
  const onHand = new Map<string, number>(
    (levels as { v: string; l: string; on_hand: number }[]).map((r) => [`${r.v} ${r.l}`, Number(r.on_hand)]),
  );
  if (onHand.size !== units.size || result!.settled !== 1) {
    throw new Error(`Reservation ${id}: a level or the reservation was missing while selling its units.`);
  }
  // Each line's movement says what its level held after it: lines of one level are sold in order,
  // so a line's figure adds back the units of that level's later lines.
  const laterUnits = new Map<string, number>();
  const movements: NewMovement[] = [];
  for (const line of [...reservation.lines].reverse()) {
    const key = `${line.variantId} ${line.locationId}`;
    const later = laterUnits.get(key) ?? 0;
    laterUnits.set(key, later + line.quantity);
    movements.unshift({
      id: newId('movement'),
      storeId,
      variantId: line.variantId,
      locationId: line.locationId,
      kind: 'sale',
      quantity: -line.quantity,
      onHandAfter: onHand.get(key)! + later,
      reason: null,
      referenceType: reference.type,
      referenceId: reference.id,
      unitCostAmount: null,
      note: null,
      actorLabel: actor.label,
      createdAt: at,
    });
  }
  // No `stockChanged`: on hand and reserved fell by the same units, so what is available (on hand −
  // reserved, what stock states and channels' sellable quantities are made of) did not change. The
  // reservation made those changes when it took the units.
  return { reservation: { ...reservation, state: 'committed', settledAt: at }, movements };
}

/** Gives an active reservation's units back (a cancelled checkout). */
export async function releaseReservation(tx: Db, storeId: string, id: string): Promise<ReservationWithLines> {
  const reservation = await lockReservation(tx, storeId, id);
  assertActive(reservation);
  return releaseLines(tx, reservation, 'released');
}

async function releaseLines(
  tx: Db,
  reservation: ReservationWithLines,
  state: 'released' | 'expired',
): Promise<ReservationWithLines> {
  for (const line of reservation.lines) {
    await tx.execute(sql`
      update inventory_levels set reserved = reserved - ${line.quantity}, updated_at = now()
      where variant_id = ${line.variantId} and location_id = ${line.locationId}`);
  }
  const [settled] = await tx
    .update(inventoryReservations)
    .set({ state, settledAt: now() })
    .where(eq(inventoryReservations.id, reservation.id))
    .returning();
  await stockChanged(
    tx,
    reservation.storeId,
    reservation.lines.map((l) => l.variantId),
  );
  return { ...settled!, lines: reservation.lines };
}

/**
 * Releases reservations past their expiry, a few at a time, each batch in its own transaction;
 * rows another instance is releasing are skipped. Returns how many were released.
 */
export async function releaseExpiredReservations(
  db: Db,
  options: { batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let released = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = resultRows<{ id: string; store_id: string }>(
        await tx.execute(sql`
          select id, store_id from inventory_reservations
          where state = 'active' and expires_at <= now()
          order by expires_at
          limit ${batchSize}
          for update skip locked`),
      );
      for (const row of due) {
        const reservation = await lockReservation(tx, row.store_id, row.id);
        await releaseLines(tx, reservation, 'expired');
      }
      return due.length;
    });
    released += count;
    if (count < batchSize) return released;
  }
}
