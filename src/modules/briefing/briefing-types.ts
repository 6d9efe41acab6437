import type { Money } from '../../platform/money.ts';
import type { Permission, Store } from '../access/index.ts';

/**
 * How soon an action should be done: `now` (money is being lost or a promise broken today),
 * `today`, `this_week`. The briefing ranks by urgency first, then by the money at stake.
 */
export const urgencies = ['now', 'today', 'this_week'] as const;
export type Urgency = (typeof urgencies)[number];

export type ActionKind =
  | 'reorder'
  | 'no_supplier'
  | 'campaign'
  | 'anomaly'
  | 'late_shipments'
  | 'returns'
  | 'payments'
  | 'listings'
  | 'approvals'
  | 'reviews'
  | 'support_sla'
  | 'experiment'
  | 'goal';

/** One thing to do, written for a person, with the admin screen that does it. */
export interface BriefingAction {
  kind: ActionKind;
  urgency: Urgency;
  /** The imperative sentence: "Reorder 4 variants from Nordic Linen: the draft purchase order is ready". */
  title: string;
  /** The figures behind it, in a sentence or two. */
  detail: string;
  /** An admin console path (`/admin/stores/…`) that opens the screen doing it, pre-filled where it can be. */
  link: string;
  /** What leaving it undone costs or risks, in the store's currency; null where it is not money. */
  atStake: Money | null;
}

/** What an action source is given: the store, the judged day and the reader's permissions. */
export interface BriefingContext {
  store: Pick<Store, 'id' | 'handle' | 'name' | 'timezone' | 'baseCurrency'>;
  /** The store day the briefing is about (yesterday in the store's time zone unless asked). */
  day: string;
  /** When the briefing is read: late shipments and waiting returns are counted up to this instant. */
  at: Date;
  permissions: ReadonlySet<Permission>;
}

/** The admin console's address of a store screen. */
export const adminPath = (storeHandle: string, path: string) =>
  `/admin/stores/${encodeURIComponent(storeHandle)}/${path}`;
