import { pipeline, Readable } from 'node:stream';
import { createBrotliCompress, createGzip, constants as zlibConstants } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeOfPathSegment, type Store } from '../modules/access/index.ts';
import {
  type FeedStockSource,
  type FeedStore,
  feedProducts,
  renderMerchantFeedTsv,
  renderMerchantFeedXml,
} from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { siteInLocale, storefrontSite } from './locales/locale-site.ts';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import type { PageCache } from './page-cache.ts';
import { negotiateEncoding, sendCachedPage } from './page-response.ts';
import { absoluteUrl, productPath } from './site.ts';

/**
 * The Google Merchant Center feed of a store, per locale: `/feeds/google/<locale>.xml` (RSS 2.0 with
 * the `g:` namespace) and `.tsv`, on the store's own domain and under `/s/<store>/`. Text is the
 * locale's translation where there is one (else the default locale's), links go to the product's
 * page in that locale, and attribute values Google fixes (availability, condition) stay its codes.
 * The feed streams
 * as it is built, so a catalog of any size goes out with flat memory; a feed small enough is also
 * kept in the page cache (dropped by any change to the store's catalog), so Merchant Center's
 * repeated fetches cost nothing until something changes.
 */

export interface MerchantFeedContext {
  db: Db;
  pages: PageCache;
  storeByHost(hostname: string): Promise<Store | undefined>;
  storeByHandle(handle: string): Promise<Store | undefined>;
  /** Where absolute URLs of the store start for this request. */
  baseUrlFor(request: FastifyRequest, mount: 'path' | 'host'): string;
  noStore(reply: FastifyReply, message: string): FastifyReply;
  /** Availability per variant; every variant of a live product is in stock until inventory exists. */
  stock?: FeedStockSource;
}

const FEED_FILE = /^([A-Za-z0-9-]{2,35})\.(xml|tsv)$/;
const contentTypes = {
  xml: 'application/xml; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
} as const;
/** Feeds up to this size are kept in the page cache; larger ones are streamed every time. */
export const FEED_CACHE_MAX_BYTES = 4 * 1024 * 1024;
/** A kept feed lives until the catalog changes, or this long at most. */
const FEED_CACHE_TTL_MS = 10 * 60_000;

function notFoundText(reply: FastifyReply, message: string) {
  return reply
    .status(404)
    .header('content-type', 'text/plain; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(message);
}

/** The region of a locale (`de-CH` → `CH`), which Merchant Center takes as the feed's target country. */
function countryOf(locale: string): string {
  try {
    return new Intl.Locale(locale).region ?? '';
  } catch {
    return '';
  }
}

async function serveFeed(
  context: MerchantFeedContext,
  request: FastifyRequest,
  reply: FastifyReply,
  store: Store,
  mount: 'path' | 'host',
  file: string,
) {
  const match = FEED_FILE.exec(file);
  const locale = match ? localeOfPathSegment(store, match[1]!) : undefined;
  if (!match || !locale) return notFoundText(reply, 'This store has no product feed at this address.');
  const format = match[2] as 'xml' | 'tsv';
  const storePath = mount === 'path' ? `/s/${store.handle}` : '';
  const site = siteInLocale(storefrontSite(store, storePath, context.baseUrlFor(request, mount)), locale);
  const key = `feed:google ${format} ${locale} ${site.baseUrl}${storePath}`;
  const { pages } = context;

  const cached = pages.peek(store.id, key);
  if (cached) return sendCachedPage(pages, request, reply, cached);

  const feedStore: FeedStore = {
    name: store.name,
    baseUrl: absoluteUrl(site.baseUrl, `${site.basePath}/`),
    currency: store.baseCurrency,
    language: locale,
    country: countryOf(locale),
    description: messagesFor(locale).feedDescription(store.name),
  };
  const products = feedProducts(context.db, {
    store,
    locale,
    productUrl: (handle) => absoluteUrl(site.baseUrl, productPath(site, handle)),
    imageUrl: (src) => absoluteUrl(site.baseUrl, src),
    ...(context.stock ? { stock: context.stock } : {}),
  });
  const chunks =
    format === 'xml'
      ? renderMerchantFeedXml(feedStore, products)
      : renderMerchantFeedTsv(feedStore, products);

  // The body goes out as it is made and is collected on the side while it stays small enough to keep.
  const stamp = pages.stamp(store.id);
  async function* collected(): AsyncGenerator<Buffer> {
    let kept: Buffer[] | null = [];
    let size = 0;
    for await (const chunk of chunks) {
      const bytes = Buffer.from(chunk);
      if (kept) {
        size += bytes.length;
        if (size <= FEED_CACHE_MAX_BYTES) kept.push(bytes);
        else kept = null;
      }
      yield bytes;
    }
    if (kept) {
      const page = { status: 200, contentType: contentTypes[format], body: Buffer.concat(kept) };
      pages.fill(store.id, key, page, stamp, FEED_CACHE_TTL_MS);
    }
  }

  let body: Readable = Readable.from(collected());
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (encoding !== 'identity') {
    const compressor =
      encoding === 'br'
        ? createBrotliCompress({ params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
        : createGzip({ level: 6 });
    body = pipeline(body, compressor, (err) => {
      if (err) request.log.warn({ err }, 'merchant feed stream failed');
    });
    reply.header('content-encoding', encoding);
  }
  return reply
    .status(200)
    .header('content-type', contentTypes[format])
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding')
    .send(body);
}

export function registerMerchantFeedRoutes(app: FastifyInstance, context: MerchantFeedContext): void {
  const hidden = { schema: { hide: true } };
  app.get<{ Params: { file: string } }>('/feeds/google/:file', hidden, async (request, reply) => {
    const store = await context.storeByHost(request.hostname);
    if (!store)
      return context.noStore(reply, 'No store answers at this address. Pick one from the list of stores.');
    return serveFeed(context, request, reply, store, 'host', request.params.file);
  });
  app.get<{ Params: { store: string; file: string } }>(
    '/s/:store/feeds/google/:file',
    hidden,
    async (request, reply) => {
      const store = await context.storeByHandle(request.params.store);
      if (!store) return context.noStore(reply, 'There is no store at this address.');
      return serveFeed(context, request, reply, store, 'path', request.params.file);
    },
  );
}
