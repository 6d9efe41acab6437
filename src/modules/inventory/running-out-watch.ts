import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { emitEvents } from '../../platform/events/index.ts';
import type { JobRunner, ScheduleDefinition } from '../../platform/jobs/index.ts';
import {
  daysOfCover,
  roundRate,
  runningOutCondition,
  supplierLeadTimes,
  variantSalesRates,
} from './sales-rate.ts';
import type { StockState } from './stock-states.ts';

const RUNNING_OUT_JOB = 'inventory.watch-running-out';

/**
 * Hourly: the rate of sale moves slowly (it is four weeks of sales), so an hour's delay costs
 * nothing, while a watch that ran on every sale would double the work of each checkout.
 */
export const runningOutSchedule: ScheduleDefinition = {
  name: RUNNING_OUT_JOB,
  jobName: RUNNING_OUT_JOB,
  everySeconds: 3600,
  payload: {},
};

/** What `inventory.running_out` and `inventory.running_out_cleared` carry. */
export interface RunningOutPayload {
  variantId: string;
  available: number;
  soldPerDay: number;
  daysOfCover: number | null;
  /** The quickest supplier's lead time; null when no supplier sells it. */
  leadTimeDays: number | null;
  /** The threshold state: a "low" or "out" variant already has its own, stronger alert. */
  stockState: StockState;
}

interface ChangedRow {
  variant_id: string;
  stock_state: StockState;
  available: string | number;
  per_day: number;
  lead_time_days: number | null;
  running_out: boolean;
}

/**
 * Tells when tracked variants start or stop running out: stock left that lasts, at the rate of
 * the last four weeks, no longer than two weeks or the quickest supplier's lead time (the
 * inventory table's "Running out" filter, over all active locations). Emits `inventory.running_out`
 * or `inventory.running_out_cleared` once per change, and keeps the last told state on the item,
 * so a second run, or a second instance, tells nothing new. Returns the events emitted.
 */
export async function watchRunningOut(db: Db, storeId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const changed = resultRows<ChangedRow>(
      await tx.execute(sql`
        with levels as (
          select l.variant_id, sum(l.on_hand - l.reserved) as available
          from inventory_levels l join inventory_locations loc on loc.id = l.location_id
          where l.store_id = ${storeId} and loc.active
          group by l.variant_id
        ),
        rates as ${variantSalesRates(storeId, sql`loc.active`)},
        lead_times as ${supplierLeadTimes(storeId)},
        judged as (
          select i.variant_id, i.stock_state, i.running_out as told,
            coalesce(lv.available, 0) as available, coalesce(rt.per_day, 0)::float8 as per_day,
            lt.days as lead_time_days,
            i.tracked and ${runningOutCondition(sql`coalesce(lv.available, 0)`, sql`coalesce(rt.per_day, 0)`, sql`lt.days`)}
              as running_out
          from inventory_items i
          left join levels lv on lv.variant_id = i.variant_id
          left join rates rt on rt.variant_id = i.variant_id
          left join lead_times lt on lt.variant_id = i.variant_id
          where i.store_id = ${storeId}
        )
        select variant_id, stock_state, available, per_day, lead_time_days, running_out
        from judged where running_out <> told
        order by variant_id`),
    );
    if (changed.length === 0) return 0;
    // Only rows still as this run read them: a concurrent run that got there first has told it.
    const updated = resultRows<{ variant_id: string }>(
      await tx.execute(sql`
        update inventory_items i set running_out = c.running_out
        from unnest(${sql.param(changed.map((c) => c.variant_id))}::text[],
                    ${sql.param(changed.map((c) => c.running_out))}::boolean[]) as c(variant_id, running_out)
        where i.variant_id = c.variant_id and i.store_id = ${storeId} and i.running_out <> c.running_out
        returning i.variant_id`),
    );
    const won = new Set(updated.map((u) => u.variant_id));
    const told = changed.filter((c) => won.has(c.variant_id));
    if (told.length === 0) return 0;
    await emitEvents(
      tx,
      told.map((c) => {
        const available = Number(c.available);
        const payload: RunningOutPayload = {
          variantId: c.variant_id,
          available,
          soldPerDay: roundRate(c.per_day),
          daysOfCover: daysOfCover(available, c.per_day),
          leadTimeDays: c.lead_time_days === null ? null : Number(c.lead_time_days),
          stockState: c.stock_state,
        };
        return {
          storeId,
          type: c.running_out ? 'inventory.running_out' : 'inventory.running_out_cleared',
          payload: { ...payload },
        };
      }),
    );
    return told.length;
  });
}

export function registerRunningOutJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(RUNNING_OUT_JOB, async (_payload, { db, logger }) => {
    const stores = resultRows<{ store_id: string }>(
      await db.execute(sql`select distinct store_id from inventory_items where tracked`),
    );
    let told = 0;
    for (const { store_id } of stores) told += await watchRunningOut(db, store_id);
    if (told > 0)
      logger.info({ job: RUNNING_OUT_JOB, stores: stores.length, told }, 'running-out changes told');
  });
}
