import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { announceAccessChange } from './change-topic.ts';
import { isPermission, type Permission } from './permissions.ts';
import { apiKeys } from './schema.ts';
import { randomToken, tokenDigest } from './tokens.ts';

/** Keys look like `sp_live_<43 chars>`; the prefix makes leaked keys easy to find with secret scanners. */
const KEY_PREFIX = 'sp_live_';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeySummary = Omit<ApiKeyRow, 'keyHash' | 'storeId' | 'createdBy'>;

function summary(row: ApiKeyRow): ApiKeySummary {
  const { keyHash: _h, storeId: _s, createdBy: _c, ...rest } = row;
  return rest;
}

/**
 * Creates a key scoped to one store and a set of permissions. A person cannot hand a key more than
 * they may do themselves (`grantable`). Returns the key once; only its digest is kept.
 */
export async function createApiKey(
  db: Db,
  actor: Actor,
  storeId: string,
  input: { name: string; permissions: string[] },
  grantable: ReadonlySet<Permission>,
): Promise<{ apiKey: ApiKeySummary; key: string }> {
  const unknown = input.permissions.filter((p) => !isPermission(p));
  if (unknown.length > 0)
    throw badRequest('unknown_permission', 'Unknown permission.', { permissions: unknown });
  const wanted = [...new Set(input.permissions)] as Permission[];
  if (wanted.length === 0) throw badRequest('no_permissions', 'Choose at least one permission for the key.');
  const beyond = wanted.filter((p) => !grantable.has(p));
  if (beyond.length > 0) {
    throw forbidden('permission_denied', 'You cannot grant permissions you do not have.', {
      permissions: beyond,
    });
  }
  const key = `${KEY_PREFIX}${randomToken()}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: newId('apiKey'),
        storeId,
        name: input.name.trim(),
        prefix: key.slice(0, KEY_PREFIX.length + 6),
        keyHash: tokenDigest(key),
        permissions: wanted,
        createdBy: actor.id,
      })
      .returning();
    const apiKey = summary(row!);
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: row!.id,
      after: apiKey,
    });
    return { apiKey, key };
  });
}

export async function listApiKeys(db: Db, storeId: string): Promise<ApiKeySummary[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.storeId, storeId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(summary);
}

export async function revokeApiKey(db: Db, actor: Actor, storeId: string, keyId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.storeId, storeId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound('API key');
    await announceAccessChange(tx);
    await recordAudit(tx, actor, {
      storeId,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: keyId,
      before: { name: row.name, permissions: row.permissions },
    });
  });
}

export interface ResolvedApiKey {
  id: string;
  name: string;
  storeId: string;
  permissions: Permission[];
}

const apiKeyByDigest = (db: Db, name: string) =>
  db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      storeId: apiKeys.storeId,
      permissions: apiKeys.permissions,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sql.placeholder('digest')), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare(name);

export async function resolveApiKey(db: Db, key: string): Promise<ResolvedApiKey | undefined> {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const [row] = await prepared(db, 'resolve_api_key', apiKeyByDigest).execute({ digest: tokenDigest(key) });
  if (!row) return undefined;
  return { ...row, permissions: row.permissions.filter(isPermission) };
}

/** Last-use time, written at most once a minute per key so hot keys do not write on every request. */
export async function touchApiKey(db: Db, keyId: string): Promise<void> {
  await db.execute(
    sql`update api_keys set last_used_at = now()
      where id = ${keyId} and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
  );
}
