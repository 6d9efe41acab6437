import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateLabelledStore, meaningfulChange } from './labelled-store-series.ts';
import { storeMetricNames } from './store-metrics.ts';

const store = generateLabelledStore(1003);
const other = generateLabelledStore(1004);

import type { MetricSeries } from './metric-series.ts';

/** The counts or amounts of a count or amount series. */
const valuesOf = (series: MetricSeries): number[] => {
  assert.ok(series.kind === 'count' || series.kind === 'amount');
  return series.values as number[];
};

describe('generateLabelledStore', () => {
  it('is the same store for the same seed', () => {
    const again = generateLabelledStore(1003);
    assert.deepEqual(again.metrics.revenue.series, store.metrics.revenue.series);
    assert.deepEqual(again.incidents, store.incidents);
    assert.notDeepEqual(other.metrics.revenue.series, store.metrics.revenue.series);
  });

  it('makes a year of every metric, and breakdown values that add up to the total', () => {
    for (const name of storeMetricNames) {
      assert.equal(store.metrics[name].labels.length, 365);
    }
    const sessions = valuesOf(store.metrics.sessions.series);
    const revenue = valuesOf(store.metrics.revenue.series);
    const refunds = valuesOf(store.metrics.refunds.series);
    for (const [total, breakdowns] of [
      [sessions, store.metrics.sessions.breakdowns],
      [revenue, store.metrics.revenue.breakdowns],
      [refunds, store.metrics.refunds.breakdowns],
    ] as const) {
      for (const breakdown of breakdowns) {
        for (let day = 0; day < 365; day += 17) {
          const sum = breakdown.values.reduce((acc, { series }) => acc + valuesOf(series)[day]!, 0);
          assert.equal(sum, total[day], `${breakdown.dimension} on day ${day}`);
        }
      }
    }
    assert.deepEqual(
      store.metrics.revenue.breakdowns.map((b) => b.dimension),
      ['channel', 'campaign', 'device', 'country', 'product'],
    );
  });

  it('labels the true size of each incident and nothing outside them', () => {
    for (const seed of [1000, 1001, 1002, 1003, 1004, 1005]) {
      const generated = generateLabelledStore(seed);
      for (const incident of generated.incidents) {
        const first = incident.startDay;
        const orders = generated.metrics.orders.labels[first]!;
        const sessions = generated.metrics.sessions.labels[first]!;
        const conversion = generated.metrics.conversionRate.labels[first]!;
        const open = generated.profile.closedWeekday !== first % 7;
        if (incident.kind === 'checkout-outage' && open) {
          // Every order is hit alike: orders fall by exactly the incident's size, sessions not at all.
          assert.ok(Math.abs(orders.effect + incident.size) < 1e-9, `${orders.effect} vs −${incident.size}`);
          assert.equal(sessions.effect, 0);
        }
        if (incident.kind === 'tracking-loss') {
          // Sessions go unrecorded, orders do not: recorded conversion rises.
          assert.ok(sessions.effect < 0);
          assert.equal(orders.effect, 0);
          assert.ok(conversion.effect > 0);
        }
        assert.equal(orders.incidentId, incident.id);
      }
      // Before the first incident nothing is touched.
      for (const name of storeMetricNames) {
        for (let day = 0; day < generated.incidents[0]!.startDay; day++) {
          assert.equal(generated.metrics[name].labels[day]!.effect, 0);
        }
      }
    }
  });

  it('calls a change meaningful only when it is at least 30% and well above the day-to-day noise', () => {
    for (const name of storeMetricNames) {
      for (const label of store.metrics[name].labels) {
        if (!label.meaningful) continue;
        assert.ok(Math.abs(label.effect) >= meaningfulChange);
        assert.ok(label.effect <= -1 || Math.abs(Math.log1p(label.effect)) >= 6 * label.noise);
      }
    }
  });
});
