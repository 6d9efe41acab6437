import { findStore, findStoreByDomain, type Store } from '../modules/access/index.ts';
import type { Db } from '../platform/db/database.ts';

const STORE_HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_HOST_LENGTH = 253;

interface Answer {
  store: Promise<Store | undefined>;
  expiresAt: number;
  settled: boolean;
  storeId?: string;
}

/**
 * Which store answers a request, remembered for a few seconds: every storefront request needs it,
 * including cache hits, so it must not cost a query each time. Answers "no store" are remembered
 * too (localhost asks on every `/`). The host names come from clients, so the memory is bounded.
 */
export class StoreLookup {
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly db: Db,
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number },
  ) {}

  /** The store with this handle; ids and malformed handles are not storefront addresses. */
  byHandle(handle: string): Promise<Store | undefined> {
    if (!STORE_HANDLE.test(handle) || handle.length > 48) return Promise.resolve(undefined);
    return this.remember(`handle:${handle}`, () => findStore(this.db, handle));
  }

  /** The store whose domains include this host name (port already removed). */
  byHost(hostname: string): Promise<Store | undefined> {
    const host = normaliseHost(hostname);
    if (!host) return Promise.resolve(undefined);
    return this.remember(`host:${host}`, () => findStoreByDomain(this.db, host));
  }

  forget(storeId?: string): void {
    if (storeId === undefined) {
      this.answers.clear();
      return;
    }
    // The store's handle or domains may have changed, and a store created a moment ago may now own a
    // name remembered as "no store": its own answers, the negative ones and those not yet known go.
    for (const [key, answer] of this.answers) {
      if (!answer.settled || !answer.storeId || answer.storeId === storeId) this.answers.delete(key);
    }
  }

  private remember(key: string, find: () => Promise<Store | undefined>): Promise<Store | undefined> {
    const now = (this.options.now ?? Date.now)();
    const known = this.answers.get(key);
    if (known && known.expiresAt > now) return known.store;
    if (known) this.answers.delete(key);
    const answer: Answer = { store: find(), expiresAt: now + this.options.ttlMs, settled: false };
    answer.store.then(
      (store) => {
        answer.settled = true;
        answer.storeId = store?.id;
      },
      () => {
        if (this.answers.get(key) === answer) this.answers.delete(key);
      },
    );
    this.answers.set(key, answer);
    if (this.answers.size > this.options.maxEntries) {
      const oldest = this.answers.keys().next().value as string;
      this.answers.delete(oldest);
    }
    return answer.store;
  }
}

/** Lower case, without the trailing dot of a fully qualified name; '' when it cannot be a domain. */
export function normaliseHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > MAX_HOST_LENGTH || !/^[a-z0-9.-]+$/.test(host)) return '';
  return host;
}
