/**
 * Anomaly detection on daily store metrics: the public face of insights/anomalies.
 * Pure computation — callers read the daily rollups and pass them in. See docs/anomalies.md.
 */
export {
  type DayJudgement,
  type DetectionOptions,
  type Direction,
  defaultDetectionOptions,
  detectAnomalies,
  type JudgementStatus,
  type Severity,
} from './detect-anomalies.ts';
export {
  type DetectionEvaluation,
  evaluateDetection,
  judgeLabelledStore,
  type Score,
  type StoreJudgements,
} from './evaluate-detection.ts';
export {
  type BreakdownDay,
  type Contributor,
  type DimensionExplanation,
  type ExplainInput,
  type Explanation,
  explainDeviation,
  type SegmentDay,
} from './explain-deviation.ts';
export { type EsdOptions, type EsdResult, type EsdStep, generalizedEsd } from './generalized-esd.ts';
export {
  type BreakdownSeriesInput,
  judgeStoreDay,
  type MetricDayReport,
  type MetricInput,
  type SegmentJudgement,
  type StoreDayInput,
} from './judge-store-day.ts';
export {
  type DayLabel,
  generateLabelledStore,
  type LabelledStore,
  type LabelledStoreOptions,
} from './labelled-store-series.ts';
export type {
  AmountSeries,
  CountSeries,
  MeanSeries,
  MetricKind,
  MetricSeries,
  ProportionSeries,
} from './metric-series.ts';
export { STOCK_OUT_SPELL_CHANCE, type StockOutCause, withStockOutCause } from './stock-out-cause.ts';
export {
  type BreakdownDimension,
  breakdownDimensions,
  type StoreMetricName,
  storeMetricKinds,
  storeMetricNames,
  storeMetricWords,
} from './store-metrics.ts';
export type { Incident, IncidentKind } from './synthetic-incidents.ts';
