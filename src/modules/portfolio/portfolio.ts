import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import { listStoresForUser, roleGrants, type Store } from '../access/index.ts';
import {
  dailyMeasuresOfSlices,
  type Measures,
  type Period,
  periodsOf,
  sliceKey,
} from '../analytics/index.ts';
import { currentGoalsOfStores, type PaceStatus } from '../goals/index.ts';
import { anomalyCountsOfStores } from '../insights/index.ts';
import { type ReportingConverter, reportingConverters } from '../markets/index.ts';

export const portfolioQuery = z
  .object({
    /** The reporting currency; the first store's base currency when left out. */
    currency: z
      .string()
      .transform((c) => c.toUpperCase())
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();

export interface Kpi {
  value: number | null;
  previous: number | null;
  /** (value − previous) ÷ |previous|; null without a base. */
  change: number | null;
}

export interface PortfolioStore {
  store: { id: string; handle: string; name: string; baseCurrency: string; timezone: string };
  role: string;
  /** False when the store has no rate to the reporting currency: its money figures are null. */
  converted: boolean;
  kpis: { netSales: Kpi; orders: Kpi; sessions: Kpi; conversionRate: Kpi; averageOrderValue: Kpi };
  /** Net sales per day of the period, in the reporting currency (null when not converted). */
  trend: { day: string; netSales: number | null }[];
  anomalies: { day: string; flagged: string[] };
  goals: Record<'on_pace' | 'at_risk' | 'behind', number>;
}

export interface Portfolio {
  currency: string;
  period: Period;
  comparison: Period;
  stores: PortfolioStore[];
  /** Sums over the stores that could be converted (the others are named in `unconverted`). */
  totals: PortfolioStore['kpis'];
  trend: { day: string; netSales: number }[];
  unconverted: string[];
}

/** Sums of a period in the reporting currency (money) and counts. */
interface Sums {
  netSales: number;
  sales: number;
  orders: number;
  sessions: number;
  purchaseSessions: number;
}

const zero = (): Sums => ({ netSales: 0, sales: 0, orders: 0, sessions: 0, purchaseSessions: 0 });
const change = (value: number | null, previous: number | null) =>
  value === null || previous === null || previous === 0 ? null : (value - previous) / Math.abs(previous);
const kpi = (value: number | null, previous: number | null): Kpi => ({
  value,
  previous,
  change: change(value, previous),
});

function kpisOf(now: Sums, before: Sums, money: boolean): PortfolioStore['kpis'] {
  const aov = (s: Sums) => (s.orders === 0 ? null : Math.round(s.sales / s.orders));
  const conversion = (s: Sums) => (s.sessions === 0 ? null : s.purchaseSessions / s.sessions);
  return {
    netSales: money ? kpi(now.netSales, before.netSales) : kpi(null, null),
    orders: kpi(now.orders, before.orders),
    sessions: kpi(now.sessions, before.sessions),
    conversionRate: kpi(conversion(now), conversion(before)),
    averageOrderValue: money ? kpi(aov(now), aov(before)) : kpi(null, null),
  };
}

function daysOf(period: Period): string[] {
  const first = DateTime.fromISO(period.from, { zone: 'utc' });
  return Array.from({ length: period.days }, (_, i) => first.plus({ days: i }).toISODate()!);
}

function sumsOver(
  days: readonly string[],
  measuresOn: (day: string) => Measures | undefined,
  convert: ReportingConverter | undefined,
  trend?: { day: string; netSales: number | null }[],
): Sums {
  const sums = zero();
  for (const day of days) {
    const m = measuresOn(day);
    const net = m ? m.grossSales - m.discounts - m.refunds : 0;
    const converted = convert ? convert(net, day) : null;
    trend?.push({ day, netSales: converted });
    if (!m) continue;
    if (convert) {
      sums.netSales += converted!;
      sums.sales += convert(m.grossSales - m.discounts, day);
    }
    sums.orders += m.orders;
    sums.sessions += m.sessions;
    sums.purchaseSessions += m.purchaseSessions;
  }
  return sums;
}

/**
 * Every store the user belongs to with a role that may read analytics: the period's key figures
 * against the period before, a daily net-sales trend, yesterday's flagged metrics and the current
 * goals' pacing, money in one reporting currency (docs/portfolio.md). A fixed number of statements
 * whatever the number of stores: memberships, rollups, rates, anomaly history, goals.
 */
export async function portfolio(
  db: Db,
  userId: string,
  query: z.output<typeof portfolioQuery>,
): Promise<Portfolio> {
  const memberships = (await listStoresForUser(db, userId)).filter((m) =>
    roleGrants(m.role, 'analytics:read'),
  );
  const currency = query.currency ?? memberships[0]?.store.baseCurrency ?? 'EUR';
  if (!isCurrencyCode(currency))
    throw badRequest('invalid_currency', 'Not an ISO 4217 currency code.', { currency });
  const to = query.to ?? DateTime.utc().minus({ days: 1 }).toISODate()!;
  const from = query.from ?? DateTime.fromISO(to, { zone: 'utc' }).minus({ days: 27 }).toISODate()!;
  const { current, comparison } = periodsOf({ from, to, compare: 'previous_period' });
  const stores: Store[] = memberships.map((m) => m.store);
  const [measures, converters, anomalies, goals] = await Promise.all([
    dailyMeasuresOfSlices(
      db,
      stores.map((s) => ({ storeId: s.id, dimension: 'all', value: '' })),
      comparison!.from,
      current.to,
    ),
    reportingConverters(db, stores, currency, current.to),
    anomalyCountsOfStores(db, stores),
    currentGoalsOfStores(db, stores),
  ]);
  const currentDays = daysOf(current);
  const previousDays = daysOf(comparison!);
  const total = { now: zero(), before: zero() };
  const totalTrend = currentDays.map((day) => ({ day, netSales: 0 }));
  const unconverted: string[] = [];
  const rows = memberships.map(({ store, role }): PortfolioStore => {
    const days = measures.get(sliceKey({ storeId: store.id, dimension: 'all', value: '' }));
    const on = (day: string) => days?.get(day);
    const convert = converters.get(store.id);
    const trend: { day: string; netSales: number | null }[] = [];
    const now = sumsOver(currentDays, on, convert, trend);
    const before = sumsOver(previousDays, on, convert);
    if (convert) {
      for (const key of Object.keys(now) as (keyof Sums)[]) {
        total.now[key] += now[key];
        total.before[key] += before[key];
      }
      trend.forEach((t, i) => {
        totalTrend[i]!.netSales += t.netSales ?? 0;
      });
    } else unconverted.push(store.id);
    const paced = goals.filter((g) => g.goal.storeId === store.id);
    const count = (status: PaceStatus) => paced.filter((g) => g.pace.status === status).length;
    return {
      store: {
        id: store.id,
        handle: store.handle,
        name: store.name,
        baseCurrency: store.baseCurrency,
        timezone: store.timezone,
      },
      role,
      converted: convert !== undefined,
      kpis: kpisOf(now, before, convert !== undefined),
      trend,
      anomalies: anomalies.get(store.id) ?? { day: '', flagged: [] },
      goals: { on_pace: count('on_pace'), at_risk: count('at_risk'), behind: count('behind') },
    };
  });
  return {
    currency,
    period: current,
    comparison: comparison!,
    stores: rows,
    totals: kpisOf(total.now, total.before, true),
    trend: totalTrend,
    unconverted,
  };
}
