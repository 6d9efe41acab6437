import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessTopic, listAllStores, type Store } from '../modules/access/index.ts';
import {
  catalogTopic,
  type FeedStockSource,
  loadCategoryTrail,
  type StockSource,
} from '../modules/catalog/index.ts';
import { ExperimentAssignments, experimentsTopic, variantCacheKey } from '../modules/experiments/index.ts';
import { inventoryTopic, type VariantAvailabilitySource } from '../modules/inventory/index.ts';
import { marketsTopic } from '../modules/markets/index.ts';
import { productRatingSummary, publishedReviewsOf, reviewsTopic } from '../modules/reviews/index.ts';
import { shippingTopic } from '../modules/shipping/index.ts';
import type { BlobStorage } from '../platform/blob-storage/blob-storage.ts';
import { type ChangeFeed, hasPendingChange } from '../platform/cache/index.ts';
import type { Db } from '../platform/db/database.ts';
import { requestBaseUrl } from '../platform/http/public-base-url.ts';
import { accountRoutes } from './account/account-routes.ts';
import { consentRoutes, withConsentPrompt } from './analytics/consent.ts';
import { viewItemEvent, viewItemListEvent } from './analytics/page-events.ts';
import type { StorefrontTracking } from './analytics/storefront-tracking.ts';
import { cartRoutes } from './cart/cart-routes.ts';
import { checkoutRoutes } from './checkout/checkout-routes.ts';
import { serveProductArt } from './demo-art-route.ts';
import { withFreeShippingNote } from './experiments/free-shipping.ts';
import { pageExposures, withExperiments } from './experiments/shopper-experiments.ts';
import { renderHomePage } from './home-page.tsx';
import { registerListingRoutes } from './listing-routes.ts';
import { registerLocalePages } from './locales/locale-routes.ts';
import { storefrontSite } from './locales/locale-site.ts';
import { loadLocalizedHome, loadLocalizedProductPage } from './locales/localized-pages.ts';
import { pageLocale, sendLocaleRedirect } from './locales/page-locale.ts';
import { withCardPrices, withVariantPrices } from './market/market-prices.ts';
import { marketCacheKey, marketVary, ShopperMarkets } from './market/shopper-market.ts';
import { registerMerchantFeedRoutes } from './merchant-feed-page.ts';
import { newsletterPageRoutes } from './newsletters/newsletter-routes.ts';
import { renderInstallationNotFoundPage, renderStoreNotFoundPage } from './not-found-page.tsx';
import { storefrontOrderRoutes } from './orders/order-routes.ts';
import { PageCache, type RenderedPage } from './page-cache.ts';
import { sendCachedPage } from './page-response.ts';
import { renderProductPage } from './product-page.tsx';
import { storefrontReviewRoutes } from './reviews/review-routes.ts';
import {
  absoluteUrl,
  homePath,
  productPath,
  type StorefrontSite,
  sitemapFilePath,
  sitemapPath,
} from './site.ts';
import { renderRobots, renderSitemapIndex, sitemapFileLimits } from './sitemap.ts';
import { renderStoreDirectoryPage } from './store-directory-page.tsx';
import { StoreLookup } from './store-lookup.ts';
import { renderStoreSitemap, storeSitemapLocations } from './store-sitemap.ts';
import { contactRoutes } from './support/contact-routes.ts';
import { satisfactionRoutes } from './support/satisfaction-routes.ts';

export interface StorefrontOptions {
  db: Db;
  /** The installation's public base URL (e.g. https://shops.example.com); else taken from each request. */
  publicUrl?: string;
  /** Page cache bounds; the defaults suit production. */
  cache?: { ttlMs?: number; maxEntries?: number; maxBytes?: number };
  /** Change notifications: cached pages of a store are dropped on every instance when its catalog changes. */
  changes?: ChangeFeed;
  /** Records what shoppers do as analytics events (none without it). */
  tracking?: StorefrontTracking;
  /** Variant availability for the Merchant Center feed (inventory plugs in here); all in stock by default. */
  feedStock?: FeedStockSource;
  /** Which variants listings count and filter as in stock (inventory plugs in here); all by default. */
  searchStock?: StockSource;
  /** Each variant's availability on its product page (inventory plugs in here); all in stock by default. */
  variantAvailability?: VariantAvailabilitySource;
  /** How much one sitemap file holds before a store's sitemap is split; the defaults suit production. */
  sitemap?: { urlsPerFile?: number; bytesPerFile?: number };
  /** Where customers' review photos are stored (the review form refuses photos without it). */
  reviewPhotos?: BlobStorage;
}

/** Published reviews listed on a product page (the figures count them all). */
const PRODUCT_PAGE_REVIEWS = 20;

const VARIANT_ID = /^var_[0-9a-z]{26}$/;
/** The number in `sitemap-<n>.xml`, written one way (no leading zeros). */
const SITEMAP_PART = /^[1-9][0-9]{0,5}$/;
const HTML = 'text/html; charset=utf-8';
const HOME_PRODUCT_LIMIT = 200;
const RELATED_PRODUCT_COUNT = 4;
/** Pages that belong to no store (the store list, the sitemap index) are cached under this id. */
const INSTALLATION = '';

interface StorefrontInstance {
  pages: PageCache;
  stores: StoreLookup;
}

/** Every registered storefront, so one `invalidateStorefront` call reaches them all. */
const liveStorefronts = new Set<StorefrontInstance>();

/**
 * Drops cached pages after a change: one store's (call it on that store's product events), or all
 * when no store is given. Other instances of a scaled-out installation catch up within the cache TTL.
 */
export function invalidateStorefront(storeId?: string): void {
  for (const storefront of liveStorefronts) {
    storefront.pages.invalidate(storeId);
    if (storeId !== undefined) storefront.pages.invalidate(INSTALLATION);
    storefront.stores.forget(storeId);
  }
}

/** `sitemap-part` is one numbered file of a large store's sitemap; its number comes as the handle. */
type StorePageKind = 'home' | 'product' | 'sitemap' | 'sitemap-part' | 'robots' | 'missing';

/**
 * The customer-facing storefront. A store answers at `/` (and `/products/:handle`, `/sitemap.xml`,
 * `/robots.txt`) on its own domains, and at `/s/:store/…` on any host; `/` elsewhere lists the stores.
 */
export async function storefrontRoutes(app: FastifyInstance, options: StorefrontOptions): Promise<void> {
  const { db } = options;
  const ttlMs = options.cache?.ttlMs ?? 5_000;
  const { changes } = options;
  const pages = new PageCache({
    ttlMs,
    maxEntries: options.cache?.maxEntries ?? 2_000,
    maxBytes: options.cache?.maxBytes ?? 64 * 1024 * 1024,
    // While this instance's own catalog or stock change is not yet confirmed, pages render without being kept.
    mayStore: (storeId) =>
      !changes ||
      (changes.healthy &&
        !hasPendingChange([
          catalogTopic(storeId),
          inventoryTopic(storeId),
          marketsTopic(storeId),
          reviewsTopic(storeId),
          experimentsTopic(storeId),
          shippingTopic(storeId),
        ])),
  });
  const stores = new StoreLookup(db, { ttlMs, maxEntries: 5_000 });
  // The shopper's market (currency, prices shown) per request; page cache keys include it (market/).
  const shopperMarkets = new ShopperMarkets(db, changes);
  // Visitors' variants of running experiments; what it remembers is only a cache of the database.
  const assignments = new ExperimentAssignments(db);
  // The cart, checkout and order placement assign the same way (the free-shipping threshold).
  const cartExperiments = { assignments, tracked: options.tracking !== undefined };
  const instance = { pages, stores };
  liveStorefronts.add(instance);
  const dropPages = (topic: string | null) => {
    if (topic?.startsWith('catalog:')) {
      const storeId = topic.slice('catalog:'.length);
      pages.invalidate(storeId);
      pages.invalidate(INSTALLATION);
    } else if (topic?.startsWith('markets:')) {
      // Markets, price lists or exchange rates changed: the prices pages show did.
      pages.invalidate(topic.slice('markets:'.length));
    } else if (topic?.startsWith('reviews:')) {
      // A review was published, taken down, answered or deleted: product pages show them.
      pages.invalidate(topic.slice('reviews:'.length));
    } else if (topic?.startsWith('experiments:')) {
      // An experiment started, stopped or changed its variants: pages show other variants now.
      pages.invalidate(topic.slice('experiments:'.length));
      assignments.forget();
    } else if (topic?.startsWith('shipping:')) {
      // Rates changed: product pages say from which subtotal shipping is free.
      pages.invalidate(topic.slice('shipping:'.length));
    } else if (topic?.startsWith('inventory:')) {
      // Stock shoppers can see changed (availability, in-stock counts, the feed); the store list did not.
      pages.invalidate(topic.slice('inventory:'.length));
    } else if (topic === null || topic === accessTopic) {
      // Store names, handles and domains live in access data.
      pages.invalidate();
      stores.forget();
    }
  };
  const unsubscribe = changes?.subscribe(dropPages);
  // This instance's own changes drop its pages at the announcement too, not only when the commit's
  // notification comes back: another feed in the process may hear it first and clear the pending mark.
  const unsubscribeLocal = changes?.subscribeLocal(dropPages);
  app.addHook('onClose', async () => {
    liveStorefronts.delete(instance);
    unsubscribe?.();
    unsubscribeLocal?.();
  });

  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : undefined;
  const sitemapLimits = sitemapFileLimits({
    ...(options.sitemap?.urlsPerFile !== undefined ? { urls: options.sitemap.urlsPerFile } : {}),
    ...(options.sitemap?.bytesPerFile !== undefined ? { bytes: options.sitemap.bytesPerFile } : {}),
  });

  /** Stores reached by path share the installation's address; a store on its own domain keeps that domain. */
  function baseUrlFor(request: FastifyRequest, mount: 'path' | 'host'): string {
    if (mount === 'path') return requestBaseUrl(request, options.publicUrl);
    const protocol = publicUrl ? publicUrl.protocol.replace(':', '') : request.protocol;
    return `${protocol}://${request.host}`;
  }

  function sitePath(site: StorefrontSite, kind: StorePageKind, handle?: string): string {
    if (kind === 'product') return productPath(site, handle!);
    if (kind === 'sitemap') return sitemapPath(site);
    if (kind === 'sitemap-part') return sitemapFilePath(site, Number(handle));
    if (kind === 'robots') return `${site.basePath}/robots.txt`;
    if (kind === 'missing') return `${site.basePath}/*`;
    return homePath(site);
  }

  async function renderStorePage(
    site: StorefrontSite,
    kind: StorePageKind,
    handle?: string,
    variant?: string,
  ): Promise<RenderedPage> {
    if (kind === 'home') {
      const home = await loadLocalizedHome(db, site, HOME_PRODUCT_LIMIT);
      const priced = await withCardPrices(db, home.site, home.products);
      return {
        status: 200,
        contentType: HTML,
        body: renderHomePage(priced, home.products, home.images),
        exposures: pageExposures(site, { kind: 'home' }),
        events: [
          viewItemListEvent(
            'home',
            home.products.map((p) => p.id),
          ),
        ],
      };
    }
    if (kind === 'product') {
      // In the page's locale; a renamed or localized handle answers with a permanent redirect.
      const found = await loadLocalizedProductPage(db, site, handle!, RELATED_PRODUCT_COUNT);
      if (found.kind === 'moved') {
        const { location } = found;
        return {
          status: 301,
          contentType: 'text/plain; charset=utf-8',
          body: `Moved to ${location}`,
          location,
        };
      }
      if (found.kind === 'missing') {
        return { status: 404, contentType: HTML, body: renderStoreNotFoundPage(site, 'product') };
      }
      const productId = found.detail.product.id;
      const [trail, stock, summary, reviews] = await Promise.all([
        loadCategoryTrail(db, site.store.id, found.detail.product.categoryId),
        options.variantAvailability?.availability(
          site.store.id,
          found.detail.variants.map((v) => ({ variantId: v.id, inventoryPolicy: v.inventoryPolicy })),
        ),
        productRatingSummary(db, site.store.id, productId),
        publishedReviewsOf(db, site.store.id, productId, PRODUCT_PAGE_REVIEWS),
      ]);
      // The variants' and the related cards' prices in the shopper's market.
      const priced = await withCardPrices(
        db,
        await withVariantPrices(
          db,
          found.site,
          found.detail.variants.map((v) => v.id),
        ),
        found.related,
      );
      const body = renderProductPage(
        priced,
        found.detail,
        found.related,
        variant,
        trail,
        found.images,
        stock,
        { summary, reviews },
      );
      return {
        status: 200,
        contentType: HTML,
        body,
        events: [viewItemEvent(priced, found.detail, variant)],
        exposures: pageExposures(site, { kind: 'product', productId }),
      };
    }
    if (kind === 'sitemap') return renderStoreSitemap(db, site, sitemapLimits);
    if (kind === 'sitemap-part') return renderStoreSitemap(db, site, sitemapLimits, Number(handle));
    if (kind === 'robots') {
      const body = renderRobots(absoluteUrl(site.baseUrl, sitemapPath(site)));
      return { status: 200, contentType: 'text/plain; charset=utf-8', body };
    }
    return { status: 404, contentType: HTML, body: renderStoreNotFoundPage(site, 'page') };
  }

  async function serveStorePage(
    request: FastifyRequest,
    reply: FastifyReply,
    store: Store,
    mount: 'path' | 'host',
    kind: StorePageKind,
    handle?: string,
    localeSegment?: string,
  ): Promise<FastifyReply> {
    const storePath = mount === 'path' ? `/s/${store.handle}` : '';
    const located = pageLocale(
      request,
      storefrontSite(store, storePath, baseUrlFor(request, mount)),
      kind === 'home',
      localeSegment,
    );
    if (located.kind === 'redirect') return sendLocaleRedirect(reply, located);
    if (located.unknownLocale) return serveStorePage(request, reply, store, mount, 'missing');
    if (kind === 'sitemap-part' && !SITEMAP_PART.test(handle ?? '')) {
      return serveStorePage(request, reply, store, mount, 'missing');
    }
    // Pages with prices and the country selector depend on the shopper's market.
    let site =
      kind === 'home' || kind === 'product' || kind === 'missing'
        ? await withConsentPrompt(db, request, await shopperMarkets.siteFor(request, located.site))
        : located.site;
    // Home and product pages show experiments' variants; their cache keys carry the visitor's.
    let visitor: Awaited<ReturnType<typeof withExperiments>>['visitor'] = null;
    if (kind === 'home' || kind === 'product') {
      ({ site, visitor } = await withExperiments(db, assignments, request, reply, site, {
        tracked: options.tracking !== undefined,
      }));
    }
    const variants = site.experiments ? variantCacheKey(site.experiments, kind as 'home' | 'product') : '';
    // Product pages say from which subtotal shipping is free (the visitor's threshold variant).
    if (kind === 'product') site = await withFreeShippingNote(db, site);
    // Only well-formed variant ids vary the page, so junk query strings cannot flood the cache.
    const requested = (request.query as { variant?: unknown }).variant;
    const variant =
      kind === 'product' && typeof requested === 'string' && VARIANT_ID.test(requested)
        ? requested
        : undefined;
    const key = `${site.locale} ${marketCacheKey(site.market)} ${site.baseUrl}${sitePath(site, kind, handle)}${variant ? `?variant=${variant}` : ''}${site.askConsent ? ' ask-consent' : ''}${variants ? ` experiments:${variants}` : ''}${site.freeShippingFrom ? ` free-from:${site.freeShippingFrom.amount}` : ''}`;
    const shownSite = site;
    const page = await pages.get(store.id, key, () => renderStorePage(shownSite, kind, handle, variant));
    if (visitor && page.exposures) {
      const shown = visitor.assigned.filter((a) => page.exposures!.includes(a.experimentId));
      // Counted once per visitor: a visitor already counted costs no query (assignment/).
      await assignments
        .recordExposures(store.id, visitor.visitorId, shown)
        .catch((err: unknown) => request.log.warn({ err }, 'experiment exposure not recorded'));
    }
    if (page.contentType === HTML && (page.status === 200 || page.status === 404)) {
      await options.tracking?.track(request, reply, site, [
        { name: 'page_view', pagePath: request.url.split('?')[0]! },
        ...(page.events ?? []),
      ]);
    }
    // A page with experiment variants depends on the visitor cookie: shared caches must not mix them.
    return sendCachedPage(pages, request, reply, page, [
      ...(located.vary ?? []),
      ...marketVary(site.market),
      ...(variants ? ['cookie'] : []),
    ]);
  }

  function sendInstallationNotFound(reply: FastifyReply, message: string) {
    return reply
      .status(404)
      .header('content-type', HTML)
      .header('cache-control', 'no-cache')
      .send(renderInstallationNotFoundPage(message));
  }

  async function serveInstallationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
    render: (baseUrl: string) => Promise<RenderedPage>,
  ) {
    const baseUrl = baseUrlFor(request, 'path');
    const page = await pages.get(INSTALLATION, `${baseUrl}${path}`, () => render(baseUrl));
    return sendCachedPage(pages, request, reply, page);
  }

  const hidden = { schema: { hide: true } };

  // (a) A store on its own domain; (c) anywhere else, the installation's front door.
  app.get('/', hidden, async (request, reply) => {
    const store = await stores.byHost(request.hostname);
    if (store) return serveStorePage(request, reply, store, 'host', 'home');
    return serveInstallationPage(request, reply, '/', async () => ({
      status: 200,
      contentType: HTML,
      body: renderStoreDirectoryPage(await listAllStores(db)),
    }));
  });
  app.get<{ Params: { handle: string } }>('/products/:handle', hidden, async (request, reply) => {
    const store = await stores.byHost(request.hostname);
    if (store) return serveStorePage(request, reply, store, 'host', 'product', request.params.handle);
    return sendInstallationNotFound(
      reply,
      'No store answers at this address. Pick one from the list of stores.',
    );
  });
  app.get('/sitemap.xml', hidden, async (request, reply) => {
    const store = await stores.byHost(request.hostname);
    if (store) return serveStorePage(request, reply, store, 'host', 'sitemap');
    return serveInstallationPage(request, reply, '/sitemap.xml', async (baseUrl) => {
      // Each store's sitemap, or its numbered files when it has several: an index lists no index.
      // One store at a time, so a portfolio of large stores does not take every connection at once.
      const sitemaps: { loc: string; lastmod?: Date }[] = [];
      for (const store of await listAllStores(db)) {
        const site = storefrontSite(store, `/s/${store.handle}`, baseUrl);
        sitemaps.push(...(await storeSitemapLocations(db, site, sitemapLimits)));
      }
      return {
        status: 200,
        contentType: 'application/xml; charset=utf-8',
        body: renderSitemapIndex(sitemaps),
      };
    });
  });
  app.get<{ Params: { part: string } }>('/sitemap-:part.xml', hidden, async (request, reply) => {
    const store = await stores.byHost(request.hostname);
    if (store) return serveStorePage(request, reply, store, 'host', 'sitemap-part', request.params.part);
    return sendInstallationNotFound(
      reply,
      'No store answers at this address. Pick one from the list of stores.',
    );
  });
  app.get('/robots.txt', hidden, async (request, reply) => {
    const store = await stores.byHost(request.hostname);
    if (store) return serveStorePage(request, reply, store, 'host', 'robots');
    return serveInstallationPage(request, reply, '/robots.txt', async (baseUrl) => ({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: renderRobots(`${baseUrl}/sitemap.xml`),
    }));
  });

  // (b) Any store by path prefix, on any host.
  type StoreParams = { Params: { store: string; handle?: string } };
  const byPath =
    (kind: StorePageKind) => async (request: FastifyRequest<StoreParams>, reply: FastifyReply) => {
      const store = await stores.byHandle(request.params.store);
      if (!store) return sendInstallationNotFound(reply, 'There is no store at this address.');
      return serveStorePage(request, reply, store, 'path', kind, request.params.handle);
    };
  const routerOptions = app.initialConfig as {
    ignoreTrailingSlash?: boolean;
    routerOptions?: { ignoreTrailingSlash?: boolean };
  };
  if (!(routerOptions.routerOptions?.ignoreTrailingSlash ?? routerOptions.ignoreTrailingSlash)) {
    app.get<StoreParams>('/s/:store', hidden, (request, reply) =>
      reply.redirect(`/s/${encodeURIComponent(request.params.store)}/`, 301),
    );
  }
  app.get<StoreParams>('/s/:store/', hidden, byPath('home'));
  app.get<StoreParams>('/s/:store/products/:handle', hidden, byPath('product'));
  app.get<StoreParams>('/s/:store/sitemap.xml', hidden, byPath('sitemap'));
  app.get<{ Params: { store: string; part: string } }>(
    '/s/:store/sitemap-:part.xml',
    hidden,
    async (request, reply) => {
      const store = await stores.byHandle(request.params.store);
      if (!store) return sendInstallationNotFound(reply, 'There is no store at this address.');
      return serveStorePage(request, reply, store, 'path', 'sitemap-part', request.params.part);
    },
  );
  app.get<StoreParams>('/s/:store/robots.txt', hidden, byPath('robots'));
  app.get<StoreParams>('/s/:store/*', hidden, byPath('missing'));

  // (a) and (b) in the store's other locales: /fr/…, /s/:store/fr/… (locales/).
  registerLocalePages(app, {
    storeByHost: (hostname) => stores.byHost(hostname),
    storeByHandle: (handle) => stores.byHandle(handle),
    serve: serveStorePage,
    noStore: sendInstallationNotFound,
    trailingSlashMatters: !(
      routerOptions.routerOptions?.ignoreTrailingSlash ?? routerOptions.ignoreTrailingSlash
    ),
  });

  // Listings: /search, /categories/:handle, /collections/:handle, under /s/:store/ and locale prefixes too.
  registerListingRoutes(app, {
    db,
    pages,
    markets: shopperMarkets,
    storeByHost: (hostname) => stores.byHost(hostname),
    storeByHandle: (handle) => stores.byHandle(handle),
    baseUrlFor,
    noStore: sendInstallationNotFound,
    ...(options.searchStock ? { stock: options.searchStock } : {}),
    ...(options.tracking ? { tracking: options.tracking } : {}),
  });

  // The Google Merchant Center feed: /feeds/google/<locale>.xml|tsv and /s/:store/feeds/google/… .
  registerMerchantFeedRoutes(app, {
    db,
    pages,
    storeByHost: (hostname) => stores.byHost(hostname),
    storeByHandle: (handle) => stores.byHandle(handle),
    baseUrlFor,
    noStore: sendInstallationNotFound,
    ...(options.feedStock ? { stock: options.feedStock } : {}),
  });

  // Customer accounts: /account/… under both mounts and every locale; never page-cached (account/).
  // The cart and the country selector's post: /cart, /cart/…, /market; never page-cached (cart/).
  await app.register(cartRoutes, {
    db,
    markets: shopperMarkets,
    storeByHost: (hostname) => stores.byHost(hostname),
    storeByHandle: (handle) => stores.byHandle(handle),
    baseUrlFor,
    noStore: sendInstallationNotFound,
    ...(options.tracking ? { tracking: options.tracking } : {}),
    experiments: cartExperiments,
  });

  const accountContext = {
    db,
    storeByHost: (hostname: string) => stores.byHost(hostname),
    storeByHandle: (handle: string) => stores.byHandle(handle),
    baseUrlFor,
    noStore: sendInstallationNotFound,
  };
  await app.register(accountRoutes, accountContext);
  // The contact form (support/): a support ticket per message; never page-cached.
  await app.register(contactRoutes, accountContext);
  // Newsletter sign-up, confirmation, unsubscribe and tracking addresses (newsletters/); never page-cached.
  await app.register(newsletterPageRoutes, accountContext);
  // The support satisfaction survey's landing page (support/): one-click rating, optional comment.
  await app.register(satisfactionRoutes, accountContext);

  // Checkout and the customer's order pages: /checkout/…, /orders/…; never page-cached (checkout/, orders/).
  const shopperPages = {
    db,
    storeByHost: (hostname: string) => stores.byHost(hostname),
    storeByHandle: (handle: string) => stores.byHandle(handle),
    baseUrlFor,
    noStore: sendInstallationNotFound,
  };
  await app.register(checkoutRoutes, {
    ...shopperPages,
    ...(options.tracking ? { tracking: options.tracking } : {}),
    experiments: cartExperiments,
  });
  await app.register(storefrontOrderRoutes, shopperPages);
  // Customers' reviews: a request e-mail's link, a signed-in customer's form (reviews/); never page-cached.
  await app.register(storefrontReviewRoutes, {
    ...shopperPages,
    ...(options.reviewPhotos ? { photos: options.reviewPhotos } : {}),
  });
  // The analytics consent banner's answer (analytics/).
  await app.register(consentRoutes, {
    storeByHost: (hostname) => stores.byHost(hostname),
    storeByHandle: (handle) => stores.byHandle(handle),
    noStore: sendInstallationNotFound,
  });

  app.get<{ Params: { store: string; file: string } }>(
    '/assets/demo/:store/:file',
    hidden,
    async (request, reply) => {
      const store = await stores.byHandle(request.params.store);
      return serveProductArt({ db, pages, request, reply, store, file: request.params.file });
    },
  );
}
