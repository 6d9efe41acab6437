import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, CompressedEncoding, PageCache } from './page-cache.ts';

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function negotiateEncoding(acceptEncoding: string | undefined): CompressedEncoding | 'identity' {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/**
 * Sends a cached page: 304 when the client's copy is current, else the body in the negotiated
 * encoding. `vary` names further request headers the response depended on (a negotiated home page).
 */
export function sendCachedPage(
  cache: PageCache,
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  vary: readonly string[] = [],
) {
  reply
    .header('content-type', page.contentType)
    .header('cache-control', page.cacheControl)
    .header('etag', page.etag)
    .header('vary', ['accept-encoding', ...vary].join(', '));
  if (page.location) reply.header('location', page.location);
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], page.etag)) {
    return reply.status(304).send();
  }
  const { body, encoding } = cache.bodyFor(page, negotiateEncoding(request.headers['accept-encoding']));
  if (encoding) reply.header('content-encoding', encoding);
  return reply.status(page.status).send(body);
}
