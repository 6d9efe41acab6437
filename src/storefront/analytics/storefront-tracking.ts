import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { EventCollector, PageEvent, VisitOutcome } from '../../modules/analytics/index.ts';
import type { Logger } from '../../platform/logging.ts';
import { requestCookie } from '../market/shopper-market.ts';
import type { StorefrontSite } from '../site.ts';

export const VISITOR_COOKIE = 'sp_vid';
export const SESSION_COOKIE = 'sp_ses';
export const CONSENT_COOKIE = 'sp_consent';

/** 13 months, the longest an analytics cookie is commonly allowed to live. */
export const VISITOR_MAX_AGE_S = 395 * 24 * 60 * 60;
/** The session ends after 30 minutes without a request: the cookie expires then. */
const SESSION_MAX_AGE_S = 30 * 60;

/** Headers a CDN or proxy in front of the store sets to the visitor's country. */
const countryHeaders = ['cf-ipcountry', 'cloudfront-viewer-country', 'x-vercel-ip-country', 'x-country-code'];

function headerCountry(request: FastifyRequest): string | null {
  for (const name of countryHeaders) {
    const value = request.headers[name];
    if (typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) && !/^(xx|t1)$/i.test(value)) {
      return value.toUpperCase();
    }
  }
  return null;
}

/**
 * Visitor ids given out before the request's events were recorded (experiments assign a first-time
 * visitor before the page renders): the visit takes this id, and its cookie carries it.
 */
const adoptedVisitorIds = new WeakMap<FastifyRequest, string>();

export function adoptVisitorId(request: FastifyRequest, visitorId: string): void {
  adoptedVisitorIds.set(request, visitorId);
}

/**
 * Records what shoppers do on the storefront as analytics events (the analytics module's
 * EventCollector), from the server as it answers: no tracking script, nothing a blocker removes,
 * and cached pages count like any other. A request's visit is worked out once however many events
 * it records, and its cookies go on the answer. Recording never fails a page: a problem is logged.
 */
export class StorefrontTracking {
  readonly #collector: EventCollector;
  readonly #logger: Logger | undefined;
  readonly #visits = new WeakMap<FastifyRequest, Promise<VisitOutcome>>();

  constructor(collector: EventCollector, logger?: Logger) {
    this.#collector = collector;
    this.#logger = logger;
  }

  /** Records `events` for this request (call it before the answer is sent, so cookies go with it). */
  async track(
    request: FastifyRequest,
    reply: FastifyReply,
    site: StorefrontSite,
    events: readonly PageEvent[],
    customerId?: string | null,
  ): Promise<void> {
    if (events.length === 0) return;
    try {
      let outcome = this.#visits.get(request);
      if (!outcome) {
        outcome = this.#visitOf(request, site, customerId ?? null);
        this.#visits.set(request, outcome);
      }
      const resolved = await outcome;
      if (resolved.kind !== 'visit') return;
      const { visit } = resolved;
      if (customerId) visit.customerId = customerId;
      for (const event of events) this.#collector.record(visit, event);
      if (visit.cookies && !reply.sent) {
        const scope = {
          path: site.storePath || '/',
          secure: request.protocol === 'https',
          sameSite: 'lax' as const,
        };
        reply.setCookie(VISITOR_COOKIE, visit.cookies.visitor, {
          ...scope,
          httpOnly: true,
          maxAge: VISITOR_MAX_AGE_S,
        });
        reply.setCookie(SESSION_COOKIE, visit.cookies.session, {
          ...scope,
          httpOnly: true,
          maxAge: SESSION_MAX_AGE_S,
        });
      }
    } catch (err) {
      this.#logger?.warn({ err }, 'storefront event not recorded');
    }
  }

  #visitOf(request: FastifyRequest, site: StorefrontSite, customerId: string | null): Promise<VisitOutcome> {
    const { store } = site;
    const at = new Date();
    const referer = request.headers.referer;
    return this.#collector.visit({
      storeId: store.id,
      storeDay:
        DateTime.fromJSDate(at, { zone: store.timezone }).toISODate() ?? at.toISOString().slice(0, 10),
      url: new URL(request.url, `${request.protocol}://${request.host}`),
      referrer: typeof referer === 'string' ? referer : undefined,
      ownHosts: [request.host, request.hostname],
      headers: {
        ...(request.headers['user-agent'] ? { 'user-agent': request.headers['user-agent'] } : {}),
        ...(typeof request.headers.purpose === 'string' ? { purpose: request.headers.purpose } : {}),
        ...(typeof request.headers['sec-purpose'] === 'string'
          ? { 'sec-purpose': request.headers['sec-purpose'] }
          : {}),
        ...(typeof request.headers['x-moz'] === 'string' ? { 'x-moz': request.headers['x-moz'] } : {}),
      },
      address: request.ip,
      cookies: {
        visitor: adoptedVisitorIds.get(request) ?? requestCookie(request, VISITOR_COOKIE),
        session: requestCookie(request, SESSION_COOKIE),
        consent: requestCookie(request, CONSENT_COOKIE),
      },
      country: headerCountry(request) ?? site.market?.country ?? null,
      customerId,
      at,
    });
  }
}
