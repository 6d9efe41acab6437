import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../modules/access/index.ts';
import { getAnalyticsSettings } from '../../modules/analytics/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { cameFromThisSite } from '../cart/cart-form-guard.ts';
import { requestCookie } from '../market/shopper-market.ts';
import type { StorefrontSite } from '../site.ts';
import { CONSENT_COOKIE } from './storefront-tracking.ts';

/** The answer is kept as long as the visitor cookie it allows may live. */
const CONSENT_MAX_AGE_S = 395 * 24 * 60 * 60;

/** Whether this request's page asks for consent: the store needs it and the visitor has not answered. */
export async function needsConsentPrompt(db: Db, request: FastifyRequest, storeId: string): Promise<boolean> {
  const answered = requestCookie(request, CONSENT_COOKIE);
  if (answered === 'granted' || answered === 'denied') return false;
  return (await getAnalyticsSettings(db, storeId)).consentMode === 'required';
}

/** The site with the banner on it when the page must ask. */
export async function withConsentPrompt(
  db: Db,
  request: FastifyRequest,
  site: StorefrontSite,
): Promise<StorefrontSite> {
  return (await needsConsentPrompt(db, request, site.store.id)) ? { ...site, askConsent: true } : site;
}

/** The path (and query) of the page the form was posted from, when it is on this host. */
function refererPath(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return undefined;
  try {
    const url = new URL(referer);
    return url.host === request.host ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/** Where the answer leads back to: a path of this store only (never another site). */
function returnPath(storePath: string, given: unknown): string {
  const home = `${storePath}/`;
  if (typeof given !== 'string' || !given.startsWith('/') || given.startsWith('//') || given.includes('\\'))
    return home;
  if (storePath && given !== storePath && !given.startsWith(`${storePath}/`)) return home;
  return given.slice(0, 2_000);
}

/**
 * POST /consent (and /s/:store/consent): `choice` = granted | denied. Remembers the answer in a
 * cookie of the store's path and goes back to the page the banner was on.
 */
export async function consentRoutes(
  app: FastifyInstance,
  context: {
    storeByHost(hostname: string): Promise<Store | undefined>;
    storeByHandle(handle: string): Promise<Store | undefined>;
    noStore(reply: FastifyReply, message: string): FastifyReply;
  },
): Promise<void> {
  // The banner is a plain form: its url-encoded body is read here (this plugin's own parser).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const handle = async (request: FastifyRequest<{ Params: { store?: string } }>, reply: FastifyReply) => {
    const byPath = request.params.store !== undefined;
    const store = byPath
      ? await context.storeByHandle(request.params.store!)
      : await context.storeByHost(request.hostname);
    if (!store) return context.noStore(reply, 'There is no store at this address.');
    const storePath = byPath ? `/s/${store.handle}` : '';
    const body = (request.body ?? {}) as { choice?: unknown };
    const back = returnPath(storePath, refererPath(request));
    if (!cameFromThisSite(request) || (body.choice !== 'granted' && body.choice !== 'denied')) {
      return reply.redirect(back, 303);
    }
    reply.setCookie(CONSENT_COOKIE, body.choice, {
      path: storePath || '/',
      secure: request.protocol === 'https',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: CONSENT_MAX_AGE_S,
    });
    return reply.header('cache-control', 'no-store').redirect(back, 303);
  };
  const options = { schema: { hide: true } };
  app.post<{ Params: { store?: string } }>('/consent', options, handle);
  app.post<{ Params: { store?: string } }>('/s/:store/consent', options, handle);
}
