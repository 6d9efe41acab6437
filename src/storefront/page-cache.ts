import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { PageEvent } from '../modules/analytics/index.ts';

/** A response as a page renderer produces it, before caching. */
export interface RenderedPage {
  status: number;
  contentType: string;
  body: string | Buffer;
  /** Defaults to `no-cache` (browsers revalidate with the ETag; a 304 costs almost nothing). */
  cacheControl?: string;
  /** Where a 301 points. */
  location?: string;
  /** What showing the page tells analytics besides its page_view (view_item, view_item_list, search). */
  events?: readonly PageEvent[];
  /** Experiments whose elements the page shows: showing it exposes the visitor to them. */
  exposures?: readonly string[];
}

export type CompressedEncoding = 'br' | 'gzip';

export interface CachedPage {
  readonly status: number;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly location?: string;
  readonly events?: readonly PageEvent[];
  readonly exposures?: readonly string[];
  readonly body: Buffer;
  /** Weak, because the same validator stands for the identity, gzip and brotli bytes of the page. */
  readonly etag: string;
  /** Compressed variants, made the first time a client negotiates them. */
  readonly compressed: Partial<Record<CompressedEncoding, Buffer>>;
  readonly storeId: string;
  readonly cacheKey: string;
  readonly expiresAt: number;
}

export interface PageCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Bound on the bytes held (bodies plus their compressed variants). */
  maxBytes: number;
  now?: () => number;
  /**
   * False while a store's pages must be neither served from the cache nor kept (e.g. this instance
   * changed the store and the change is not yet confirmed): the writer then reads its own write.
   */
  mayStore?: (storeId: string) => boolean;
}

/** Below this size compression saves less than the header costs. */
const MIN_COMPRESSIBLE_BYTES = 1024;

export function toCachedPage(
  page: RenderedPage,
  storeId: string,
  cacheKey: string,
  expiresAt: number,
): CachedPage {
  const body = typeof page.body === 'string' ? Buffer.from(page.body) : page.body;
  const hash = createHash('sha1').update(body).digest('base64url').slice(0, 22);
  return {
    status: page.status,
    contentType: page.contentType,
    cacheControl: page.cacheControl ?? 'no-cache',
    ...(page.location ? { location: page.location } : {}),
    ...(page.events ? { events: page.events } : {}),
    ...(page.exposures ? { exposures: page.exposures } : {}),
    body,
    etag: `W/"${hash}"`,
    compressed: {},
    storeId,
    cacheKey,
    expiresAt,
  };
}

function compress(body: Buffer, encoding: CompressedEncoding): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  // Quality 11 (the default) costs ~20x more CPU for a few percent; pages are re-rendered every few seconds.
  return brotliCompressSync(body, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/**
 * Short-lived in-memory cache of rendered storefront responses, keyed by store id + a key that
 * holds the path and everything else the bytes depend on (e.g. the origin used in canonical URLs).
 *
 * - Concurrent misses for one key share one render, so a burst on a cold page does one query.
 * - `invalidate(storeId)` drops the store's pages and makes renders that started before it
 *   unable to fill the cache with what they read before the change.
 * - Bounded by entry count and bytes; the oldest entries go first.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inflight = new Map<string, { storeId: string; promise: Promise<CachedPage> }>();
  private readonly storeGenerations = new Map<string, number>();
  private generation = 0;
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  async get(storeId: string, key: string, render: () => Promise<RenderedPage>): Promise<CachedPage> {
    const fullKey = `${storeId}\n${key}`;
    if (this.options.mayStore && !this.options.mayStore(storeId)) {
      return toCachedPage(await render(), storeId, fullKey, this.now());
    }
    const hit = this.entries.get(fullKey);
    if (hit) {
      if (hit.expiresAt > this.now()) return hit;
      this.remove(fullKey, hit);
    }
    const pending = this.inflight.get(fullKey);
    if (pending) return pending.promise;

    const stamp = this.stampOf(storeId);
    const promise = render()
      .then((page) => {
        const entry = toCachedPage(page, storeId, fullKey, this.now() + this.options.ttlMs);
        // Checked again: a change may have been announced while rendering.
        const mayStore = this.options.mayStore?.(storeId) ?? true;
        if (mayStore && this.stampOf(storeId) === stamp) this.add(fullKey, entry);
        return entry;
      })
      .finally(() => {
        if (this.inflight.get(fullKey)?.promise === promise) this.inflight.delete(fullKey);
      });
    this.inflight.set(fullKey, { storeId, promise });
    return promise;
  }

  /**
   * A fresh page, without rendering: for responses that stream their body on a miss (feeds). Stands
   * aside (undefined) while the store's pages may not be kept, e.g. a change of it is unconfirmed.
   */
  peek(storeId: string, key: string): CachedPage | undefined {
    if (!(this.options.mayStore?.(storeId) ?? true)) return undefined;
    const hit = this.entries.get(`${storeId}\n${key}`);
    return hit && hit.expiresAt > this.now() ? hit : undefined;
  }

  /** The store's cache generation now; `fill` keeps a page only if it has not moved on since. */
  stamp(storeId: string): string {
    return this.stampOf(storeId);
  }

  /**
   * Keeps a page rendered outside `get` (a streamed body, collected as it went out), unless the store
   * changed after `stamp` was taken. `ttlMs` overrides the cache's TTL for pages that every change
   * of the store invalidates anyway and that are costly to make.
   */
  fill(storeId: string, key: string, page: RenderedPage, stamp: string, ttlMs = this.options.ttlMs): void {
    if (this.stampOf(storeId) !== stamp || !(this.options.mayStore?.(storeId) ?? true)) return;
    const fullKey = `${storeId}\n${key}`;
    this.add(fullKey, toCachedPage(page, storeId, fullKey, this.now() + ttlMs));
  }

  /** The body in the given encoding, compressing (and keeping the result) on first use. */
  bodyFor(
    page: CachedPage,
    encoding: CompressedEncoding | 'identity',
  ): { body: Buffer; encoding?: CompressedEncoding } {
    if (encoding === 'identity' || page.body.length < MIN_COMPRESSIBLE_BYTES) return { body: page.body };
    let body = page.compressed[encoding];
    if (!body) {
      body = compress(page.body, encoding);
      page.compressed[encoding] = body;
      // Only count it when the page is still held, otherwise the byte total would drift.
      if (this.entries.get(page.cacheKey) === page) this.bytes += body.length;
      this.evictOverflow();
    }
    return { body, encoding };
  }

  /** Forgets one store's pages, or every page when no store is given. */
  invalidate(storeId?: string): void {
    if (storeId === undefined) {
      this.generation++;
      this.entries.clear();
      this.inflight.clear();
      this.bytes = 0;
      return;
    }
    this.storeGenerations.set(storeId, (this.storeGenerations.get(storeId) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.storeId === storeId) this.remove(key, entry);
    for (const [key, pending] of this.inflight) if (pending.storeId === storeId) this.inflight.delete(key);
  }

  private stampOf(storeId: string): string {
    return `${this.generation}:${this.storeGenerations.get(storeId) ?? 0}`;
  }

  private sizeOf(entry: CachedPage): number {
    return entry.body.length + (entry.compressed.br?.length ?? 0) + (entry.compressed.gzip?.length ?? 0);
  }

  private add(key: string, entry: CachedPage): void {
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, entry);
    this.bytes += this.sizeOf(entry);
    this.evictOverflow();
  }

  private remove(key: string, entry: CachedPage): void {
    this.entries.delete(key);
    this.bytes -= this.sizeOf(entry);
  }

  private evictOverflow(): void {
    while (
      this.entries.size > this.options.maxEntries ||
      (this.bytes > this.options.maxBytes && this.entries.size > 0)
    ) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, CachedPage];
      this.remove(oldestKey, oldest);
    }
  }
}
