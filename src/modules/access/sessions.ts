import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { AppError, tooManyRequests } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { announceAccessChange } from './change-topic.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { loginAttempts, sessions, users } from './schema.ts';
import { randomToken, tokenDigest } from './tokens.ts';
import { findUserByEmail, type PublicUser, publicUser } from './users.ts';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Failed sign-ins allowed per e-mail, and per client address, in the window before 429. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 8;
export const MAX_FAILURES_PER_IP = 40;

export interface SessionGrant {
  token: string;
  csrfToken: string;
  user: PublicUser;
  expiresAt: Date;
}

/**
 * 429 when the e-mail key or the client address has too many recent failures. Exported for the
 * storefront's customer sign-in, which counts its failures here too (its own e-mail keys).
 */
export async function assertNotThrottled(db: Db, emailKey: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.emailKey, emailKey), gt(loginAttempts.at, since))),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since))),
  ]);
  if (Number(byEmail[0]?.n) >= MAX_FAILURES_PER_EMAIL || Number(byIp[0]?.n) >= MAX_FAILURES_PER_IP) {
    throw tooManyRequests('Too many failed sign-ins. Wait 15 minutes and try again.', {
      retryAfterSeconds: LOGIN_WINDOW_MS / 1000,
    });
  }
}

/** Checks the password and opens a session. Failures are counted (by e-mail digest, not the e-mail). */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<SessionGrant> {
  const emailKey = tokenDigest(input.email.trim().toLowerCase());
  await assertNotThrottled(db, emailKey, input.ip);
  const user = await findUserByEmail(db, input.email);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await decoyPasswordHash(), input.password).then(() => false);
  if (!user || !ok) {
    await recordFailedSignIn(db, emailKey, input.ip);
    throw new AppError(401, 'invalid_credentials', 'The e-mail or password is not right.');
  }
  await clearFailedSignIns(db, emailKey);
  return openSession(db, user.id, publicUser(user));
}

/** Counts one failed sign-in against the e-mail key and the client address. */
export async function recordFailedSignIn(db: Db, emailKey: string, ip: string): Promise<void> {
  await db.insert(loginAttempts).values({ emailKey, ip });
}

/** A successful sign-in forgives the e-mail key's failures (the address keeps its count). */
export async function clearFailedSignIns(db: Db, emailKey: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.emailKey, emailKey));
}

export async function openSession(db: Db, userId: string, user: PublicUser): Promise<SessionGrant> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db
    .insert(sessions)
    .values({ tokenHash: tokenDigest(token), id: newId('session'), userId, csrfToken, expiresAt });
  return { token, csrfToken, user, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: PublicUser;
}

const sessionByDigest = (db: Db, name: string) =>
  db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      id: users.id,
      email: users.email,
      name: users.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('digest')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare(name);

export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | undefined> {
  const [row] = await prepared(db, 'resolve_session', sessionByDigest).execute({
    digest: tokenDigest(token),
  });
  if (!row) return undefined;
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name },
  };
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenDigest(token)));
    await announceAccessChange(tx);
  });
}

/** Housekeeping job: expired sessions and old sign-in failures. */
export async function purgeExpiredSessions(db: Db): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id });
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(Date.now() - LOGIN_WINDOW_MS)));
  return removed.length;
}
