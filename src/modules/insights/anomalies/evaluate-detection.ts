/**
 * Precision and recall of the detector against labelled series, per metric-day.
 *
 * - true positive: a flagged day whose label is meaningful and in the same direction;
 * - false negative: a meaningful labelled day not flagged (or flagged the wrong way);
 * - false positive: a flagged day the incidents did not touch at all for that metric;
 * - ignored: days touched by an incident but not meaningfully (a real but small change: flagging it
 *   is not a false alarm, missing it is not a miss), and days not judged (the first four weeks,
 *   closed weekdays).
 * An incident is caught when at least one of its meaningful metric-days is flagged.
 */
import { type DayJudgement, type DetectionOptions, detectAnomalies } from './detect-anomalies.ts';
import type { LabelledStore } from './labelled-store-series.ts';
import { type StoreMetricName, storeMetricNames } from './store-metrics.ts';

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SizeBucket {
  label: string;
  /** Relative change range of the labelled days in this bucket, [lowest, highest). */
  lowest: number;
  highest: number;
  caught: number;
  missed: number;
  recall: number;
}

export interface DetectionEvaluation {
  overall: Score;
  byMetric: Record<StoreMetricName, Score>;
  /** Recall of meaningful days by the size of the true change. */
  bySize: SizeBucket[];
  /** Labelled days with a change ≥ 30% that are too small against the noise to be meaningful. */
  belowNoise: { caught: number; missed: number; recall: number };
  incidents: { total: number; caught: number; recall: number };
  judgedDays: number;
  /** False alarms per metric per 365 judged days. */
  falseAlarmsPerMetricYear: number;
}

export interface StoreJudgements {
  store: LabelledStore;
  judgements: Record<StoreMetricName, DayJudgement[]>;
}

const sizeBuckets: Omit<SizeBucket, 'caught' | 'missed' | 'recall'>[] = [
  { label: 'drop 30–50%', lowest: -0.5, highest: -0.3 },
  { label: 'drop 50–80%', lowest: -0.8, highest: -0.5 },
  { label: 'drop 80–100%', lowest: -1.0001, highest: -0.8 },
  { label: 'rise 30–100%', lowest: 0.3, highest: 1 },
  { label: 'rise 100%+', lowest: 1, highest: Number.POSITIVE_INFINITY },
];

export function judgeLabelledStore(store: LabelledStore, options: DetectionOptions = {}): StoreJudgements {
  const judgements = {} as Record<StoreMetricName, DayJudgement[]>;
  for (const name of storeMetricNames)
    judgements[name] = detectAnomalies(store.metrics[name].series, options);
  return { store, judgements };
}

function scoreOf(truePositives: number, falsePositives: number, falseNegatives: number): Score {
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export function evaluateDetection(judged: readonly StoreJudgements[]): DetectionEvaluation {
  const counts = Object.fromEntries(
    storeMetricNames.map((name) => [name, { tp: 0, fp: 0, fn: 0 }]),
  ) as Record<StoreMetricName, { tp: number; fp: number; fn: number }>;
  const buckets = sizeBuckets.map((bucket) => ({ ...bucket, caught: 0, missed: 0 }));
  const belowNoise = { caught: 0, missed: 0 };
  let incidentsTotal = 0;
  let incidentsCaught = 0;
  let judgedDays = 0;

  for (const { store, judgements } of judged) {
    const caughtIncidents = new Set<string>();
    const meaningfulIncidents = new Set<string>();
    for (const name of storeMetricNames) {
      const labels = store.metrics[name].labels;
      judgements[name].forEach((judgement, day) => {
        if (judgement.status !== 'judged') return;
        judgedDays++;
        const label = labels[day]!;
        const labelDirection = label.effect > 0 ? 'up' : 'down';
        const caught = judgement.flagged && judgement.direction === labelDirection;
        if (label.meaningful) {
          if (label.incidentId) meaningfulIncidents.add(label.incidentId);
          if (caught) {
            counts[name].tp++;
            if (label.incidentId) caughtIncidents.add(label.incidentId);
          } else {
            counts[name].fn++;
            if (judgement.flagged) counts[name].fp++;
          }
          const bucket = buckets.find((b) => label.effect >= b.lowest && label.effect < b.highest);
          if (bucket) caught ? bucket.caught++ : bucket.missed++;
        } else if (label.effect === 0) {
          if (judgement.flagged) counts[name].fp++;
        } else if (Math.abs(label.effect) >= 0.3) {
          caught ? belowNoise.caught++ : belowNoise.missed++;
        }
      });
    }
    incidentsTotal += meaningfulIncidents.size;
    incidentsCaught += [...meaningfulIncidents].filter((id) => caughtIncidents.has(id)).length;
  }

  const byMetric = Object.fromEntries(
    storeMetricNames.map((name) => [name, scoreOf(counts[name].tp, counts[name].fp, counts[name].fn)]),
  ) as Record<StoreMetricName, Score>;
  const sum = (key: 'tp' | 'fp' | 'fn') => storeMetricNames.reduce((acc, name) => acc + counts[name][key], 0);
  const rate = (caught: number, missed: number) => (caught + missed === 0 ? 1 : caught / (caught + missed));
  return {
    overall: scoreOf(sum('tp'), sum('fp'), sum('fn')),
    byMetric,
    bySize: buckets.map((bucket) => ({ ...bucket, recall: rate(bucket.caught, bucket.missed) })),
    belowNoise: { ...belowNoise, recall: rate(belowNoise.caught, belowNoise.missed) },
    incidents: {
      total: incidentsTotal,
      caught: incidentsCaught,
      recall: rate(incidentsCaught, incidentsTotal - incidentsCaught),
    },
    judgedDays,
    falseAlarmsPerMetricYear: judgedDays === 0 ? 0 : (sum('fp') / judgedDays) * 365,
  };
}
