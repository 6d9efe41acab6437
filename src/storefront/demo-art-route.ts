import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderProductArt } from '../demo/product-art.ts';
import type { Store } from '../modules/access/index.ts';
import { findActiveProductByHandle, listProducts, type Product } from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { errorBody } from '../platform/errors.ts';
import type { PageCache } from './page-cache.ts';
import { sendCachedPage } from './page-response.ts';

const ART_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/;
const SEARCH_PAGE = 200;

/**
 * A product by exact handle whatever its status (the admin shows drafts' pictures too). The catalog
 * offers an exact finder for active products only; for the others its search, which matches
 * substrings, is walked until the exact handle turns up.
 */
async function findProductByHandle(db: Db, storeId: string, handle: string): Promise<Product | undefined> {
  const active = await findActiveProductByHandle(db, storeId, handle);
  if (active) return active;
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const { items, total } = await listProducts(db, storeId, { q: handle, limit: SEARCH_PAGE, offset });
    const found = items.find((p) => p.handle === handle);
    if (found || items.length === 0 || offset + SEARCH_PAGE >= total) return found;
  }
}

/** GET /assets/demo/:store/:product.svg — the generated artwork of a product, cached like a page. */
export async function serveProductArt(args: {
  db: Db;
  pages: PageCache;
  request: FastifyRequest;
  reply: FastifyReply;
  store: Store | undefined;
  file: string;
}) {
  const { db, pages, request, reply, store } = args;
  const handle = ART_FILE.exec(args.file)?.[1];
  if (!store || !handle) return reply.status(404).send(errorBody('not_found', 'No such product image.'));
  const page = await pages.get(store.id, `art:${handle}`, async () => {
    const product = await findProductByHandle(db, store.id, handle);
    if (!product) {
      return {
        status: 404,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(errorBody('not_found', 'No such product image.')),
      };
    }
    return {
      status: 200,
      contentType: 'image/svg+xml',
      body: renderProductArt({ title: product.title, productType: product.productType, seed: product.id }),
      // Long-lived: the address names the product, and the picture only changes with its title or type.
      cacheControl: 'public, max-age=86400, stale-while-revalidate=604800',
    };
  });
  return sendCachedPage(pages, request, reply, page);
}
