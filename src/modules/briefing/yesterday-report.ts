import type { Db } from '../../platform/db/database.ts';
import { anomalies, storeAnomalies } from '../insights/index.ts';
import type { BriefingContext } from './briefing-types.ts';

type MetricDayReport = anomalies.MetricDayReport;

/** One key metric of the judged day against what the weeks before led one to expect. */
export interface MetricAgainstExpected {
  metric: string;
  words: string;
  /** Count, minor units of the store's currency, or a rate (0–1), as the metric is. */
  actual: number | null;
  expected: number | null;
  lower: number | null;
  /** Null when the band is open upwards. */
  upper: number | null;
  relativeChange: number | null;
  flagged: boolean;
  direction: string;
  severity: string;
  /** Why the day was not judged (too little history…); null when it was. */
  note: string | null;
  /** For a flagged metric: what moved it, in a sentence, and the breakdown that carries it. */
  explanation: { sentence: string; dimension: string | null } | null;
}

export interface YesterdayReport {
  day: string;
  currency: string;
  metrics: MetricAgainstExpected[];
  /** The detector's full reports, for the action sources that build on them. */
  reports: MetricDayReport[];
}

function againstExpected(report: MetricDayReport): MetricAgainstExpected {
  const j = report.judgement;
  return {
    metric: report.metric,
    words: anomalies.storeMetricWords[report.metric as anomalies.StoreMetricName] ?? report.metric,
    actual: j.actual,
    expected: j.expected,
    lower: j.lower,
    upper: j.upper !== null && Number.isFinite(j.upper) ? j.upper : null,
    relativeChange: j.relativeChange,
    flagged: j.flagged,
    direction: j.direction,
    severity: j.severity,
    note: j.note,
    explanation: report.explanation
      ? { sentence: report.explanation.sentence, dimension: report.explanation.dimension }
      : null,
  };
}

/** Yesterday (the context's day) against expected, from the insights module's anomaly detector. */
export async function yesterdayReport(db: Db, context: BriefingContext): Promise<YesterdayReport> {
  const result = await storeAnomalies(db, context.store, context.day);
  return {
    day: result.day,
    currency: result.currency,
    metrics: result.metrics.map(againstExpected),
    reports: result.metrics,
  };
}
