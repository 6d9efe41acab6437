import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { Store } from '../../modules/access/index.ts';
import {
  type AddCartLineInput,
  addCartLine,
  applyDiscountCode,
  type Cart,
  cartCsrfToken,
  createCartWithLine,
  findCartByToken,
  priceCart,
  removeDiscountCode,
  setCartCountry,
  setCartLineQuantity,
} from '../../modules/checkout/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { withConsentPrompt } from '../analytics/consent.ts';
import type { StorefrontTracking } from '../analytics/storefront-tracking.ts';
import {
  type CartExperiments,
  exposeToThreshold,
  shippingTermsOf,
  shownFreeShippingFrom,
  withCartExperiments,
} from '../experiments/free-shipping.ts';
import type { ExperimentVisitor } from '../experiments/shopper-experiments.ts';
import { storefrontSite } from '../locales/locale-site.ts';
import { pageLocale, sendLocaleRedirect } from '../locales/page-locale.ts';
import { cookieCountry, requestCookie, type ShopperMarkets } from '../market/shopper-market.ts';
import { renderStoreNotFoundPage } from '../not-found-page.tsx';
import { homePath, type StorefrontSite } from '../site.ts';
import {
  CART_COOKIE,
  type CookieScope,
  cartCookieScope,
  setCartCookie,
  setCartCountCookie,
  setMarketCookie,
} from './cart-cookies.ts';
import { cartCountries } from './cart-countries.ts';
import { cameFromThisSite, hasCartToken } from './cart-form-guard.ts';
import {
  type CartErrorCode,
  type CartNotice,
  cartErrorCodes,
  noticeQuery,
  readNotice,
} from './cart-notice.ts';
import { renderCartPage } from './cart-page.tsx';
import { cartPaths } from './cart-paths.ts';

/** What the storefront's routes lend the cart pages. */
export interface CartRouteContext {
  db: Db;
  markets: ShopperMarkets;
  storeByHost(hostname: string): Promise<Store | undefined>;
  storeByHandle(handle: string): Promise<Store | undefined>;
  baseUrlFor(request: FastifyRequest, mount: 'path' | 'host'): string;
  noStore(reply: FastifyReply, message: string): FastifyReply;
  /** Records cart views and lines added or removed (analytics); nothing without it. */
  tracking?: StorefrontTracking;
  /** Visitors' variants of running experiments (the free-shipping threshold); none without. */
  experiments?: CartExperiments;
}

type CartParams = { store?: string; locale?: string; lineId?: string };
type Body = Record<string, string | undefined>;

/** One request to the cart: the store and page it is for, and the shopper's cart if they have one. */
interface CartVisit {
  request: FastifyRequest<{ Params: CartParams }>;
  reply: FastifyReply;
  store: Store;
  site: StorefrontSite;
  scope: CookieScope;
  cart: Cart | undefined;
  /** The cookie's token, when it found the cart. */
  token: string | null;
  /** The visitor as experiments follow them; null when in none here. */
  visitor: ExperimentVisitor | null;
}

const HTML = 'text/html; charset=utf-8';
/** Form posts are small; anything larger is not one of these forms. */
const FORM_BODY_LIMIT = 16 * 1024;

/**
 * The cart (docs/checkout.md, "Storefront"): `GET /cart` and its form posts, and the footer's
 * country selector (`POST /market`), on a store's own domain and under `/s/:store/`, in every
 * locale the store serves. Plain forms that work without script; every post answers 303 back to
 * the cart (or the page it came from), with what went wrong in the cart page's address. Personal,
 * so never in the page cache and `private, no-store` for every other cache.
 */
export async function cartRoutes(app: FastifyInstance, context: CartRouteContext): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const { db } = context;
  const hidden = { schema: { hide: true } };

  async function startVisit(
    request: FastifyRequest<{ Params: CartParams }>,
    reply: FastifyReply,
  ): Promise<CartVisit | undefined> {
    reply.header('cache-control', 'private, no-store');
    const { store: handle, locale } = request.params;
    const byPath = handle !== undefined;
    const store = byPath ? await context.storeByHandle(handle) : await context.storeByHost(request.hostname);
    if (!store) {
      context.noStore(
        reply,
        byPath
          ? 'There is no store at this address.'
          : 'No store answers at this address. Pick one from the list of stores.',
      );
      return undefined;
    }
    const mount = byPath ? 'path' : 'host';
    const located = pageLocale(
      request,
      storefrontSite(store, byPath ? `/s/${store.handle}` : '', context.baseUrlFor(request, mount)),
      false,
      locale,
    );
    if (located.kind === 'redirect') {
      sendLocaleRedirect(reply, located);
      return undefined;
    }
    if (located.unknownLocale) {
      reply.status(404).header('content-type', HTML).send(renderStoreNotFoundPage(located.site, 'page'));
      return undefined;
    }
    const { site, visitor } = await withCartExperiments(
      db,
      context.experiments,
      request,
      reply,
      await withConsentPrompt(db, request, await context.markets.siteFor(request, located.site)),
    );
    const cookie = requestCookie(request, CART_COOKIE);
    const cart = cookie ? await findCartByToken(db, store.id, cookie) : undefined;
    return {
      request,
      reply,
      store,
      site,
      scope: cartCookieScope(request, site),
      cart,
      token: cart ? cookie! : null,
      visitor,
    };
  }

  /** The cart page, or (status 403) the same page saying its form had expired. */
  async function cartPage(visit: CartVisit, notice: CartNotice | null, status = 200) {
    const { site, cart, store } = visit;
    // Titles in the page's language; everything charged is the cart's own.
    // The shipping estimate with the visitor's terms (a free-shipping-threshold variant), as checkout charges.
    const [priced, countries] = await Promise.all([
      cart ? priceCart(db, store, { ...cart, locale: site.locale }, shippingTermsOf(site, cart)) : null,
      cartCountries(db, store, await context.markets.activeMarkets(store)),
    ]);
    if (priced) setCartCountCookie(visit.reply, visit.scope, priced.itemCount);
    const freeShippingFrom =
      priced?.shipping.required && priced.lines.length > 0
        ? await shownFreeShippingFrom(db, site, { country: priced.country, currency: priced.currency })
        : null;
    if (status === 200)
      await exposeToThreshold(context.experiments, visit.request, site, visit.visitor, freeShippingFrom);
    if (status === 200 && visit.request.method === 'GET') {
      await context.tracking?.track(visit.request, visit.reply, site, [
        { name: 'page_view', pagePath: visit.request.url.split('?')[0]! },
        {
          name: 'view_cart',
          ...(priced ? { value: priced.totals.subtotal, currency: priced.currency } : {}),
        },
      ]);
    }
    const body = renderCartPage({
      site,
      priced,
      csrfToken: visit.token ? cartCsrfToken(visit.token) : null,
      countries,
      notice,
      freeShippingFrom,
    });
    return visit.reply.status(status).header('content-type', HTML).send(body);
  }

  const back = (visit: CartVisit, notice?: CartNotice) =>
    visit.reply.redirect(`${cartPaths.cart(visit.site)}${notice ? noticeQuery(notice) : ''}`, 303);

  /**
   * A cart form post: from this site (else 403), with the cart's token when it must carry one and
   * the shopper has a cart (else the cart page, 403, saying the page had expired); errors a shopper
   * can cause come back as a notice on the cart page.
   */
  const post =
    (
      handle: (visit: CartVisit, body: Body) => Promise<FastifyReply>,
      options: { sharedPage?: boolean } = {},
    ) =>
    async (request: FastifyRequest<{ Params: CartParams }>, reply: FastifyReply) => {
      const visit = await startVisit(request, reply);
      if (!visit) return reply;
      const body = (request.body ?? {}) as Body;
      const tokenNeeded = !options.sharedPage || body._csrf !== undefined;
      if (
        !cameFromThisSite(request) ||
        (tokenNeeded && visit.cart && !hasCartToken(visit.token, body._csrf))
      ) {
        return cartPage(visit, { kind: 'error', code: 'expired' }, 403);
      }
      try {
        return await handle(visit, body);
      } catch (err) {
        if (err instanceof ZodError) return back(visit, { kind: 'error', code: 'invalid' });
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return back(visit, noticeOf(err));
      }
    };

  /** A new cart for the shopper (in the market of their country), with its first line. */
  async function startCart(visit: CartVisit, line: AddCartLineInput): Promise<Cart> {
    const { cart, token } = await createCartWithLine(
      db,
      visit.store,
      { locale: visit.site.locale, country: visit.site.market?.country ?? null },
      line,
    );
    setCartCookie(visit.reply, visit.scope, token);
    visit.token = token;
    return cart;
  }

  const track = (
    visit: CartVisit,
    name: 'add_to_cart' | 'remove_from_cart',
    variantId: string,
    quantity: number,
    currency: string,
  ) =>
    context.tracking?.track(visit.request, visit.reply, visit.site, [
      { name, variantId, currency, items: [{ variantId, quantity }] },
    ]);

  const counted = (visit: CartVisit, cart: Cart) =>
    setCartCountCookie(
      visit.reply,
      visit.scope,
      cart.lines.reduce((n, l) => n + l.quantity, 0),
    );

  const getCartPage = async (request: FastifyRequest<{ Params: CartParams }>, reply: FastifyReply) => {
    const visit = await startVisit(request, reply);
    if (!visit) return reply;
    return cartPage(visit, readNotice(request.query));
  };

  const addLine = post(
    async (visit, body) => {
      const quantity = body.quantity === undefined || body.quantity === '' ? 1 : Number(body.quantity);
      const line = { variantId: body.variantId ?? '', quantity };
      // A shopper without a cart gets one with this line in one go; none when it cannot be added.
      const after = visit.cart
        ? await addCartLine(db, visit.store.id, visit.cart, line)
        : await startCart(visit, line);
      counted(visit, after);
      const added = after.lines.find((l) => l.variantId === body.variantId?.trim());
      if (added) await track(visit, 'add_to_cart', added.variantId, quantity, after.currency);
      return back(visit, added ? { kind: 'added', lineId: added.id } : undefined);
    },
    { sharedPage: true },
  );

  const changeLine = post(async (visit, body) => {
    if (!visit.cart) return back(visit);
    const lineId = visit.request.params.lineId ?? '';
    const quantity = body.remove !== undefined ? 0 : Number(body.quantity ?? Number.NaN);
    if (!Number.isInteger(quantity)) return back(visit, { kind: 'error', code: 'invalid' });
    const before = visit.cart.lines.find((l) => l.id === lineId);
    const after = await setCartLineQuantity(db, visit.store.id, visit.cart.id, lineId, quantity);
    counted(visit, after);
    const now = after.lines.find((l) => l.id === lineId)?.quantity ?? 0;
    if (before && now !== before.quantity) {
      const added = now > before.quantity;
      const units = Math.abs(now - before.quantity);
      await track(visit, added ? 'add_to_cart' : 'remove_from_cart', before.variantId, units, after.currency);
    }
    return back(visit);
  });

  const applyCode = post(async (visit, body) => {
    if (!visit.cart) return back(visit);
    // A code that does not apply is kept on the cart as its last rejected code; the page says why.
    await applyDiscountCode(
      db,
      visit.store,
      visit.cart.id,
      body.code ?? '',
      shippingTermsOf(visit.site, visit.cart),
    );
    return back(visit);
  });

  const removeCode = post(async (visit, body) => {
    if (!visit.cart) return back(visit);
    await removeDiscountCode(db, visit.store.id, visit.cart.id, body.code ?? '');
    return back(visit);
  });

  /** The cart's "ship to": the cart's country, and the shopper's market with it (the `sp_market` cookie). */
  const chooseCountry = post(async (visit, body) => {
    const country = cookieCountry(body.country);
    if (!country) return back(visit, { kind: 'error', code: 'invalid' });
    if (visit.cart) await setCartCountry(db, visit.store, visit.cart.id, country);
    setMarketCookie(visit.reply, visit.scope, country);
    return back(visit);
  });

  /** The footer's country selector: the `sp_market` cookie, the cart's country too, then back to the page. */
  const chooseMarket = post(
    async (visit, body) => {
      const country = cookieCountry(body.country);
      if (country === undefined) return visit.reply.redirect(returnPath(visit), 303);
      setMarketCookie(visit.reply, visit.scope, country ?? 'other');
      if (visit.cart && country) await setCartCountry(db, visit.store, visit.cart.id, country);
      return visit.reply.redirect(returnPath(visit), 303);
    },
    { sharedPage: true },
  );

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    app.get<{ Params: CartParams }>(`${prefix}/cart`, hidden, getCartPage);
    app.post<{ Params: CartParams }>(`${prefix}/cart/lines`, hidden, addLine);
    app.post<{ Params: CartParams }>(`${prefix}/cart/lines/:lineId`, hidden, changeLine);
    app.post<{ Params: CartParams }>(`${prefix}/cart/discount`, hidden, applyCode);
    app.post<{ Params: CartParams }>(`${prefix}/cart/discount/remove`, hidden, removeCode);
    app.post<{ Params: CartParams }>(`${prefix}/cart/country`, hidden, chooseCountry);
    app.post<{ Params: CartParams }>(`${prefix}/market`, hidden, chooseMarket);
  }
}

/** A service's error as the cart page's notice: a known code (with its number), else "did not work". */
function noticeOf(err: AppError): CartNotice {
  const details = (err.details ?? {}) as { max?: number; available?: number };
  const code = (cartErrorCodes as readonly string[]).includes(err.code)
    ? (err.code as CartErrorCode)
    : 'invalid';
  const n = code === 'insufficient_stock' ? details.available : details.max;
  return { kind: 'error', code, ...(typeof n === 'number' ? { n } : {}) };
}

/**
 * Where the country selector goes back to: the page it was on (its Referer, when that is a page of
 * this store on this host), else the store's home. Never another site.
 */
function returnPath(visit: CartVisit): string {
  const referer = visit.request.headers.referer;
  const home = homePath(visit.site);
  if (!referer) return home;
  try {
    const url = new URL(referer);
    const within =
      visit.site.storePath === '' ||
      url.pathname === visit.site.storePath ||
      url.pathname.startsWith(`${visit.site.storePath}/`);
    if (url.host !== visit.request.host || !within || url.pathname.startsWith('//')) return home;
    return `${url.pathname}${url.search}`;
  } catch {
    return home;
  }
}
