import { z } from 'zod';
import { findStore } from '../modules/access/index.ts';
import { type RebuildProgress, rebuildRollups } from '../modules/analytics/index.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

const rebuildArgs = z.object({ store: z.string().min(1).max(100) }).strict();

/**
 * `storepilot analytics rebuild --store H`: the store's daily rollups worked out again from the raw
 * events and the order facts, day by day (the same function the half-minute job runs).
 */
export async function runAnalyticsRebuild(
  db: Db,
  rawArgs: unknown,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<{ output: string }> {
  const parsed = rebuildArgs.safeParse(rawArgs ?? {});
  if (!parsed.success) throw new AppError(400, 'invalid_arguments', 'Usage: analytics rebuild --store H');
  const store = await findStore(db, parsed.data.store);
  if (!store) throw new AppError(404, 'not_found', `No store "${parsed.data.store}".`);
  const started = performance.now();
  const { days, events } = await rebuildRollups(db, store, onProgress);
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(events / seconds) : events;
  return {
    output:
      days === 0
        ? `Store ${store.handle} has no events or orders yet: nothing to roll up.`
        : `Rolled up ${days} day(s) of ${store.handle} from ${events.toLocaleString('en')} event(s) in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} events/s).`,
  };
}
