import { createHash, randomBytes } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../../platform/db/database.ts';
import { analyticsDailySalts } from '../schema.ts';
import { type SessionState, sessionTimeoutMs } from './visit.ts';

/** Salts older than this many days are deleted: yesterday's visitors stay countable, no longer. */
const saltKeptDays = 2;

/**
 * Visitors the store may not set a cookie for (it asks for consent; they have not given it). Their
 * id is a hash of the day's salt, the store, their network address and their browser: the same on
 * every page that day, on every instance, and unlinkable once the salt is deleted. No cookie is
 * set and the address itself is never stored. Their sessions are kept in this process's memory
 * (30 minutes without a request ends one), so on a scaled-out installation a session whose
 * requests reach two instances counts twice.
 */
export class CookielessVisitors {
  readonly #db: Db;
  readonly #salts = new Map<string, Promise<string>>();
  readonly #sessions = new LRUCache<string, SessionState>({ max: 100_000, ttl: sessionTimeoutMs });

  constructor(db: Db) {
    this.#db = db;
  }

  async visitorId(storeId: string, address: string, userAgent: string, at: Date): Promise<string> {
    const day = at.toISOString().slice(0, 10);
    const salt = await this.#salt(day);
    const digest = createHash('sha256')
      .update(`${salt}|${storeId}|${address}|${userAgent}`)
      .digest('base64url');
    return `a_${digest.slice(0, 22)}`;
  }

  /** The visitor's live session, if a request of theirs came less than 30 minutes ago. */
  session(visitorId: string): SessionState | null {
    return this.#sessions.get(visitorId) ?? null;
  }

  /** Remembers (or refreshes) the visitor's session for the next 30 minutes. */
  touch(visitorId: string, session: SessionState): void {
    this.#sessions.set(visitorId, session);
  }

  #salt(day: string): Promise<string> {
    let salt = this.#salts.get(day);
    if (!salt) {
      salt = dailySalt(this.#db, day);
      // A failed read is not remembered: the next request tries again.
      salt.catch(() => this.#salts.delete(day));
      this.#salts.set(day, salt);
      for (const kept of this.#salts.keys()) if (kept < day) this.#salts.delete(kept);
    }
    return salt;
  }
}

/** The day's salt, made by whichever instance asks first; older salts are deleted then. */
export async function dailySalt(db: Db, day: string): Promise<string> {
  await db
    .insert(analyticsDailySalts)
    .values({ day, salt: randomBytes(24).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db
    .select({ salt: analyticsDailySalts.salt })
    .from(analyticsDailySalts)
    .where(sql`${analyticsDailySalts.day} = ${day}`);
  await db
    .delete(analyticsDailySalts)
    .where(lt(analyticsDailySalts.day, sql`${day}::date - ${saltKeptDays}::int`));
  return row!.salt;
}
