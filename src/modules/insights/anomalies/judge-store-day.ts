/**
 * The morning run for one store: judge the latest day of every key metric, overall and per
 * breakdown value, and explain each flagged overall metric by its breakdowns. This is what the daily
 * briefing calls with the rollups it has read; it does no I/O itself.
 *
 * Feed each series the same span of history every morning (about 120 days: the 84-day window plus
 * room for the flagged-day bookkeeping to settle): a day's judgement depends only on the days
 * before it, and the exclusion of earlier flagged days is replayed from the first day given.
 */
import { type DayJudgement, type DetectionOptions, detectAnomalies } from './detect-anomalies.ts';
import {
  type BreakdownDay,
  type Explanation,
  explainDeviation,
  type SegmentDay,
} from './explain-deviation.ts';
import type { MetricSeries } from './metric-series.ts';
import { seriesLength } from './metric-series.ts';

export interface SegmentSeries {
  value: string;
  series: MetricSeries;
}

export interface BreakdownSeriesInput {
  dimension: string;
  values: SegmentSeries[];
}

export interface MetricInput {
  /** Identifier, e.g. 'sessions', 'conversionRate'. */
  metric: string;
  /** Words for sentences, e.g. 'conversion rate' (default: the identifier). */
  words?: string;
  series: MetricSeries;
  breakdowns: BreakdownSeriesInput[];
}

export interface StoreDayInput {
  metrics: MetricInput[];
  /** ISO 4217 code for amounts and means in sentences. */
  currency?: string;
  locale?: string;
  options?: DetectionOptions;
  /** Index of the day to judge in every series (default: each series' last day). */
  day?: number;
}

export interface SegmentJudgement {
  dimension: string;
  value: string;
  judgement: DayJudgement;
}

export interface MetricDayReport {
  metric: string;
  judgement: DayJudgement;
  /** Every breakdown value's own judgement of the day (they can be flagged on their own). */
  segments: SegmentJudgement[];
  /** For a flagged overall metric: what moved it. */
  explanation: Explanation | null;
}

function segmentDay(series: MetricSeries, judgement: DayJudgement, day: number): SegmentDay {
  const segment: SegmentDay = {
    value: '',
    actual: judgement.actual ?? 0,
    // A value too new to have a baseline, or closed that weekday, was expected at nothing.
    expected: judgement.expected ?? 0,
  };
  if (series.kind === 'proportion' || series.kind === 'mean') {
    segment.denominator = series.denominators[day] ?? 0;
    segment.expectedDenominator = judgement.expectedDenominator ?? 0;
  }
  return segment;
}

export function judgeStoreDay(input: StoreDayInput): MetricDayReport[] {
  return input.metrics.map((metric) => {
    const overallDays = seriesLength(metric.series);
    const day = input.day ?? overallDays - 1;
    const judgement = detectAnomalies(metric.series, input.options)[day]!;
    const segments: SegmentJudgement[] = [];
    const breakdowns: BreakdownDay[] = metric.breakdowns.map((breakdown) => ({
      dimension: breakdown.dimension,
      segments: breakdown.values.map(({ value, series }) => {
        const segmentDayIndex = input.day ?? seriesLength(series) - 1;
        const segmentJudgement = detectAnomalies(series, input.options)[segmentDayIndex]!;
        segments.push({ dimension: breakdown.dimension, value, judgement: segmentJudgement });
        return { ...segmentDay(series, segmentJudgement, segmentDayIndex), value };
      }),
    }));
    const explanation =
      judgement.flagged && judgement.actual !== null && judgement.expected !== null
        ? explainDeviation({
            metric: metric.words ?? metric.metric,
            kind: metric.series.kind,
            actual: judgement.actual,
            expected: judgement.expected,
            breakdowns,
            currency: input.currency,
            locale: input.locale,
          })
        : null;
    return { metric: metric.metric, judgement, segments, explanation };
  });
}
