import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { judgeStoreDay, type MetricInput } from './judge-store-day.ts';

// 120 days of a store with three channels and two devices; on the last day Paid Search (half the
// traffic) stops. Orders follow sessions at 2%.
function store(): { sessions: MetricInput; conversion: MetricInput } {
  const random = seededRandom(99);
  const channels = [
    ['Organic Search', 1500],
    ['Paid Search', 2500],
    ['Email', 1000],
  ] as const;
  const devices = [
    ['mobile', 0.6],
    ['desktop', 0.4],
  ] as const;
  const days = 120;
  const cells = channels.map(([, level]) =>
    devices.map(([, share]) =>
      Array.from({ length: days }, () => random.poisson(level * share * Math.exp(0.05 * random.normal()))),
    ),
  );
  for (const cell of cells[1]!) cell[days - 1] = Math.round(cell[days - 1]! * 0.03);
  const orders = cells.map((row) =>
    row.map((cell) => cell.map((sessions) => random.poisson(sessions * 0.02))),
  );
  const sum = (lists: number[][]) =>
    lists[0]!.map((_, day) => lists.reduce((acc, list) => acc + list[day]!, 0));
  const start = '2024-03-01';
  const sessionsBy = {
    channel: channels.map(([name], c) => ({ value: name, values: sum(cells[c]!) })),
    device: devices.map(([name], d) => ({ value: name, values: sum(cells.map((row) => row[d]!)) })),
  };
  const ordersBy = {
    channel: channels.map(([name], c) => ({ value: name, values: sum(orders[c]!) })),
    device: devices.map(([name], d) => ({ value: name, values: sum(orders.map((row) => row[d]!)) })),
  };
  const totalSessions = sum(cells.flat());
  const totalOrders = sum(orders.flat());
  return {
    sessions: {
      metric: 'sessions',
      series: { kind: 'count', start, values: totalSessions },
      breakdowns: (['channel', 'device'] as const).map((dimension) => ({
        dimension,
        values: sessionsBy[dimension].map(({ value, values }) => ({
          value,
          series: { kind: 'count', start, values },
        })),
      })),
    },
    conversion: {
      metric: 'conversionRate',
      words: 'conversion rate',
      series: { kind: 'proportion', start, numerators: totalOrders, denominators: totalSessions },
      breakdowns: (['channel', 'device'] as const).map((dimension) => ({
        dimension,
        values: ordersBy[dimension].map(({ value, values }, i) => ({
          value,
          series: {
            kind: 'proportion',
            start,
            numerators: values,
            denominators: sessionsBy[dimension][i]!.values,
          },
        })),
      })),
    },
  };
}

describe('judgeStoreDay', () => {
  it('flags the day Paid Search stopped, explains it by that channel, and leaves conversion alone', () => {
    const { sessions, conversion } = store();
    const [sessionsReport, conversionReport] = judgeStoreDay({ metrics: [sessions, conversion] });
    assert.equal(sessionsReport!.judgement.date, '2024-06-28');
    assert.equal(sessionsReport!.judgement.flagged, true);
    assert.equal(sessionsReport!.judgement.direction, 'down');
    const explanation = sessionsReport!.explanation!;
    assert.equal(explanation.dimension, 'channel');
    assert.equal(explanation.contributors[0]!.value, 'Paid Search');
    assert.ok(explanation.contributors[0]!.changePct! < -0.9);
    assert.match(explanation.sentence, /^Sessions −4\d% \(.+ expected\), mostly from channel Paid Search −/);
    // The channel's own series is flagged too; Email's is not.
    const segment = (value: string) => sessionsReport!.segments.find((s) => s.value === value)!.judgement;
    assert.equal(segment('Paid Search').flagged, true);
    assert.equal(segment('Email').flagged, false);
    assert.equal(sessionsReport!.segments.length, 5);
    // Orders fell with sessions, so the conversion rate did not move.
    assert.equal(conversionReport!.judgement.flagged, false);
    assert.equal(conversionReport!.explanation, null);
  });

  it('judges an earlier day when asked, using nothing after it', () => {
    const { sessions } = store();
    const [report] = judgeStoreDay({ metrics: [sessions], day: 100 });
    assert.equal(report!.judgement.date, '2024-06-09');
    assert.equal(report!.judgement.flagged, false);
    assert.equal(report!.explanation, null);
  });
});
