import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  deviceClass,
  getAnalyticsSettings,
  isVisitorId,
  newVisitorId,
  notAVisit,
} from '../../modules/analytics/index.ts';
import {
  type AssignedVariant,
  type ExperimentAssignments,
  type ExperimentPage,
  exposedOn,
} from '../../modules/experiments/index.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  adoptVisitorId,
  CONSENT_COOKIE,
  VISITOR_COOKIE,
  VISITOR_MAX_AGE_S,
} from '../analytics/storefront-tracking.ts';
import { requestCookie } from '../market/shopper-market.ts';
import type { StorefrontSite } from '../site.ts';

/** Headers a CDN or proxy in front of the store sets to the visitor's country. */
const countryHeaders = ['cf-ipcountry', 'cloudfront-viewer-country', 'x-vercel-ip-country', 'x-country-code'];

function requestCountry(request: FastifyRequest, site: StorefrontSite): string | null {
  for (const name of countryHeaders) {
    const value = request.headers[name];
    if (typeof value === 'string' && /^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  }
  return site.market?.country ?? null;
}

/** The visitor an experiment can follow, or null when it may not (see docs/experiments.md). */
export interface ExperimentVisitor {
  visitorId: string;
  assigned: readonly AssignedVariant[];
}

/**
 * The site with the visitor's variants of the store's running experiments on it.
 *
 * The visitor is the analytics visitor (`sp_vid`), so exposures join the visitor's events. A first
 * page has no cookie yet: an id is made here and handed to tracking, which sets the cookie with
 * the page. Bots and prefetches see the control and are not counted. Where the store asks for
 * consent and the visitor has not given it, the visitor is not in any experiment (control, not
 * counted): the day-salted id analytics uses then changes every day, which would move them
 * between variants, and an experiment's cookie needs the same consent as analytics'.
 */
export async function withExperiments(
  db: Db,
  assignments: ExperimentAssignments,
  request: FastifyRequest,
  reply: FastifyReply,
  site: StorefrontSite,
  options: { tracked: boolean },
): Promise<{ site: StorefrontSite; visitor: ExperimentVisitor | null }> {
  const storeId = site.store.id;
  const live = await assignments.live(storeId);
  // Shipped winners are for everyone, whether or not the visitor can be in a test.
  const { rollouts } = live;
  const everyone = rollouts.length > 0 ? { ...site, experiments: rollouts } : site;
  if (live.running.length === 0) return { site: everyone, visitor: null };
  if (notAVisit(request.headers)) return { site: everyone, visitor: null };
  const { consentMode } = await getAnalyticsSettings(db, storeId);
  if (consentMode === 'required' && requestCookie(request, CONSENT_COOKIE) !== 'granted') {
    return { site: everyone, visitor: null };
  }
  const cookie = requestCookie(request, VISITOR_COOKIE);
  const returning = isVisitorId(cookie);
  const visitorId = returning ? cookie : newVisitorId();
  if (!returning) {
    adoptVisitorId(request, visitorId);
    // Without analytics nobody else sets the cookie; with it, tracking sets it with the page.
    if (!options.tracked) {
      reply.setCookie(VISITOR_COOKIE, visitorId, {
        path: site.storePath || '/',
        secure: request.protocol === 'https',
        sameSite: 'lax',
        httpOnly: true,
        maxAge: VISITOR_MAX_AGE_S,
      });
    }
  }
  // Traits matter only for tests the visitor is not in yet: a returning visitor's need none.
  const assigned = await assignments.assign(live, visitorId, () => ({
    newVisitor: !returning,
    device: deviceClass(request.headers['user-agent']),
    country: requestCountry(request, site),
  }));
  const shown = rollouts.length > 0 ? [...rollouts, ...assigned] : assigned;
  return {
    site: shown.length > 0 ? { ...site, experiments: shown } : site,
    visitor: { visitorId, assigned },
  };
}

/** The experiments whose elements a page shows, as the page cache keeps them. */
export function pageExposures(site: StorefrontSite, page: ExperimentPage): string[] | undefined {
  if (!site.experiments) return undefined;
  const shown = exposedOn(site.experiments, page).map((a) => a.experimentId);
  return shown.length > 0 ? shown : undefined;
}
