import { DateTime } from 'luxon';
import { moneyOf } from '../../../platform/money.ts';
import type { anomalies } from '../../insights/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { metricFigure } from '../metric-figure.ts';
import type { MetricAgainstExpected, YesterdayReport } from '../yesterday-report.ts';

type SegmentJudgement = anomalies.SegmentJudgement;
type DrySpell = NonNullable<anomalies.DayJudgement['drySpell']>;

/** Breakdowns the analytics screen can open on (the product explanation has its own screen). */
const screenDimensions = new Set(['channel', 'campaign', 'device', 'country']);

/** A drop in these is bad news; for refunds a rise is. */
const badWhenDown = new Set(['revenue', 'orders', 'sessions', 'conversionRate', 'averageOrderValue']);

/**
 * Money the day's change cost: revenue's own shortfall; for refunds the excess; for the other
 * metrics the share of the expected revenue their change stands for (orders −30% ≈ revenue −30%),
 * or for AOV the orders times the lost value each. An estimate, said as such on the screen.
 */
function moneyAtStake(m: MetricAgainstExpected, all: readonly MetricAgainstExpected[]): number | null {
  if (m.actual === null || m.expected === null) return null;
  if (m.metric === 'revenue') return Math.max(0, m.expected - m.actual);
  if (m.metric === 'refunds') return Math.max(0, m.actual - m.expected);
  const revenue = all.find((x) => x.metric === 'revenue');
  if (m.metric === 'averageOrderValue') {
    const orders = all.find((x) => x.metric === 'orders')?.actual ?? 0;
    return Math.max(0, (m.expected - m.actual) * orders);
  }
  if (!revenue?.expected || m.relativeChange === null) return null;
  return Math.max(0, revenue.expected * Math.min(1, -m.relativeChange));
}

/**
 * An action per flagged metric that moved the wrong way (a fall in sales, orders, sessions,
 * conversion or order value; a rise in refunds): find out why, with the explanation the detector
 * gave and the analytics screen opened on the four weeks to the day, broken down by what moved it.
 */
export function anomalyActions(report: YesterdayReport, context: BriefingContext): BriefingAction[] {
  const day = DateTime.fromISO(report.day, { zone: 'utc' });
  const from = day.minus({ days: 27 }).toISODate()!;
  const dayWords = day.setLocale('en').toFormat('cccc d LLLL');
  return report.metrics
    .filter((m) => m.flagged && m.actual !== null && m.expected !== null)
    .filter((m) => (badWhenDown.has(m.metric) ? m.direction === 'down' : m.direction === 'up'))
    .map((m): BriefingAction => {
      const change = m.relativeChange === null ? '' : ` ${Math.round(Math.abs(m.relativeChange) * 100)}%`;
      const moved = m.direction === 'down' ? 'fell' : 'rose';
      const band =
        m.lower !== null && m.upper !== null
          ? ` (usual range ${metricFigure(m.metric, m.lower, report.currency)}–${metricFigure(m.metric, m.upper, report.currency)})`
          : '';
      const stake = moneyAtStake(m, report.metrics);
      const dimension = m.explanation?.dimension;
      const search = new URLSearchParams({ range: 'custom', from, to: report.day });
      if (dimension && screenDimensions.has(dimension)) search.set('dimension', dimension);
      return {
        kind: 'anomaly',
        urgency: m.severity === 'high' ? 'now' : 'today',
        title: `Find out why ${m.words} ${moved}${change} on ${dayWords}`,
        detail:
          `${metricFigure(m.metric, m.actual!, report.currency)} against ${metricFigure(m.metric, m.expected!, report.currency)} expected${band}.` +
          (m.explanation ? ` ${m.explanation.sentence}` : ''),
        link: `${adminPath(context.store.handle, 'analytics')}?${search}`,
        atStake: stake === null ? null : moneyOf(Math.round(stake), report.currency),
      };
    });
}

/**
 * A best seller that sold nothing when it was expected to sell — its own revenue or orders flagged
 * low at zero, on the day or over a run of empty days (a dry spell, docs/anomalies.md): out of
 * stock, unpublished or a broken page. A day of its expected sales is at stake (each further day
 * loses as much); the link opens the inventory filtered on its name, where its stock and reorder are.
 * When the inventory says it was out of stock, the action says so ("Restock …"), and a reader of
 * the briefing's stock part gets it there instead, as a reorder with its purchase order.
 */
export function stoppedSellerActions(report: YesterdayReport, context: BriefingContext): BriefingAction[] {
  const productSegments = (metric: string) =>
    report.reports.find((r) => r.metric === metric)?.segments.filter((s) => s.dimension === 'product') ?? [];
  const revenue = productSegments('revenue');
  const stopped = (s: SegmentJudgement) =>
    s.judgement.flagged &&
    s.judgement.direction === 'down' &&
    s.judgement.actual === 0 &&
    (s.judgement.expected ?? 0) > 0;
  const names = new Set([...revenue, ...productSegments('orders')].filter(stopped).map((s) => s.value));
  return [...names].flatMap((name): BriefingAction[] => {
    const sales = revenue.find((s) => s.value === name)?.judgement;
    if (!sales?.expected || sales.actual !== 0) return [];
    const orders = productSegments('orders').find((s) => s.value === name)?.judgement;
    const words = (date: string) =>
      DateTime.fromISO(date, { zone: 'utc' }).setLocale('en').toFormat('cccc d LLLL');
    const perDay = metricFigure('revenue', sales.expected, report.currency);
    const link = `${adminPath(context.store.handle, 'inventory')}?${new URLSearchParams({ q: name })}`;
    const atStake = moneyOf(Math.round(sales.expected), report.currency);
    const stockOut = sales.stockOut ?? orders?.stockOut;
    if (stockOut) {
      // A reader of the stock part has it among the reorders, with the purchase order ready.
      if (context.permissions.has('purchasing:read')) return [];
      return [
        {
          kind: 'anomaly',
          urgency: 'today',
          title: `Restock ${name}: out of stock since ${words(stockOut.since)}`,
          detail: `It usually sells about ${perDay} a day and has sold nothing since it ran out.`,
          link,
          atStake,
        },
      ];
    }
    const spell = [sales, orders]
      .map((j) => j?.drySpell)
      .reduce((longest, x) => (x && x.days > (longest?.days ?? 1) ? x : longest), null as DrySpell | null);
    const spellDays = spell?.days ?? 1;
    return [
      {
        kind: 'anomaly',
        urgency: 'today',
        title:
          spellDays > 1
            ? `Find out why ${name} has sold nothing for ${spellDays} days`
            : `Find out why ${name} sold nothing on ${words(report.day)}`,
        detail: `It usually sells about ${perDay} a day${spell && spellDays > 1 ? `, and has sold nothing since ${words(spell.from)}` : ''}: check its stock, its page and whether it is still published.`,
        link,
        atStake,
      },
    ];
  });
}
