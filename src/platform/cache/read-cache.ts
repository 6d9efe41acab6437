import { LRUCache } from 'lru-cache';
import { type ChangeFeed, hasPendingChange } from './change-feed.ts';

export interface ReadCacheOptions {
  /** Most entries held; the least recently used go first. */
  max: number;
  /** Upper bound on an entry's age, a safety net behind change notifications. */
  ttlMs: number;
}

interface Entry<V> {
  value: V;
  topics: readonly string[];
}

/**
 * An in-process cache of read results that change notifications keep true (see change-feed.ts).
 * A value is stored only if none of its topics changed while it was being read, so a read that
 * raced a commit never outlives the notification of that commit.
 */
export class ReadCache<V extends object> {
  readonly #feed: ChangeFeed;
  readonly #entries: LRUCache<string, Entry<V>>;
  /** Keys per topic, to drop them when the topic changes. */
  readonly #keysByTopic = new Map<string, Set<string>>();
  /** Bumped per topic on each change; `#epoch` on "anything changed". */
  readonly #generation = new Map<string, number>();
  #epoch = 0;
  hits = 0;
  misses = 0;

  constructor(feed: ChangeFeed, options: ReadCacheOptions) {
    this.#feed = feed;
    this.#entries = new LRUCache<string, Entry<V>>({
      max: options.max,
      ttl: options.ttlMs,
      dispose: (entry, key) => {
        for (const topic of entry.topics) {
          const keys = this.#keysByTopic.get(topic);
          keys?.delete(key);
          if (keys?.size === 0) this.#keysByTopic.delete(topic);
        }
      },
    });
    feed.subscribe((topic) => (topic === null ? this.clear() : this.invalidate(topic)));
    feed.subscribeLocal((topic) => this.invalidate(topic));
  }

  /**
   * The cached value for `key`, or `load()`'s result, cached when it is safe to. `undefined`
   * (nothing found) is never cached.
   */
  async get<R extends V | undefined>(
    key: string,
    topics: readonly string[],
    load: () => Promise<R>,
  ): Promise<R> {
    if (!this.#feed.healthy || hasPendingChange(topics)) {
      this.misses++;
      return load();
    }
    const cached = this.#entries.get(key);
    if (cached) {
      this.hits++;
      return cached.value as R;
    }
    this.misses++;
    const epoch = this.#epoch;
    const generations = topics.map((topic) => this.#generation.get(topic) ?? 0);
    const value = await load();
    const unchanged =
      value !== undefined &&
      epoch === this.#epoch &&
      this.#feed.healthy &&
      topics.every((topic, i) => (this.#generation.get(topic) ?? 0) === generations[i]) &&
      !hasPendingChange(topics);
    if (unchanged) this.#store(key, topics, value as V);
    return value;
  }

  /**
   * The values of many keys under the same topics: those cached, and those `load` finds for the
   * rest in one call (given the missing keys; keys it leaves out are not cached). Stored under the
   * same rule as `get`: only if none of the topics changed while loading.
   */
  async getMany(
    keys: readonly string[],
    topics: readonly string[],
    load: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    if (!this.#feed.healthy || hasPendingChange(topics)) {
      this.misses += keys.length;
      return load([...keys]);
    }
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      const cached = this.#entries.get(key);
      if (cached) found.set(key, cached.value);
      else missing.push(key);
    }
    this.hits += found.size;
    if (missing.length === 0) return found;
    this.misses += missing.length;
    const epoch = this.#epoch;
    const generations = topics.map((topic) => this.#generation.get(topic) ?? 0);
    const loaded = await load(missing);
    const unchanged =
      epoch === this.#epoch &&
      this.#feed.healthy &&
      topics.every((topic, i) => (this.#generation.get(topic) ?? 0) === generations[i]) &&
      !hasPendingChange(topics);
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (unchanged) this.#store(key, topics, value);
    }
    return found;
  }

  /** Drops one entry (e.g. a value found expired by its own rules). */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  invalidate(topic: string): void {
    this.#generation.set(topic, (this.#generation.get(topic) ?? 0) + 1);
    const keys = this.#keysByTopic.get(topic);
    if (!keys) return;
    for (const key of [...keys]) this.#entries.delete(key);
  }

  clear(): void {
    this.#epoch++;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #store(key: string, topics: readonly string[], value: V) {
    this.#entries.set(key, { value, topics });
    for (const topic of topics) {
      let keys = this.#keysByTopic.get(topic);
      if (!keys) {
        keys = new Set();
        this.#keysByTopic.set(topic, keys);
      }
      keys.add(key);
    }
  }
}
