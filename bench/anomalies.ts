// `node --import tsx bench/anomalies.ts`: how well the daily anomaly detector
// (src/modules/insights/anomalies) finds incidents, on labelled synthetic store-years it was not
// tuned on, and how long the morning run takes for one store.
//
// - detection: BENCH_STORES store-years (seeds 20000…; the tests use 1000–1049), each with about 8
//   injected incidents; precision, recall and F1 per metric over metric-days, recall by the size of
//   the true change, incidents caught, false alarms per metric per year. A labelled day is
//   "meaningful" when its true change is ≥ 30%, ≥ 6× the metric's normal spread that day and ≥ 4
//   Poisson standard deviations of its events (docs/anomalies.md).
// - explanation: on the first BENCH_EXPLAIN_STORES stores, every caught meaningful metric-day during
//   an incident with a known source: does the explanation name that source (a campaign's channel
//   counts), or call a site-wide incident site-wide?
// - time: judgeStoreDay on 120 days of history for one store, 6 metrics × their breakdowns (channel,
//   campaign, device, country, and product where a metric has one).
// Prints figures; asserts nothing. Options: BENCH_STORES=n (500), BENCH_EXPLAIN_STORES=n (50).
import {
  type DayJudgement,
  detectAnomalies,
  evaluateDetection,
  explainDeviation,
  generateLabelledStore,
  judgeLabelledStore,
  judgeStoreDay,
  type LabelledStore,
  type MetricInput,
  type MetricSeries,
  type SegmentDay,
  type StoreJudgements,
  type StoreMetricName,
  storeMetricNames,
  storeMetricWords,
} from '../src/modules/insights/anomalies/index.ts';
import { dateOfDay, startEpochMs } from '../src/modules/insights/anomalies/metric-series.ts';

const storeCount = Number(process.env.BENCH_STORES ?? 500);
const explainStoreCount = Math.min(storeCount, Number(process.env.BENCH_EXPLAIN_STORES ?? 50));
const firstSeed = 20_000;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const fixed = (value: number) => value.toFixed(3);

// ── detection ────────────────────────────────────────────────────────────────────────────────
let started = performance.now();
const stores: LabelledStore[] = [];
for (let i = 0; i < storeCount; i++) stores.push(generateLabelledStore(firstSeed + i));
const generateMs = performance.now() - started;
started = performance.now();
const judged: StoreJudgements[] = stores.map((store) => judgeLabelledStore(store));
const judgeMs = performance.now() - started;
const result = evaluateDetection(judged);

console.log(
  `${storeCount} store-years generated in ${(generateMs / 1000).toFixed(1)} s, judged in ${(judgeMs / 1000).toFixed(1)} s ` +
    `(${(judgeMs / storeCount).toFixed(0)} ms per store-year, 6 metrics); ${result.judgedDays.toLocaleString('en')} metric-days judged\n`,
);
console.log('| metric | precision | recall | F1 | caught | false alarms | missed |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, score] of [...Object.entries(result.byMetric), ['all metrics', result.overall]] as const) {
  console.log(
    `| ${name} | ${fixed(score.precision)} | ${fixed(score.recall)} | ${fixed(score.f1)} | ${score.truePositives} | ${score.falsePositives} | ${score.falseNegatives} |`,
  );
}
console.log('\n| true change on a meaningful day | caught | missed | recall |');
console.log('|---|---|---|---|');
for (const bucket of result.bySize) {
  console.log(`| ${bucket.label} | ${bucket.caught} | ${bucket.missed} | ${fixed(bucket.recall)} |`);
}
console.log(
  `| ≥ 30% but within 6× the noise (not counted above) | ${result.belowNoise.caught} | ${result.belowNoise.missed} | ${fixed(result.belowNoise.recall)} |`,
);
console.log(
  `\nincidents with a meaningful day: ${result.incidents.total}, caught on at least one metric-day: ${result.incidents.caught} (${percent(result.incidents.recall)})`,
);
console.log(
  `false alarms: ${result.falseAlarmsPerMetricYear.toFixed(3)} per metric per year, ${(result.falseAlarmsPerMetricYear * 6).toFixed(2)} per store per year over the 6 metrics`,
);

// ── explanation ──────────────────────────────────────────────────────────────────────────────
function segmentDay(series: MetricSeries, judgement: DayJudgement, day: number): Omit<SegmentDay, 'value'> {
  const segment: Omit<SegmentDay, 'value'> = {
    actual: judgement.actual ?? 0,
    expected: judgement.expected ?? 0,
  };
  if (series.kind === 'proportion' || series.kind === 'mean') {
    segment.denominator = series.denominators[day] ?? 0;
    segment.expectedDenominator = judgement.expectedDenominator ?? 0;
  }
  return segment;
}

started = performance.now();
const explained = new Map<string, { right: number; total: number }>();
const wrongExamples: string[] = [];
for (const { store, judgements } of judged.slice(0, explainStoreCount)) {
  const segmentJudgements = new Map<StoreMetricName, DayJudgement[][][]>();
  for (const incident of store.incidents) {
    for (let day = incident.startDay; day < incident.startDay + incident.days; day++) {
      for (const name of storeMetricNames) {
        const label = store.metrics[name].labels[day]!;
        const judgement = judgements[name][day]!;
        if (!label.meaningful || !judgement.flagged) continue;
        const metric = store.metrics[name];
        if (!segmentJudgements.has(name)) {
          segmentJudgements.set(
            name,
            metric.breakdowns.map((breakdown) =>
              breakdown.values.map(({ series }) => detectAnomalies(series)),
            ),
          );
        }
        const perSegment = segmentJudgements.get(name)!;
        const explanation = explainDeviation({
          metric: storeMetricWords[name],
          kind: metric.series.kind,
          actual: judgement.actual!,
          expected: judgement.expected!,
          currency: store.currency,
          breakdowns: metric.breakdowns.map((breakdown, b) => ({
            dimension: breakdown.dimension,
            segments: breakdown.values.map(({ value, series }, v) => ({
              value,
              ...segmentDay(series, perSegment[b]![v]![day]!, day),
            })),
          })),
        });
        const source = incident.source;
        const top = explanation.contributors[0];
        const channelOfSource = store.profile.sources.find((s) => s.campaign === source?.value)?.channel;
        const right =
          source === null
            ? explanation.dimension === null
            : top !== undefined &&
              ((explanation.dimension === source.dimension && top.value === source.value) ||
                (source.dimension === 'campaign' &&
                  explanation.dimension === 'channel' &&
                  top.value === channelOfSource));
        const tally = explained.get(incident.kind) ?? { right: 0, total: 0 };
        tally.total++;
        if (right) tally.right++;
        else if (wrongExamples.length < 5)
          wrongExamples.push(`${incident.description} → ${explanation.sentence}`);
        explained.set(incident.kind, tally);
      }
    }
  }
}
const explainMs = performance.now() - started;
const allExplained = [...explained.values()].reduce(
  (sum, t) => ({ right: sum.right + t.right, total: sum.total + t.total }),
  {
    right: 0,
    total: 0,
  },
);
console.log(
  `\nexplanations of caught meaningful days (${explainStoreCount} stores, ${(explainMs / 1000).toFixed(1)} s): ` +
    `${allExplained.right} / ${allExplained.total} name the incident's source (${percent(allExplained.right / Math.max(1, allExplained.total))})`,
);
console.log('| incident | right | explained days |');
console.log('|---|---|---|');
for (const [kind, tally] of [...explained.entries()].sort())
  console.log(`| ${kind} | ${tally.right} | ${tally.total} |`);
if (wrongExamples.length > 0) console.log(`examples of misses:\n  ${wrongExamples.join('\n  ')}`);

// ── time for one store's morning ─────────────────────────────────────────────────────────────
function lastDays(series: MetricSeries, days: number): MetricSeries {
  const total =
    series.kind === 'count' || series.kind === 'amount' ? series.values.length : series.numerators.length;
  const from = Math.max(0, total - days);
  const start = dateOfDay(startEpochMs(series.start), from);
  switch (series.kind) {
    case 'count':
      return { ...series, start, values: series.values.slice(from) };
    case 'amount':
      return { ...series, start, values: series.values.slice(from), units: series.units?.slice(from) };
    default:
      return {
        ...series,
        start,
        numerators: series.numerators.slice(from),
        denominators: series.denominators.slice(from),
      };
  }
}

function morningInput(store: LabelledStore): MetricInput[] {
  return storeMetricNames.map((name) => ({
    metric: name,
    words: storeMetricWords[name],
    series: lastDays(store.metrics[name].series, 120),
    breakdowns: store.metrics[name].breakdowns.map((breakdown) => ({
      dimension: breakdown.dimension,
      values: breakdown.values.map(({ value, series }) => ({ value, series: lastDays(series, 120) })),
    })),
  }));
}

const timingStores = stores.slice(0, 20);
const inputs = timingStores.map(morningInput);
const seriesPerStore = inputs[0]!.reduce(
  (sum, metric) => sum + 1 + metric.breakdowns.reduce((acc, breakdown) => acc + breakdown.values.length, 0),
  0,
);
judgeStoreDay({ metrics: inputs[0]!, currency: 'EUR' }); // warm-up
const times: number[] = [];
for (const metrics of inputs) {
  const t = performance.now();
  judgeStoreDay({ metrics, currency: 'EUR' });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `\njudge one day for one store (judgeStoreDay, 120 days of history, 6 metrics, ${seriesPerStore} series with the breakdown values): ` +
    `median ${times[times.length >> 1]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms over ${times.length} stores`,
);
