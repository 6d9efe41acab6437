import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/database.ts';
import { getAnalyticsSettings } from '../analytics-settings.ts';
import { arrivingTraffic } from '../channel-grouping/index.ts';
import type { EventItem } from '../schema.ts';
import { CookielessVisitors } from './cookieless-visitors.ts';
import { type DeviceClass, deviceClass, notAVisit } from './device-class.ts';
import type { EventBuffer } from './event-buffer.ts';
import type { EventName } from './event-names.ts';
import {
  continueOrStartSession,
  decodeSessionCookie,
  encodeSessionCookie,
  isVisitorId,
  newVisitorId,
  type SessionState,
  type TrafficSource,
} from './visit.ts';

/** What the collector needs to know of a storefront request (no web framework here). */
export interface VisitRequest {
  storeId: string;
  /** The store's day of the request (`YYYY-MM-DD` in its timezone), for the filtered-hits count. */
  storeDay: string;
  /** The page's full address, with its query (UTM parameters, click ids). */
  url: URL;
  referrer: string | undefined;
  /** Hosts that are the store itself: a referrer from one of them is a click inside the store. */
  ownHosts: readonly string[];
  headers: { 'user-agent'?: string; purpose?: string; 'sec-purpose'?: string; 'x-moz'?: string };
  /** The client's network address (only ever hashed, for visitors without a cookie). */
  address: string;
  cookies: { visitor?: string; session?: string; consent?: string };
  country: string | null;
  customerId?: string | null;
  at?: Date;
}

export interface Visit {
  storeId: string;
  /** The request's day in the store's time zone. */
  storeDay: string;
  visitorId: string;
  session: SessionState;
  /** True until the session's first event is recorded. */
  sessionStartPending: boolean;
  consented: boolean;
  device: DeviceClass;
  country: string | null;
  customerId: string | null;
  /** Cookies to set on the answer; null: set none (consent required and not given). */
  cookies: { visitor: string; session: string } | null;
  at: Date;
}

/** One event on a page: GA4's parameters for it. */
export interface PageEvent {
  name: EventName;
  pagePath?: string;
  productId?: string | null;
  variantId?: string | null;
  listName?: string | null;
  searchTerm?: string | null;
  resultsCount?: number | null;
  orderId?: string | null;
  /** Minor units of `currency`. */
  value?: number | null;
  currency?: string | null;
  items?: EventItem[] | null;
}

export type TrafficSourceOf = (
  url: URL,
  referrer: string | undefined,
  ownHosts: readonly string[],
) => TrafficSource | null;

/** Where a landing request came from, by GA4's rules (channel-grouping/). */
const landingSource: TrafficSourceOf = (url, referrer, ownHosts) =>
  arrivingTraffic({ landingUrl: url.href, referrer: referrer ?? null, ownHosts });

export type VisitOutcome = { kind: 'visit'; visit: Visit } | { kind: 'filtered'; reason: string };

/**
 * Turns storefront requests into visits and events: who the visitor is (a cookie, or a daily hash
 * when the store needs consent first), which session (30 minutes without a request, or a new
 * campaign, starts a new one), where the session came from, the device; bots and prefetches are
 * counted, not recorded. Events go to the buffer, which writes them in batches.
 */
export class EventCollector {
  readonly #db: Db;
  readonly #buffer: EventBuffer;
  readonly #trafficSource: TrafficSourceOf;
  readonly #cookieless: CookielessVisitors;

  constructor(db: Db, buffer: EventBuffer, trafficSource: TrafficSourceOf = landingSource) {
    this.#db = db;
    this.#buffer = buffer;
    this.#trafficSource = trafficSource;
    this.#cookieless = new CookielessVisitors(db);
  }

  async visit(request: VisitRequest): Promise<VisitOutcome> {
    const filtered = notAVisit(request.headers);
    if (filtered) {
      this.#buffer.countFiltered(request.storeId, request.storeDay, filtered);
      return { kind: 'filtered', reason: filtered };
    }
    const at = request.at ?? new Date();
    const { consentMode } = await getAnalyticsSettings(this.#db, request.storeId);
    const consented = consentMode === 'not_required' || request.cookies.consent === 'granted';
    const arriving = this.#trafficSource(request.url, request.referrer, request.ownHosts);
    const landingPath = request.url.pathname;
    const common = {
      storeId: request.storeId,
      storeDay: request.storeDay,
      consented,
      device: deviceClass(request.headers['user-agent']),
      country: request.country,
      customerId: request.customerId ?? null,
      at,
    };
    if (consented) {
      const visitorId = isVisitorId(request.cookies.visitor) ? request.cookies.visitor : newVisitorId();
      const { session, started } = continueOrStartSession(
        decodeSessionCookie(request.cookies.session),
        arriving,
        landingPath,
      );
      const visit: Visit = {
        ...common,
        visitorId,
        session,
        sessionStartPending: started,
        cookies: { visitor: visitorId, session: encodeSessionCookie(session) },
      };
      return { kind: 'visit', visit };
    }
    const visitorId = await this.#cookieless.visitorId(
      request.storeId,
      request.address,
      request.headers['user-agent'] ?? '',
      at,
    );
    const { session, started } = continueOrStartSession(
      this.#cookieless.session(visitorId),
      arriving,
      landingPath,
    );
    this.#cookieless.touch(visitorId, session);
    return {
      kind: 'visit',
      visit: { ...common, visitorId, session, sessionStartPending: started, cookies: null },
    };
  }

  /** Records one event of the visit (written with the next batch). */
  record(visit: Visit, event: PageEvent): void {
    const { session } = visit;
    const sessionStart = visit.sessionStartPending;
    visit.sessionStartPending = false;
    this.#buffer.record(
      {
        storeId: visit.storeId,
        occurredAt: visit.at,
        eventId: randomUUID(),
        name: event.name,
        origin: 'storefront',
        visitorId: visit.visitorId,
        sessionId: session.id,
        sessionStart,
        consented: visit.consented,
        customerId: visit.customerId,
        source: session.source,
        medium: session.medium,
        campaign: session.campaign,
        term: session.term,
        content: session.content,
        channel: session.channel,
        referrerHost: session.referrerHost,
        landingPath: session.landingPath,
        pagePath: event.pagePath ?? null,
        device: visit.device,
        country: visit.country,
        productId: event.productId ?? null,
        variantId: event.variantId ?? null,
        listName: event.listName ?? null,
        searchTerm: event.searchTerm ?? null,
        resultsCount: event.resultsCount ?? null,
        orderId: event.orderId ?? null,
        value: event.value ?? null,
        currency: event.currency ?? null,
        items: event.items ?? null,
      },
      visit.storeDay,
    );
  }

  flush(): Promise<void> {
    return this.#buffer.flush();
  }
}
