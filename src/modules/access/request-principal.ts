import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type ChangeFeed, ReadCache } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { accessTopic } from './change-topic.ts';
import { isPermission, type Permission } from './permissions.ts';
import { apiKeys, memberships, sessions, stores, users } from './schema.ts';
import type { Store } from './stores.ts';
import { tokenDigest } from './tokens.ts';

/**
 * Who is calling a store-scoped route, and what they are in that store, in one query: the admin API
 * answers every request with this, so it must not cost a round trip per table.
 */
export interface SessionInStore {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string };
  /** The store named in the path, if it exists. */
  store: Store | null;
  /** The user's role there, if they are a member. */
  role: string | null;
}

const storeMatches = (byId: boolean) =>
  byId ? eq(stores.id, sql.placeholder('ref')) : eq(stores.handle, sql.placeholder('ref'));

const sessionInStore = (byId: boolean) => (db: Db, name: string) =>
  db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      store: stores,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(stores, storeMatches(byId))
    .leftJoin(memberships, and(eq(memberships.storeId, stores.id), eq(memberships.userId, users.id)))
    .where(and(eq(sessions.tokenHash, sql.placeholder('digest')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare(name);

export async function resolveSessionInStore(
  db: Db,
  token: string,
  storeRef: string,
): Promise<SessionInStore | undefined> {
  const byId = storeRef.startsWith('store_');
  const statement = prepared(db, byId ? 'session_in_store_by_id' : 'session_in_store', sessionInStore(byId));
  const [row] = await statement.execute({ digest: tokenDigest(token), ref: storeRef });
  if (!row) return undefined;
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, name: row.name },
    store: row.store,
    role: row.role,
  };
}

export interface ApiKeyInStore {
  id: string;
  name: string;
  storeId: string;
  permissions: Permission[];
  /** The store named in the path, only when it is the key's own store. */
  store: Store | null;
}

const apiKeyInStore = (byId: boolean) => (db: Db, name: string) =>
  db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      storeId: apiKeys.storeId,
      permissions: apiKeys.permissions,
      store: stores,
    })
    .from(apiKeys)
    .leftJoin(stores, and(eq(stores.id, apiKeys.storeId), storeMatches(byId)))
    .where(and(eq(apiKeys.keyHash, sql.placeholder('digest')), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare(name);

export async function resolveApiKeyInStore(
  db: Db,
  key: string,
  storeRef: string,
): Promise<ApiKeyInStore | undefined> {
  const byId = storeRef.startsWith('store_');
  const statement = prepared(db, byId ? 'api_key_in_store_by_id' : 'api_key_in_store', apiKeyInStore(byId));
  const [row] = await statement.execute({ digest: tokenDigest(key), ref: storeRef });
  if (!row) return undefined;
  return { ...row, permissions: row.permissions.filter(isPermission) };
}

/**
 * Both lookups above, cached per instance: the admin API asks them on every request, and sessions,
 * memberships, keys and stores change rarely. Every change to them announces the access topic in its
 * transaction (change-topic.ts), which empties this cache on every instance; an expired session is
 * refused from the cache by its own expiry. Only found principals are cached, so guessing tokens
 * cannot fill memory.
 */
export class PrincipalCache {
  readonly #cache: ReadCache<SessionInStore | ApiKeyInStore>;

  constructor(feed: ChangeFeed) {
    this.#cache = new ReadCache(feed, { max: 20_000, ttlMs: 5 * 60_000 });
  }

  async sessionInStore(db: Db, token: string, storeRef: string): Promise<SessionInStore | undefined> {
    const key = `s ${tokenDigest(token)} ${storeRef}`;
    const session = await this.#cache.get(key, topics, () => resolveSessionInStore(db, token, storeRef));
    if (session && session.expiresAt.getTime() <= Date.now()) {
      this.#cache.delete(key);
      return undefined;
    }
    return session;
  }

  apiKeyInStore(db: Db, key: string, storeRef: string): Promise<ApiKeyInStore | undefined> {
    return this.#cache.get(`k ${tokenDigest(key)} ${storeRef}`, topics, () =>
      resolveApiKeyInStore(db, key, storeRef),
    );
  }
}

const topics = [accessTopic];
