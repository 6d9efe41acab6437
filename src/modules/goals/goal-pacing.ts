import { inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import {
  type CategorySales,
  dailyCategorySales,
  dailyMeasuresOfSlices,
  type Measures,
  type StoreSlice,
  sliceKey,
} from '../analytics/index.ts';
import { loadStoreCategories, subtreeIds } from '../catalog/index.ts';
import { storeDay } from '../markets/index.ts';
import type { Goal } from './goals.ts';
import { listGoals } from './goals.ts';
import { historyDays } from './pacing/daily-series-model.ts';
import { type Pace, paceGoal } from './pacing/pace-goal.ts';
import { type GoalMetric, goals as goalsTable } from './schema.ts';

export type PacingStore = Pick<Store, 'id' | 'timezone' | 'baseCurrency'>;

export interface GoalPacing {
  goal: Goal;
  currency: string;
  /** The store day pacing was worked out on: days before it are actual, it and later forecast. */
  today: string;
  totalDays: number;
  /** Goal days before today. */
  elapsedDays: number;
  pace: Pace;
}

export interface PacingOptions {
  /**
   * Pace as it stood on this store day's morning (its days before are actual, it and later are
   * forecast) rather than today's: to look back at a goal, or replay a briefing.
   */
  asOf?: string;
}

/** A day's numerator and denominator of a metric (the denominator only for ratios). */
type DayValue = { numerator: number; denominator?: number };

const measureValue: Record<GoalMetric, (m: Measures) => DayValue> = {
  netSales: (m) => ({ numerator: m.grossSales - m.discounts - m.refunds }),
  orders: (m) => ({ numerator: m.orders }),
  units: (m) => ({ numerator: m.units }),
  sessions: (m) => ({ numerator: m.sessions }),
  newCustomerOrders: (m) => ({ numerator: m.newCustomerOrders }),
  conversionRate: (m) => ({ numerator: m.purchaseSessions, denominator: m.sessions }),
  averageOrderValue: (m) => ({ numerator: m.grossSales - m.discounts, denominator: m.orders }),
};

/** Category goals measure net sales (before refunds, which are not kept per product) or units. */
const categoryValue = (metric: GoalMetric, s: CategorySales): DayValue =>
  metric === 'units' ? { numerator: s.units } : { numerator: s.grossSales - s.discounts };

const isRatio = (metric: GoalMetric) => metric === 'conversionRate' || metric === 'averageOrderValue';

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const daysBetween = (from: string, to: string) => Math.round(day(to).diff(day(from), 'days').days) + 1;

/**
 * Pacing of goals of many stores in a fixed number of statements whatever the number of stores:
 * one read of the rollups for every store-wide and channel goal, one for every category goal, and
 * the category trees of the stores that have category goals. `today` is each store's own day.
 */
export async function paceGoals(
  db: Db,
  stores: readonly PacingStore[],
  goals: readonly Goal[],
  options: PacingOptions = {},
): Promise<GoalPacing[]> {
  const storeById = new Map(stores.map((s) => [s.id, s]));
  const todayOf = new Map(stores.map((s) => [s.id, options.asOf ?? storeDay(s)]));
  const plans = goals.flatMap((goal) => {
    const store = storeById.get(goal.storeId);
    if (!store) return [];
    const today = todayOf.get(store.id)!;
    const yesterday = day(today).minus({ days: 1 }).toISODate()!;
    const historyFrom = day(today).minus({ days: historyDays }).toISODate()!;
    return [{ goal, store, today, yesterday, historyFrom }];
  });
  if (plans.length === 0) return [];
  // ISO days sort as text: one span from the earliest day any goal reads to the latest yesterday.
  const earliest = plans.flatMap((p) => [p.goal.startDay, p.historyFrom]).sort()[0]!;
  const to = plans
    .map((p) => p.yesterday)
    .sort()
    .at(-1)!;

  const slices: StoreSlice[] = plans
    .filter((p) => p.goal.scope !== 'category')
    .map((p) => ({
      storeId: p.store.id,
      dimension: p.goal.scope === 'channel' ? 'channel' : 'all',
      value: p.goal.scope === 'channel' ? p.goal.scopeValue! : '',
    }));
  const categoryStores = [
    ...new Set(plans.filter((p) => p.goal.scope === 'category').map((p) => p.store.id)),
  ];
  const trees = new Map(
    await Promise.all(categoryStores.map(async (id) => [id, await loadStoreCategories(db, id)] as const)),
  );
  const categoryRequests = plans
    .filter((p) => p.goal.scope === 'category')
    .map((p) => ({
      storeId: p.store.id,
      key: p.goal.id,
      categoryIds: subtreeIds(trees.get(p.store.id) ?? [], p.goal.scopeValue!),
    }));
  const [sliceDays, categoryDays] = await Promise.all([
    dailyMeasuresOfSlices(db, slices, earliest, to),
    dailyCategorySales(db, categoryRequests, earliest, to),
  ]);

  return plans.map(({ goal, store, today, yesterday, historyFrom }) => {
    const valueOn: (d: string) => DayValue | undefined =
      goal.scope === 'category'
        ? (d) => {
            const s = categoryDays.get(goal.id)?.get(d);
            return s ? categoryValue(goal.metric, s) : undefined;
          }
        : (d) => {
            const m = sliceDays
              .get(
                sliceKey({
                  storeId: store.id,
                  dimension: goal.scope === 'channel' ? 'channel' : 'all',
                  value: goal.scope === 'channel' ? goal.scopeValue! : '',
                }),
              )
              ?.get(d);
            return m ? measureValue[goal.metric](m) : undefined;
          };
    const ratio = isRatio(goal.metric);
    const actual = { numerator: 0, denominator: ratio ? 0 : undefined };
    const actualTo = [goal.endDay, yesterday].sort()[0]!;
    for (let d = day(goal.startDay); d.toISODate()! <= actualTo; d = d.plus({ days: 1 })) {
      const v = valueOn(d.toISODate()!);
      actual.numerator += v?.numerator ?? 0;
      if (ratio) actual.denominator! += v?.denominator ?? 0;
    }
    const numerator: number[] = [];
    const denominator: number[] = [];
    for (let d = day(historyFrom); d.toISODate()! <= yesterday; d = d.plus({ days: 1 })) {
      const v = valueOn(d.toISODate()!);
      numerator.push(v?.numerator ?? 0);
      denominator.push(v?.denominator ?? 0);
    }
    const ended = goal.endDay < today;
    const remainingFrom = [goal.startDay, today].sort()[1]!;
    const remainingDays = ended ? 0 : daysBetween(remainingFrom, goal.endDay);
    const totalDays = daysBetween(goal.startDay, goal.endDay);
    return {
      goal,
      currency: store.baseCurrency,
      today,
      totalDays,
      elapsedDays: totalDays - remainingDays,
      pace: paceGoal({
        target: goal.target,
        actual,
        history: ratio ? { numerator, denominator } : { numerator },
        remainingDays,
        daysBeforeStart: goal.startDay > today ? daysBetween(today, goal.startDay) - 1 : 0,
        ended,
      }),
    };
  });
}

/**
 * Every goal of a store with its pacing, the latest periods first. With `current`, only the goals
 * whose period includes the store's today (what a morning briefing reports on).
 */
export async function storeGoalsPacing(
  db: Db,
  store: PacingStore,
  options: PacingOptions & { current?: boolean } = {},
): Promise<GoalPacing[]> {
  const today = options.asOf ?? storeDay(store);
  const all = await listGoals(db, store.id);
  const chosen = options.current ? all.filter((g) => g.startDay <= today && g.endDay >= today) : all;
  return paceGoals(db, [store], chosen, options);
}

/** The current goals (period includes the store's today) of many stores, read in one statement. */
export async function currentGoalsOfStores(db: Db, stores: readonly PacingStore[]): Promise<GoalPacing[]> {
  if (stores.length === 0) return [];
  const rows = await db
    .select()
    .from(goalsTable)
    .where(
      inArray(
        goalsTable.storeId,
        stores.map((s) => s.id),
      ),
    );
  const todayOf = new Map(stores.map((s) => [s.id, storeDay(s)]));
  const current = rows.filter(
    (g) => g.startDay <= todayOf.get(g.storeId)! && g.endDay >= todayOf.get(g.storeId)!,
  );
  return paceGoals(db, stores, current);
}
