import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { dailyMeasuresOfSlices, emptyMeasures, type Measures, sliceKey } from '../analytics/index.ts';
import { storeDay } from '../markets/index.ts';
import { judgeStoreDay, storeMetricNames, storeMetricWords } from './anomalies/index.ts';
import { metricSeries } from './store-anomalies.ts';

/** The same span `storeAnomalies` judges from, so both flag the same metrics. */
const historyDays = 120;

export interface StoreAnomalyCount {
  /** The store day judged: each store's own yesterday. */
  day: string;
  /** Key metrics (revenue, orders, sessions, conversion, AOV, refunds) flagged that day. */
  flagged: string[];
}

/**
 * Yesterday's flagged key metrics of many stores, from one read of the rollups: the store-wide
 * judgement of `storeAnomalies` without its breakdowns (which explain a flag but never raise one at
 * store level), for overviews such as the portfolio.
 */
export async function anomalyCountsOfStores(
  db: Db,
  stores: readonly Pick<Store, 'id' | 'timezone' | 'baseCurrency'>[],
): Promise<Map<string, StoreAnomalyCount>> {
  const out = new Map<string, StoreAnomalyCount>();
  if (stores.length === 0) return out;
  const judged = new Map(
    stores.map((s) => [s.id, DateTime.fromISO(storeDay(s), { zone: 'utc' }).minus({ days: 1 })]),
  );
  const firstDays = [...judged.values()].map((d) => d.minus({ days: historyDays - 1 }).toISODate()!);
  const lastDays = [...judged.values()].map((d) => d.toISODate()!);
  const measures = await dailyMeasuresOfSlices(
    db,
    stores.map((s) => ({ storeId: s.id, dimension: 'all', value: '' })),
    firstDays.sort()[0]!,
    lastDays.sort().at(-1)!,
  );
  for (const store of stores) {
    const last = judged.get(store.id)!;
    const rows = measures.get(sliceKey({ storeId: store.id, dimension: 'all', value: '' }));
    const days: { day: string; measures: Measures }[] = [];
    for (let i = historyDays - 1; i >= 0; i--) {
      const day = last.minus({ days: i }).toISODate()!;
      days.push({ day, measures: rows?.get(day) ?? emptyMeasures() });
    }
    const reports = judgeStoreDay({
      currency: store.baseCurrency,
      locale: 'en',
      metrics: storeMetricNames.map((metric) => ({
        metric,
        words: storeMetricWords[metric],
        series: metricSeries(metric, days),
        breakdowns: [],
      })),
    });
    out.set(store.id, {
      day: last.toISODate()!,
      flagged: reports.filter((r) => r.judgement.flagged).map((r) => r.metric),
    });
  }
  return out;
}
