import type { ChangeFeed } from './change-feed.ts';
import { ReadCache } from './read-cache.ts';

/**
 * The change feeds of the databases this process serves, seen as one: healthy only while at least
 * one is attached and all are healthy, and passing on every change any of them hears. A server has
 * one; a test process may run several apps on several databases at once.
 */
class AttachedFeeds implements ChangeFeed {
  readonly #feeds = new Map<ChangeFeed, () => void>();
  readonly #listeners = new Set<(topic: string | null) => void>();
  readonly #local = new Set<(topic: string) => void>();

  get healthy(): boolean {
    if (this.#feeds.size === 0) return false;
    for (const feed of this.#feeds.keys()) if (!feed.healthy) return false;
    return true;
  }

  subscribe(listener: (topic: string | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  subscribeLocal(listener: (topic: string) => void): () => void {
    this.#local.add(listener);
    return () => this.#local.delete(listener);
  }

  attach(feed: ChangeFeed): () => void {
    if (!this.#feeds.has(feed)) {
      const heard = feed.subscribe((topic) => this.#deliver(topic));
      const announced = feed.subscribeLocal((topic) => {
        for (const listener of this.#local) listener(topic);
      });
      this.#feeds.set(feed, () => {
        heard();
        announced();
      });
      // What was cached while this feed was not listening may be stale for its database.
      this.#deliver(null);
    }
    return () => {
      this.#feeds.get(feed)?.();
      this.#feeds.delete(feed);
      this.#deliver(null);
    };
  }

  async close(): Promise<void> {}

  #deliver(topic: string | null) {
    for (const listener of this.#listeners) listener(topic);
  }
}

const feeds = new AttachedFeeds();

/**
 * A store's terms of sale as every checkout step reads them — its markets, exchange rates, shipping
 * zones, rates and pick-up points, tax settings and rates, smart collections' rules — held once per
 * process. They change a few times a month and are read a dozen times an order, so re-reading them
 * was most of a checkout's queries (docs/benchmarks.md).
 *
 * The module that owns a piece of configuration reads it through `cachedConfig`, under topics its
 * writers announce in the writing transaction (`announceChange`), so an instance drops its copy
 * when the change commits and the writer itself reads its own change at once. Keys start with the
 * store id (ids are unique across databases). With no change feed attached (a script, a test
 * calling services without the app) or a feed that lost its connection, every read goes to the
 * database.
 */
const cache = new ReadCache<object>(feeds, { max: 20_000, ttlMs: 5 * 60_000 });

/**
 * The cached value of `key`, else `load()`'s, kept until one of `topics` changes (`undefined`, for
 * nothing found, is never kept).
 */
export function cachedConfig<V extends object | undefined>(
  key: string,
  topics: readonly string[],
  load: () => Promise<V>,
): Promise<V> {
  return cache.get(key, topics, load);
}

/**
 * Per-item values under one set of topics (e.g. each of a cart's variants): the cached ones, and the
 * rest from one `load` of the missing items (items it does not return are not cached). `keyOf`
 * makes an item's cache key; like every key here it starts with the store id.
 */
export async function cachedConfigMany<V extends object>(
  items: readonly string[],
  keyOf: (item: string) => string,
  topics: readonly string[],
  load: (missing: string[]) => Promise<Map<string, V>>,
): Promise<Map<string, V>> {
  const itemOf = new Map(items.map((item) => [keyOf(item), item]));
  const byKey = await cache.getMany([...itemOf.keys()], topics, async (missingKeys) => {
    const loaded = await load(missingKeys.map((key) => itemOf.get(key)!));
    return new Map([...loaded].map(([item, value]) => [keyOf(item), value]));
  });
  return new Map([...byKey].map(([key, value]) => [itemOf.get(key)!, value as V]));
}

/** Lets the configuration cache serve reads while `feed` keeps it true; returns the detach. */
export function attachConfigCache(feed: ChangeFeed): () => void {
  return feeds.attach(feed);
}

/** Hits and misses so far (benchmarks and tests look at them). */
export function configCacheStats(): { hits: number; misses: number; size: number } {
  return { hits: cache.hits, misses: cache.misses, size: cache.size };
}
