import { DateTime } from 'luxon';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Permission } from '../access/index.ts';
import { storeDay } from '../markets/index.ts';
import { anomalyActions, stoppedSellerActions } from './actions/anomaly-actions.ts';
import { approvalActions } from './actions/approval-actions.ts';
import { campaignActions } from './actions/campaign-actions.ts';
import { experimentActions } from './actions/experiment-actions.ts';
import { goalActions } from './actions/goal-actions.ts';
import { listingActions } from './actions/listing-actions.ts';
import { orderActions } from './actions/order-actions.ts';
import { reorderActions } from './actions/reorder-actions.ts';
import { reviewActions } from './actions/review-actions.ts';
import { supportActions } from './actions/support-actions.ts';
import type { BriefingAction, BriefingContext } from './briefing-types.ts';
import { rankActions } from './rank-actions.ts';
import { type MetricAgainstExpected, yesterdayReport } from './yesterday-report.ts';

/** The parts of a briefing, each shown only to a reader holding its permission. */
export const briefingParts = {
  yesterday: 'analytics:read',
  campaigns: 'analytics:read',
  goals: 'analytics:read',
  stock: 'purchasing:read',
  orders: 'orders:read',
  listings: 'catalog:read',
  // Whoever may approve a product change is who should be told one waits.
  approvals: 'catalog:publish',
  reviews: 'reviews:read',
  support: 'support:read',
  experiments: 'experiments:read',
} as const satisfies Record<string, Permission>;
export type BriefingPart = keyof typeof briefingParts;

export interface DailyBriefing {
  store: { id: string; handle: string; name: string; currency: string; timezone: string };
  /** The store day judged: yesterday in the store's time zone unless another was asked for. */
  day: string;
  generatedAt: string;
  /** Each key metric of the day against what was expected; null without `analytics:read`. */
  yesterday: MetricAgainstExpected[] | null;
  /** What to do now, most urgent and costly first, each linking to the screen that does it. */
  actions: BriefingAction[];
  /** The parts this reader's permissions let in (the others are not computed at all). */
  parts: BriefingPart[];
}

/** Yesterday in the store's time zone. */
export function briefingDayOf(store: BriefingContext['store'], at: Date = now()): string {
  return DateTime.fromISO(storeDay(store, at), { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
}

/**
 * The morning briefing of a store for one reader: the day against what was expected (with the
 * anomaly detector's explanations) and a ranked list of actions gathered from the modules that know
 * — stock to reorder, campaigns losing money, metrics that fell, goals likely to be missed, orders and returns waiting, listings
 * that need work, product changes waiting for approval, reviews to moderate, support tickets past or near their SLA, experiments with a decision or a problem. Only the parts the reader's permissions allow are read.
 */
export async function dailyBriefing(
  db: Db,
  store: BriefingContext['store'],
  options: { permissions: ReadonlySet<Permission>; day?: string; at?: Date },
): Promise<DailyBriefing> {
  const at = options.at ?? now();
  const context: BriefingContext = {
    store,
    day: options.day ?? briefingDayOf(store, at),
    at,
    permissions: options.permissions,
  };
  const parts = (Object.keys(briefingParts) as BriefingPart[]).filter((p) =>
    context.permissions.has(briefingParts[p]),
  );
  const allowed = (part: BriefingPart) => parts.includes(part);
  const none = async (): Promise<BriefingAction[]> => [];
  const [report, goals, stock, campaigns, orders, listings, approvals, reviews, support, tests] =
    await Promise.all([
      allowed('yesterday') ? yesterdayReport(db, context) : null,
      allowed('goals') ? goalActions(db, context) : none(),
      allowed('stock') ? reorderActions(db, context) : none(),
      allowed('campaigns') ? campaignActions(db, context) : none(),
      allowed('orders') ? orderActions(db, context) : none(),
      allowed('listings') ? listingActions(db, context) : none(),
      allowed('approvals') ? approvalActions(db, context) : none(),
      allowed('reviews') ? reviewActions(db, context) : none(),
      allowed('support') ? supportActions(db, context) : none(),
      allowed('experiments') ? experimentActions(db, context) : none(),
    ]);
  const actions = [
    ...(report ? [...anomalyActions(report, context), ...stoppedSellerActions(report, context)] : []),
    ...goals,
    ...stock,
    ...campaigns,
    ...orders,
    ...listings,
    ...approvals,
    ...reviews,
    ...support,
    ...tests,
  ];
  return {
    store: {
      id: store.id,
      handle: store.handle,
      name: store.name,
      currency: store.baseCurrency,
      timezone: store.timezone,
    },
    day: context.day,
    generatedAt: at.toISOString(),
    yesterday: report?.metrics ?? null,
    actions: rankActions(actions),
    parts,
  };
}
