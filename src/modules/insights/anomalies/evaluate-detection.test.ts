import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DayJudgement } from './detect-anomalies.ts';
import { evaluateDetection, judgeLabelledStore, type StoreJudgements } from './evaluate-detection.ts';
import { type DayLabel, generateLabelledStore, type LabelledStore } from './labelled-store-series.ts';
import { type StoreMetricName, storeMetricNames } from './store-metrics.ts';

function judged(flagged: boolean, direction: 'up' | 'down' | 'none' = 'down'): DayJudgement {
  return {
    date: '2024-01-01',
    status: 'judged',
    actual: 1,
    expected: 1,
    lower: 0,
    upper: 2,
    z: 0,
    tailProbability: null,
    relativeChange: 0,
    flagged,
    direction,
    severity: flagged ? 'high' : 'none',
    note: null,
    expectedDenominator: null,
    drySpell: null,
  };
}

const label = (effect: number, meaningful: boolean, incidentId: string | null = null): DayLabel => ({
  effect,
  meaningful,
  incidentId,
  noise: 0.1,
});

describe('evaluateDetection', () => {
  it('counts hits, misses and false alarms per metric-day, and leaves small real changes out', () => {
    // Orders: a caught drop, a missed drop, a flag on an untouched day, a flag on a small real change
    // (ignored), a flag the wrong way on a meaningful day (a miss and a false alarm).
    const labels = [
      label(-0.6, true, 'a'),
      label(-0.5, true, 'b'),
      label(0, false),
      label(-0.1, false, 'c'),
      label(0.8, true, 'd'),
      label(0, false),
    ];
    const days = [
      judged(true),
      judged(false),
      judged(true),
      judged(true),
      judged(true, 'down'),
      judged(false),
    ];
    const quiet = labels.map(() => label(0, false));
    const store = {
      metrics: Object.fromEntries(
        storeMetricNames.map((name) => [name, { labels: name === 'orders' ? labels : quiet }]),
      ),
    } as unknown as LabelledStore;
    const judgements = Object.fromEntries(
      storeMetricNames.map((name) => [name, name === 'orders' ? days : quiet.map(() => judged(false))]),
    ) as Record<StoreMetricName, DayJudgement[]>;
    const result = evaluateDetection([{ store, judgements } satisfies StoreJudgements]);
    assert.deepEqual(
      {
        tp: result.byMetric.orders.truePositives,
        fp: result.byMetric.orders.falsePositives,
        fn: result.byMetric.orders.falseNegatives,
      },
      { tp: 1, fp: 2, fn: 2 },
    );
    assert.equal(result.overall.precision, 1 / 3);
    assert.equal(result.overall.recall, 1 / 3);
    assert.deepEqual(result.incidents, { total: 3, caught: 1, recall: 1 / 3 });
    assert.equal(result.judgedDays, 36);
  });

  it('reaches precision and recall ≥ 0.9 on 50 labelled store-years (seeds 1000–1049)', () => {
    // Meaningful incidents: a change of at least 30% on the day, at least 6× the metric's normal
    // day-to-day spread and 4 Poisson standard deviations of its events (labelled-store-series.ts).
    const stores = Array.from({ length: 50 }, (_, i) => judgeLabelledStore(generateLabelledStore(1000 + i)));
    const result = evaluateDetection(stores);
    assert.ok(
      result.overall.truePositives > 300,
      `only ${result.overall.truePositives} meaningful days found`,
    );
    assert.ok(result.overall.precision >= 0.9, `precision ${result.overall.precision}`);
    assert.ok(result.overall.recall >= 0.9, `recall ${result.overall.recall}`);
    assert.ok(result.incidents.recall >= 0.9, `incident recall ${result.incidents.recall}`);
    for (const name of ['sessions', 'orders', 'revenue', 'conversionRate'] as const) {
      assert.ok(result.byMetric[name].recall >= 0.9, `${name} recall ${result.byMetric[name].recall}`);
    }
    assert.ok(result.falseAlarmsPerMetricYear < 0.2, `false alarms ${result.falseAlarmsPerMetricYear}`);
  });

  it('a store the size of the demo (about 2 orders a day) gets almost no false alarms', () => {
    const stores = Array.from({ length: 20 }, (_, i) =>
      judgeLabelledStore(generateLabelledStore(5000 + i, { incidentsPerYear: 0, sessionsPerDay: 150 })),
    );
    const result = evaluateDetection(stores);
    // Fewer than one false alarm per store per year over all six metrics.
    assert.ok(
      result.falseAlarmsPerMetricYear * 6 < 1,
      `false alarms per store-year ${result.falseAlarmsPerMetricYear * 6}`,
    );
    assert.equal(result.overall.truePositives + result.overall.falseNegatives, 0);
  });
});
