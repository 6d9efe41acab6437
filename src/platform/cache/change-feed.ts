import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Db } from '../db/database.ts';

/**
 * Tells every instance, through the database, that data under some topics changed, so in-process
 * read caches can drop what they hold. PostgreSQL delivers a NOTIFY only when the transaction that
 * sent it commits (and never when it rolls back), which is exactly when a cached read turns stale.
 *
 * Between a change being announced inside a transaction and its notification coming back, the topic
 * is "pending" on the announcing instance and its caches are bypassed: a caller that changed
 * something and then reads it back on the same instance never sees the old value. Other instances
 * may serve the old value until the notification reaches them (milliseconds on a healthy link).
 */
export const changeChannel = 'storepilot_changes';

/** How long an announced change keeps its topics pending if no notification comes (rollback). */
const pendingLimitMs = 10_000;

/** This process's mark on the notifications it sends, to recognise its own coming back. */
const processTag = randomBytes(6).toString('hex');
let sequence = 0;
const pending = new Map<number, { topics: readonly string[]; until: number }>();

/**
 * Announces, inside the transaction that makes a change, the topics it touches
 * (e.g. `access`, `catalog:<storeId>`). Topics are plain names without commas.
 */
export async function announceChange(tx: Db, ...topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  for (const topic of topics) {
    if (!topic || topic.includes(',')) throw new Error(`Invalid change topic: ${topic}`);
  }
  const seq = ++sequence;
  pending.set(seq, { topics, until: Date.now() + pendingLimitMs });
  // This process's caches drop what they hold for the topics now, not only when the commit's
  // notification comes: an entry read before the change would otherwise come back once the pending
  // mark expires, while a long transaction (the demo's seed) is still open.
  for (const feed of openFeeds) feed.topicsChanged(topics);
  await tx.execute(sql`select pg_notify(${changeChannel}, ${`${processTag}:${seq}:${topics.join(',')}`})`);
}

/** True while a change to any of `topics` announced by this process has not been confirmed. */
export function hasPendingChange(topics: readonly string[]): boolean {
  if (pending.size === 0) return false;
  const now = Date.now();
  for (const [seq, change] of pending) {
    if (change.until < now) {
      pending.delete(seq);
      continue;
    }
    for (const topic of change.topics) if (topics.includes(topic)) return true;
  }
  return false;
}

export interface ChangeFeed {
  /** False while the instance cannot hear changes (listener connection lost): caches stand aside. */
  readonly healthy: boolean;
  /** Calls `listener` with each changed topic; `null` means "anything may have changed". */
  subscribe(listener: (topic: string | null) => void): () => void;
  /**
   * Calls `listener` with the topics this process announces, at the announcement (before the
   * commit; `subscribe` hears them again from the database): caches drop entries read before it.
   */
  subscribeLocal(listener: (topic: string) => void): () => void;
  close(): Promise<void>;
}

function parsePayload(payload: string): { tag: string; seq: number; topics: string[] } | null {
  const first = payload.indexOf(':');
  const second = payload.indexOf(':', first + 1);
  if (first < 0 || second < 0) return null;
  return {
    tag: payload.slice(0, first),
    seq: Number(payload.slice(first + 1, second)),
    topics: payload.slice(second + 1).split(','),
  };
}

class Listeners {
  #listeners = new Set<(topic: string | null) => void>();
  subscribe(listener: (topic: string | null) => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  deliver(payload: string) {
    const change = parsePayload(payload);
    if (!change) return this.everything();
    // Listeners first, then the pending mark: a read must not be cached in between.
    for (const topic of change.topics) for (const listener of this.#listeners) listener(topic);
    if (change.tag === processTag) pending.delete(change.seq);
  }
  everything() {
    for (const listener of this.#listeners) listener(null);
  }
  #local = new Set<(topic: string) => void>();
  subscribeLocal(listener: (topic: string) => void) {
    this.#local.add(listener);
    return () => this.#local.delete(listener);
  }
  topicsChanged(topics: readonly string[]) {
    for (const topic of topics) for (const listener of this.#local) listener(topic);
  }
}

/** The listeners of this process's open feeds, told of its own announcements at once. */
const openFeeds = new Set<Listeners>();

/** Starts listening for changes on the database (one connection of its own on PostgreSQL). */
export async function startChangeFeed(database: Database): Promise<ChangeFeed> {
  const listeners = new Listeners();
  openFeeds.add(listeners);
  if (database.pglite) {
    const pglite = database.pglite;
    const unlisten = await pglite.listen(changeChannel, (payload) => listeners.deliver(payload));
    return {
      healthy: true,
      subscribe: (listener) => listeners.subscribe(listener),
      subscribeLocal: (listener) => listeners.subscribeLocal(listener),
      async close() {
        openFeeds.delete(listeners);
        if (!pglite.closed) await unlisten().catch(() => {});
      },
    };
  }
  if (!database.url) throw new Error('startChangeFeed needs the PostgreSQL URL');
  return listenOnPostgres(database.url, listeners);
}

async function listenOnPostgres(url: string, listeners: Listeners): Promise<ChangeFeed> {
  let healthy = false;
  let closed = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = 250;

  const retryLater = () => {
    if (closed) return;
    retryTimer = setTimeout(() => void connect(), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return;
    client = null;
    healthy = false;
    lostClient.removeAllListeners();
    lostClient.on('error', () => {});
    lostClient.end().catch(() => {});
    // Whatever changed while deaf is unknown: caches drop everything and stand aside until back.
    listeners.everything();
    retryLater();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel === changeChannel && message.payload !== undefined)
        listeners.deliver(message.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${changeChannel}`);
    } catch {
      next.removeAllListeners();
      next.on('error', () => {});
      await next.end().catch(() => {});
      return retryLater();
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = 250;
    listeners.everything();
    healthy = true;
  };

  await connect();
  return {
    get healthy() {
      return healthy;
    },
    subscribe: (listener) => listeners.subscribe(listener),
    subscribeLocal: (listener) => listeners.subscribeLocal(listener),
    async close() {
      closed = true;
      openFeeds.delete(listeners);
      clearTimeout(retryTimer);
      const current = client;
      client = null;
      healthy = false;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => {});
        await current.end().catch(() => {});
      }
    },
  };
}
