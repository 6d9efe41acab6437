import { and, eq, inArray, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { forecastDemand } from '../forecasting/forecast-demand.ts';
import { insightsDemandForecasts, type StoredDemandForecast } from '../schema.ts';

/**
 * Demand forecasts kept for the day. Choosing a method by backtest costs a few milliseconds of CPU
 * per variant (about 3 s for a store's 500 best sellers), and its input — the daily sales up to
 * yesterday — does not change during the day. So each variant's forecast is stored with the store day
 * it starts from and the horizons it was made for; a request that finds one for today with the same
 * horizons uses it, and computes (and stores) only the rest. Stock, incoming units and the service
 * level are not part of it: the plan built on it is computed fresh every time.
 */

export interface ForecastRequest {
  variantId: string;
  /** Observed units per day, oldest first, ending yesterday. */
  series: readonly number[];
  horizon: number;
  backtestHorizon: number;
}

/** Keeps stored numbers compact: forecasts to a ten-thousandth of a unit a day. */
const rounded = (n: number) => Math.round(n * 10_000) / 10_000;

function storable(forecast: StoredDemandForecast): StoredDemandForecast {
  return {
    method: forecast.method,
    pattern: forecast.pattern,
    forecast: forecast.forecast.map(rounded),
    residualSd: forecast.residualSd,
    backtest: forecast.backtest,
  };
}

/**
 * Today's forecast of each requested variant: read where stored for `today` with the same horizons,
 * otherwise computed and stored (one statement for all of them).
 */
export async function demandForecastsOfDay(
  db: Db,
  storeId: string,
  today: string,
  requests: readonly ForecastRequest[],
): Promise<Map<string, StoredDemandForecast>> {
  const result = new Map<string, StoredDemandForecast>();
  if (requests.length === 0) return result;
  const stored = await db
    .select({
      variantId: insightsDemandForecasts.variantId,
      horizon: insightsDemandForecasts.horizon,
      backtestHorizon: insightsDemandForecasts.backtestHorizon,
      forecast: insightsDemandForecasts.forecast,
    })
    .from(insightsDemandForecasts)
    .where(
      and(
        eq(insightsDemandForecasts.storeId, storeId),
        eq(insightsDemandForecasts.asOf, today),
        inArray(
          insightsDemandForecasts.variantId,
          requests.map((r) => r.variantId),
        ),
      ),
    );
  const found = new Map(stored.map((row) => [row.variantId, row]));
  const computed: (typeof insightsDemandForecasts.$inferInsert)[] = [];
  for (const request of requests) {
    const row = found.get(request.variantId);
    if (row && row.horizon === request.horizon && row.backtestHorizon === request.backtestHorizon) {
      result.set(request.variantId, row.forecast);
      continue;
    }
    const forecast = storable(
      forecastDemand(request.series, { horizon: request.horizon, backtestHorizon: request.backtestHorizon }),
    );
    result.set(request.variantId, forecast);
    computed.push({
      storeId,
      variantId: request.variantId,
      asOf: today,
      horizon: request.horizon,
      backtestHorizon: request.backtestHorizon,
      forecast,
      computedAt: now(),
    });
  }
  const insert = jsonRowsInsert(insightsDemandForecasts, computed);
  if (insert) {
    // Two requests computing at once both write; the later one's identical forecast wins.
    await db.execute(sql`${insert} on conflict (store_id, variant_id) do update set
      as_of = excluded.as_of, horizon = excluded.horizon, backtest_horizon = excluded.backtest_horizon,
      forecast = excluded.forecast, computed_at = excluded.computed_at`);
  }
  return result;
}
