import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { listAllStores, type Store } from '../../access/index.ts';
import { insightsForecastedDays } from '../schema.ts';
import { reorderForecastSettings, reorderForecasts } from './reorder-forecasts.ts';

export const DEMAND_FORECASTS_JOB = 'insights.demand-forecasts';

/**
 * The store's hour after which the night's forecasts are made: yesterday is over and its last sales
 * are in the ledger, and the store is quiet.
 */
export const forecastHour = 2;

/** Every quarter of an hour: each store is forecast within 15 minutes of its hour. */
export const demandForecastsSchedule: ScheduleDefinition = {
  name: DEMAND_FORECASTS_JOB,
  jobName: DEMAND_FORECASTS_JOB,
  everySeconds: 900,
  payload: {},
};

/** Today of a store once its clock has passed `forecastHour`; null before. */
export function dayToForecast(store: Pick<Store, 'timezone'>, at: Date): string | null {
  const local = DateTime.fromJSDate(at, { zone: store.timezone });
  return local.hour < forecastHour ? null : local.toISODate();
}

/**
 * Makes a store's forecasts for today with the default settings — what the Forecasts screen, the
 * purchase drafts and the briefing ask for — so the day's first reader does not wait for them.
 * Once per store day; returns the variants forecast, or null when the day was done before.
 */
export async function forecastStoreDay(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  day: string,
): Promise<number | null> {
  const [done] = await db
    .select({ day: insightsForecastedDays.day })
    .from(insightsForecastedDays)
    .where(and(eq(insightsForecastedDays.storeId, store.id), eq(insightsForecastedDays.day, day)));
  if (done) return null;
  const { items } = await reorderForecasts(db, store, reorderForecastSettings.parse({}));
  await db
    .insert(insightsForecastedDays)
    .values({ storeId: store.id, day, variants: items.length })
    .onConflictDoNothing();
  return items.length;
}

export function registerDemandForecastsJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(DEMAND_FORECASTS_JOB, async (_payload, { db, logger }) => {
    const at = now();
    for (const store of await listAllStores(db)) {
      const day = dayToForecast(store, at);
      if (!day) continue;
      const started = performance.now();
      const variants = await forecastStoreDay(db, store, day);
      if (variants !== null) {
        logger.info(
          {
            job: DEMAND_FORECASTS_JOB,
            store: store.id,
            variants,
            ms: Math.round(performance.now() - started),
          },
          'demand forecasts made',
        );
      }
    }
  });
}
