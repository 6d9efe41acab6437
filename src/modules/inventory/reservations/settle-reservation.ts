import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/index.ts';
import { insertMovements, type Movement, type NewMovement } from '../ledger/record-movements.ts';
import { inventoryReservationLines, inventoryReservations } from '../schema.ts';
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
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  reference: { type: string; id: string } = { type: 'reservation', id },
  madeHere?: ReservationWithLines,
): Promise<{ reservation: ReservationWithLines; movements: Movement[] }> {
  const reservation =
    madeHere?.id === id && madeHere.storeId === storeId ? madeHere : await lockReservation(tx, storeId, id);
  assertActive(reservation);
  if (reservation.expiresAt.getTime() <= now().getTime()) {
    throw conflict('reservation_expired', 'This reservation expired; reserve the stock again.', {
      state: 'expired',
    });
  }
  const movements: NewMovement[] = [];
  for (const line of reservation.lines) {
    const [level] = resultRows<{ on_hand: number }>(
      await tx.execute(sql`
        update inventory_levels
        set on_hand = on_hand - ${line.quantity}, reserved = reserved - ${line.quantity}, updated_at = now()
        where variant_id = ${line.variantId} and location_id = ${line.locationId}
        returning on_hand`),
    );
    movements.push({
      id: newId('movement'),
      storeId,
      variantId: line.variantId,
      locationId: line.locationId,
      kind: 'sale',
      quantity: -line.quantity,
      onHandAfter: Number(level!.on_hand),
      reason: null,
      referenceType: reference.type,
      referenceId: reference.id,
      unitCostAmount: null,
      note: null,
      actorLabel: actor.label,
      createdAt: now(),
    });
  }
  const written = await insertMovements(tx, movements);
  const [settled] = await tx
    .update(inventoryReservations)
    .set({ state: 'committed', settledAt: now() })
    .where(eq(inventoryReservations.id, id))
    .returning();
  // No `stockChanged`: on hand and reserved fell by the same units, so what is available (on hand −
  // reserved, what stock states and channels' sellable quantities are made of) did not change. The
  // reservation made those changes when it took the units.
  return { reservation: { ...settled!, lines: reservation.lines }, movements: written };
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
