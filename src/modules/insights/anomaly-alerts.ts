import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvents } from '../../platform/events/index.ts';
import type { JobRunner, ScheduleDefinition } from '../../platform/jobs/index.ts';
import { listAllStores, type Store } from '../access/index.ts';
import { insightsAlertedDays } from './schema.ts';
import { storeAnomalies } from './store-anomalies.ts';

export const ANOMALY_DETECTED_EVENT = 'insights.anomaly_detected';
export const ANOMALY_ALERTS_JOB = 'insights.anomaly-alerts';

/**
 * The hour of the store's morning after which yesterday is judged and announced: late enough for
 * the last orders and events of the day to be rolled up (every 30 s) and for ad spend imported by
 * a nightly job to be in.
 */
export const alertHour = 6;

/** Every quarter of an hour: each store's announcement leaves within 15 minutes of its hour. */
export const anomalyAlertsSchedule: ScheduleDefinition = {
  name: ANOMALY_ALERTS_JOB,
  jobName: ANOMALY_ALERTS_JOB,
  everySeconds: 900,
  payload: {},
};

/** What `insights.anomaly_detected` carries: one flagged metric of one store day. */
export interface AnomalyDetectedPayload {
  day: string;
  metric: string;
  currency: string;
  actual: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  relativeChange: number | null;
  direction: string;
  severity: string;
  explanation: string | null;
  /** The breakdown that carries the change (channel, campaign, device, country), if one does. */
  dimension: string | null;
  contributors: {
    dimension: string;
    value: string;
    actual: number;
    expected: number;
    changePct: number | null;
    shareOfDeviation: number;
  }[];
}

/**
 * Judges a store day and announces each flagged metric as an `insights.anomaly_detected` event (so a
 * webhook endpoint subscribed to `insights.*` hears of it), once per store day: the day's row and
 * the events are written in one transaction, and a day already announced is left alone. Returns how
 * many metrics were flagged, or null when the day had been announced before.
 */
export async function announceAnomalies(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  day: string,
): Promise<number | null> {
  const [done] = await db
    .select({ day: insightsAlertedDays.day })
    .from(insightsAlertedDays)
    .where(and(eq(insightsAlertedDays.storeId, store.id), eq(insightsAlertedDays.day, day)));
  if (done) return null;
  const result = await storeAnomalies(db, store, day);
  const flagged = result.metrics.filter((m) => m.judgement.flagged);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(insightsAlertedDays)
      .values({ storeId: store.id, day, flagged: flagged.length })
      .onConflictDoNothing()
      .returning({ day: insightsAlertedDays.day });
    if (claimed.length === 0) return null;
    await emitEvents(
      tx,
      flagged.map((m) => {
        const j = m.judgement;
        const payload: AnomalyDetectedPayload = {
          day,
          metric: m.metric,
          currency: result.currency,
          actual: j.actual,
          expected: j.expected,
          lower: j.lower,
          upper: j.upper !== null && Number.isFinite(j.upper) ? j.upper : null,
          relativeChange: j.relativeChange,
          direction: j.direction,
          severity: j.severity,
          explanation: m.explanation?.sentence ?? null,
          dimension: m.explanation?.dimension ?? null,
          contributors: (m.explanation?.contributors ?? []).map((c) => ({
            dimension: c.dimension,
            value: c.value,
            actual: c.actual,
            expected: c.expected,
            changePct: c.changePct,
            shareOfDeviation: c.shareOfDeviation,
          })),
        };
        return { storeId: store.id, type: ANOMALY_DETECTED_EVENT, payload: { ...payload } };
      }),
    );
    return flagged.length;
  });
}

/** Yesterday of a store once its clock has passed `alertHour`; null before. */
export function dayToAnnounce(store: Pick<Store, 'timezone'>, at: Date): string | null {
  const local = DateTime.fromJSDate(at, { zone: store.timezone });
  if (local.hour < alertHour) return null;
  return local.minus({ days: 1 }).toISODate();
}

/** The job: every store whose morning has come gets yesterday announced (once). */
export function registerAnomalyAlertsJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(ANOMALY_ALERTS_JOB, async (_payload, { db, logger }) => {
    const at = now();
    let announced = 0;
    for (const store of await listAllStores(db)) {
      const day = dayToAnnounce(store, at);
      if (!day) continue;
      const flagged = await announceAnomalies(db, store, day);
      if (flagged) announced += flagged;
    }
    if (announced > 0) logger.info({ job: ANOMALY_ALERTS_JOB, announced }, 'anomalies announced');
  });
}
