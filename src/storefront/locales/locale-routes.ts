import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeOfPathSegment, type Store } from '../../modules/access/index.ts';

export type LocalizedPageKind = 'home' | 'product';

/** What the storefront's routes lend the locale routes: finding the store, and serving one of its pages. */
export interface LocaleRouteContext {
  storeByHost(hostname: string): Promise<Store | undefined>;
  storeByHandle(handle: string): Promise<Store | undefined>;
  serve(
    request: FastifyRequest,
    reply: FastifyReply,
    store: Store,
    mount: 'path' | 'host',
    kind: LocalizedPageKind,
    handle: string | undefined,
    localeSegment: string,
  ): Promise<FastifyReply>;
  /** The installation's 404 page, for a store address that names no store. */
  noStore(reply: FastifyReply, message: string): FastifyReply;
  /** False when the router already treats `/fr` and `/fr/` alike. */
  trailingSlashMatters: boolean;
}

type LocaleParams = { Params: { locale: string; store?: string; handle?: string } };

/**
 * The pages that exist in every served locale, under the locale's prefix: the home and product
 * pages, on a store's own domain (`/fr/…`) and under `/s/:store/fr/…`. What a prefix means is
 * decided in page-locale.ts; a first path segment that is no locale of the host's store falls
 * through to the ordinary 404.
 */
export function registerLocalePages(app: FastifyInstance, context: LocaleRouteContext): void {
  const hidden = { schema: { hide: true } };
  const noStoreMessage = (byPath: boolean) =>
    byPath
      ? 'There is no store at this address.'
      : 'No store answers at this address. Pick one from the list of stores.';

  const page =
    (kind: LocalizedPageKind) => async (request: FastifyRequest<LocaleParams>, reply: FastifyReply) => {
      const { store: handle, locale, handle: productHandle } = request.params;
      const byPath = handle !== undefined;
      const store = byPath
        ? await context.storeByHandle(handle)
        : await context.storeByHost(request.hostname);
      if (!store) {
        // On a host without a store, `/<anything>/` is just an unknown address.
        if (!byPath && kind === 'home') return reply.callNotFound();
        return context.noStore(reply, noStoreMessage(byPath));
      }
      if (!byPath && kind === 'home' && !localeOfPathSegment(store, locale)) return reply.callNotFound();
      return context.serve(request, reply, store, byPath ? 'path' : 'host', kind, productHandle, locale);
    };

  app.get<LocaleParams>('/:locale/', hidden, page('home'));
  app.get<LocaleParams>('/:locale/products/:handle', hidden, page('product'));
  app.get<LocaleParams>('/s/:store/:locale/', hidden, page('home'));
  app.get<LocaleParams>('/s/:store/:locale/products/:handle', hidden, page('product'));

  if (context.trailingSlashMatters) {
    const toHome = async (request: FastifyRequest<LocaleParams>, reply: FastifyReply) => {
      const { store: handle, locale } = request.params;
      const store =
        handle !== undefined
          ? await context.storeByHandle(handle)
          : await context.storeByHost(request.hostname);
      if (!store)
        return handle !== undefined ? context.noStore(reply, noStoreMessage(true)) : reply.callNotFound();
      if (!localeOfPathSegment(store, locale)) {
        // Not a locale: under /s/:store that is a missing page of the store, elsewhere an unknown address.
        if (handle === undefined) return reply.callNotFound();
        return context.serve(request, reply, store, 'path', 'home', undefined, locale);
      }
      return reply.redirect(`${request.url.split('?')[0]}/`, 301);
    };
    app.get<LocaleParams>('/:locale', hidden, toHome);
    app.get<LocaleParams>('/s/:store/:locale', hidden, toHome);
  }
}
