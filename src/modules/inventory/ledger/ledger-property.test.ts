import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';
import { commitReservation, releaseReservation } from '../reservations/settle-reservation.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { verifyInventory } from '../verify/verify-ledger.ts';
import { recordMovements } from './record-movements.ts';

/** The operations the property interleaves; indexes pick among the run's variants and locations. */
type Operation =
  | { op: 'receive'; v: number; l: number; q: number }
  | { op: 'adjust'; v: number; l: number; q: number }
  | { op: 'transfer'; v: number; from: number; to: number; q: number }
  | { op: 'reserve'; lines: Array<{ v: number; q: number }> }
  | { op: 'commit'; r: number }
  | { op: 'release'; r: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant('receive' as const),
    v: fc.nat(2),
    l: fc.nat(1),
    q: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    op: fc.constant('adjust' as const),
    v: fc.nat(2),
    l: fc.nat(1),
    q: fc.integer({ min: -5, max: 5 }).filter((q) => q !== 0),
  }),
  fc
    .record({
      op: fc.constant('transfer' as const),
      v: fc.nat(2),
      from: fc.nat(1),
      to: fc.nat(1),
      q: fc.integer({ min: 1, max: 4 }),
    })
    .filter((t) => t.from !== t.to),
  fc.record({
    op: fc.constant('reserve' as const),
    lines: fc.array(fc.record({ v: fc.nat(2), q: fc.integer({ min: 1, max: 5 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({ op: fc.constant('commit' as const), r: fc.nat(5) }),
  fc.record({ op: fc.constant('release' as const), r: fc.nat(5) }),
);

/** Refusals the rules allow; anything else fails the property. */
const expectedRefusals = new Set(['out_of_stock', 'insufficient_stock', 'reservation_not_active']);

for (const target of testDatabaseTargets()) {
  describe(`stock ledger properties on ${target.label}`, () => {
    let database: Database;
    let store: { id: string; baseCurrency: string };
    let locations: string[];

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'ledger-property');
      locations = [
        (await makeLocation(database, store.id, 'A', { priority: 1 })).id,
        (await makeLocation(database, store.id, 'B', { priority: 2 })).id,
      ];
    });
    after(async () => {
      await database.close();
    });

    test('any interleaving of receive, reserve, commit, release, adjust and transfer keeps levels equal to the ledger and never oversells', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
          // Two variants that may not be oversold, one that keeps selling; fresh for each run.
          const deny = await makeVariants(database, store, 2);
          const [keepsSelling] = await makeVariants(database, store, 1, { policy: 'continue' });
          const variants = [...deny, keepsSelling!];
          const reservations: string[] = [];
          for (const operation of operations) {
            try {
              await database.db.transaction(async (tx) => {
                switch (operation.op) {
                  case 'receive':
                  case 'adjust':
                    await recordMovements(tx, store.id, actor, [
                      {
                        variantId: variants[operation.v]!,
                        locationId: locations[operation.l]!,
                        kind: operation.op === 'receive' ? 'receive' : 'adjustment',
                        reason: operation.op === 'adjust' ? 'correction' : null,
                        quantity: operation.q,
                      },
                    ]);
                    break;
                  case 'transfer':
                    await recordMovements(tx, store.id, actor, [
                      {
                        variantId: variants[operation.v]!,
                        locationId: locations[operation.from]!,
                        kind: 'transfer_out',
                        quantity: -operation.q,
                      },
                      {
                        variantId: variants[operation.v]!,
                        locationId: locations[operation.to]!,
                        kind: 'transfer_in',
                        quantity: operation.q,
                      },
                    ]);
                    break;
                  case 'reserve': {
                    const held = await reserveStock(tx, store.id, {
                      items: operation.lines.map((l) => ({ variantId: variants[l.v]!, quantity: l.q })),
                    });
                    reservations.push(held.id);
                    break;
                  }
                  case 'commit':
                  case 'release': {
                    const id = reservations[operation.r % Math.max(1, reservations.length)];
                    if (!id) return;
                    if (operation.op === 'commit') await commitReservation(tx, store.id, actor, id);
                    else await releaseReservation(tx, store.id, id);
                    break;
                  }
                }
              });
            } catch (err) {
              if (!(err instanceof AppError) || !expectedRefusals.has(err.code)) throw err;
            }
            const levels = await database.execute<{ variant_id: string; on_hand: number; reserved: number }>(
              'select variant_id, on_hand, reserved from inventory_levels where variant_id = any($1::text[])',
              [variants],
            );
            for (const level of levels) {
              assert.ok(level.reserved >= 0, 'reserved never negative');
              if (level.variant_id !== keepsSelling) {
                assert.ok(
                  level.on_hand - level.reserved >= 0,
                  `oversold ${JSON.stringify(level)} after ${JSON.stringify(operation)}`,
                );
              }
            }
          }
          const report = await verifyInventory(database.db, { storeIds: [store.id] });
          assert.deepEqual(report.drift, []);
          assert.deepEqual(report.balanceBreaks, []);
          // The storefront's "in stock" filter reads the kept low/out state: it follows every change.
          assert.deepEqual(report.stateMismatches, []);
        }),
        { numRuns: 30 },
      );
    });
  });
}
