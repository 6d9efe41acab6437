import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderProductArt } from '../demo/product-art.ts';
import type { Store } from '../modules/access/index.ts';
import { findProductByHandle } from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { errorBody } from '../platform/errors.ts';
import type { PageCache } from './page-cache.ts';
import { sendCachedPage } from './page-response.ts';

const ART_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/;

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
