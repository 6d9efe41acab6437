import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/** A level that does not match what the ledger and the active reservations say it should be. */
export interface LevelDrift {
  storeId: string;
  variantId: string;
  locationId: string;
  onHand: number;
  /** Sum of the level's movements. */
  ledgerOnHand: number;
  reserved: number;
  /** Sum of the level's lines in active reservations. */
  reservedByReservations: number;
}

/** A movement whose recorded running balance is not the sum of the movements up to it. */
export interface BalanceBreak {
  movementId: string;
  variantId: string;
  locationId: string;
  onHandAfter: number;
  runningSum: number;
}

/**
 * A tracked variant whose kept low/out state is not what its available stock says. The storefront's
 * "in stock" filter reads that state, so a mismatch would show a sold-out variant as in stock.
 */
export interface StateMismatch {
  storeId: string;
  variantId: string;
  recorded: string;
  expected: string;
  available: number;
}

export interface VerifyReport {
  stores: number;
  levels: number;
  movements: number;
  drift: LevelDrift[];
  balanceBreaks: BalanceBreak[];
  stateMismatches: StateMismatch[];
}

/**
 * Recomputes every stock level from the ledger (on hand = sum of movements) and from the active
 * reservations (reserved = sum of their lines), and checks each movement's running balance. There
 * must be no drift: levels change only together with a movement or a reservation line. Also checks
 * each tracked variant's kept low/out state against its available stock. One store
 * at a time (`storeIds`, default all), reporting progress per store.
 */
export async function verifyInventory(
  db: Db,
  options: { storeIds?: string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<VerifyReport> {
  const storeIds =
    options.storeIds ??
    resultRows<{ store_id: string }>(
      await db.execute(sql`
        select store_id from inventory_levels union select store_id from inventory_movements
        order by store_id`),
    ).map((r) => r.store_id);
  const report: VerifyReport = {
    stores: 0,
    levels: 0,
    movements: 0,
    drift: [],
    balanceBreaks: [],
    stateMismatches: [],
  };
  for (const storeId of storeIds) {
    const drift = resultRows<{
      variant_id: string;
      location_id: string;
      on_hand: string | number;
      ledger_on_hand: string | number;
      reserved: string | number;
      held: string | number;
    }>(
      await db.execute(sql`
        with ledger as (
          select variant_id, location_id, sum(quantity) as quantity from inventory_movements
          where store_id = ${storeId} group by variant_id, location_id
        ), held as (
          select l.variant_id, l.location_id, sum(l.quantity) as quantity
          from inventory_reservation_lines l
          join inventory_reservations r on r.id = l.reservation_id and r.state = 'active'
          where l.store_id = ${storeId} group by l.variant_id, l.location_id
        ), levels as (
          select variant_id, location_id, on_hand, reserved from inventory_levels where store_id = ${storeId}
        )
        select coalesce(lv.variant_id, ledger.variant_id, held.variant_id) as variant_id,
          coalesce(lv.location_id, ledger.location_id, held.location_id) as location_id,
          coalesce(lv.on_hand, 0) as on_hand, coalesce(ledger.quantity, 0) as ledger_on_hand,
          coalesce(lv.reserved, 0) as reserved, coalesce(held.quantity, 0) as held
        from levels lv
        full join ledger on ledger.variant_id = lv.variant_id and ledger.location_id = lv.location_id
        full join held on held.variant_id = coalesce(lv.variant_id, ledger.variant_id)
          and held.location_id = coalesce(lv.location_id, ledger.location_id)
        where coalesce(lv.on_hand, 0) <> coalesce(ledger.quantity, 0)
          or coalesce(lv.reserved, 0) <> coalesce(held.quantity, 0)`),
    );
    const breaks = resultRows<{
      id: string;
      variant_id: string;
      location_id: string;
      on_hand_after: number;
      running: string | number;
    }>(
      await db.execute(sql`
        select id, variant_id, location_id, on_hand_after, running from (
          select id, variant_id, location_id, on_hand_after,
            sum(quantity) over (partition by variant_id, location_id order by seq) as running
          from inventory_movements where store_id = ${storeId}
        ) m where on_hand_after <> running`),
    );
    const states = resultRows<{
      variant_id: string;
      stock_state: string;
      expected: string;
      available: string | number;
    }>(
      await db.execute(sql`
        select variant_id, stock_state, expected, available from (
          select i.variant_id, i.stock_state, s.available,
            -- The same rule as stockStateOf.
            case
              when s.available <= 0 then 'out'
              when i.low_stock_threshold is not null and s.available <= i.low_stock_threshold then 'low'
              else 'ok'
            end as expected
          from inventory_items i
          cross join lateral (
            select coalesce(sum(l.on_hand - l.reserved) filter (where loc.active), 0) as available
            from inventory_levels l join inventory_locations loc on loc.id = l.location_id
            where l.variant_id = i.variant_id
          ) s
          where i.store_id = ${storeId} and i.tracked
        ) judged where stock_state <> expected`),
    );
    const [counts] = resultRows<{ levels: string | number; movements: string | number }>(
      await db.execute(sql`
        select (select count(*) from inventory_levels where store_id = ${storeId}) as levels,
          (select count(*) from inventory_movements where store_id = ${storeId}) as movements`),
    );
    report.stores++;
    report.levels += Number(counts?.levels ?? 0);
    report.movements += Number(counts?.movements ?? 0);
    report.drift.push(
      ...drift.map((d) => ({
        storeId,
        variantId: d.variant_id,
        locationId: d.location_id,
        onHand: Number(d.on_hand),
        ledgerOnHand: Number(d.ledger_on_hand),
        reserved: Number(d.reserved),
        reservedByReservations: Number(d.held),
      })),
    );
    report.balanceBreaks.push(
      ...breaks.map((b) => ({
        movementId: b.id,
        variantId: b.variant_id,
        locationId: b.location_id,
        onHandAfter: Number(b.on_hand_after),
        runningSum: Number(b.running),
      })),
    );
    report.stateMismatches.push(
      ...states.map((m) => ({
        storeId,
        variantId: m.variant_id,
        recorded: m.stock_state,
        expected: m.expected,
        available: Number(m.available),
      })),
    );
    options.onProgress?.(report.stores, storeIds.length);
  }
  return report;
}
