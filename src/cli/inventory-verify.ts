import { z } from 'zod';
import { findStore } from '../modules/access/index.ts';
import { type VerifyReport, verifyInventory } from '../modules/inventory/index.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

const verifyArgs = z.object({ store: z.string().min(1).max(100).optional() }).strict();

/** Differences listed in full up to this many; the counts are always complete. */
const SHOWN = 50;

/**
 * `storepilot inventory verify [--store H]`: every stock level recomputed from the ledger and the
 * active reservations, differences listed. `clean` is false when anything drifted (the CLI then
 * exits with 1, so a cron job can alert).
 */
export async function runInventoryVerify(
  db: Db,
  rawArgs: unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<{ output: string; clean: boolean }> {
  const parsed = verifyArgs.safeParse(rawArgs ?? {});
  if (!parsed.success) throw new AppError(400, 'invalid_arguments', 'Usage: inventory verify [--store H]');
  let storeIds: string[] | undefined;
  if (parsed.data.store) {
    const store = await findStore(db, parsed.data.store);
    if (!store) throw new AppError(404, 'not_found', `No store "${parsed.data.store}".`);
    storeIds = [store.id];
  }
  const report = await verifyInventory(db, {
    ...(storeIds ? { storeIds } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    output: formatVerifyReport(report),
    clean: isClean(report),
  };
}

function isClean(report: VerifyReport): boolean {
  return (
    report.drift.length === 0 && report.balanceBreaks.length === 0 && report.stateMismatches.length === 0
  );
}

export function formatVerifyReport(report: VerifyReport): string {
  const head = `Checked ${report.levels} stock levels and ${report.movements} ledger movements in ${report.stores} store(s).`;
  if (isClean(report)) {
    return `${head}\nNo drift: every level equals its ledger and its active reservations, and every low/out state its stock.`;
  }
  const lines = [
    head,
    `DRIFT in ${report.drift.length} level(s), ${report.balanceBreaks.length} broken running balance(s), ${report.stateMismatches.length} wrong low/out state(s):`,
  ];
  for (const d of report.drift.slice(0, SHOWN)) {
    lines.push(
      `  ${d.variantId} at ${d.locationId}: on hand ${d.onHand} (ledger says ${d.ledgerOnHand}), reserved ${d.reserved} (reservations say ${d.reservedByReservations})`,
    );
  }
  for (const b of report.balanceBreaks.slice(0, SHOWN)) {
    lines.push(
      `  movement ${b.movementId}: balance after ${b.onHandAfter}, sum of movements ${b.runningSum}`,
    );
  }
  for (const m of report.stateMismatches.slice(0, SHOWN)) {
    lines.push(
      `  ${m.variantId}: state "${m.recorded}", but ${m.available} available makes it "${m.expected}"`,
    );
  }
  if (report.drift.length + report.balanceBreaks.length + report.stateMismatches.length > 3 * SHOWN) {
    lines.push('  …');
  }
  return lines.join('\n');
}
