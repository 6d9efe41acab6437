import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customerFormKeys } from './schema.ts';

const KEY_ID = 'pre-session-forms';

/** The signing key, read (or made) once per database handle. */
const keys = new WeakMap<Db, Promise<Buffer>>();

function formKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrMakeKey(db);
    // A failed read is not kept, so the next form tries again.
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

async function loadOrMakeKey(db: Db): Promise<Buffer> {
  await db
    .insert(customerFormKeys)
    .values({ id: KEY_ID, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(customerFormKeys).where(eq(customerFormKeys.id, KEY_ID));
  return Buffer.from(row!.secret, 'base64url');
}

/**
 * The CSRF token of a form shown before sign-in: an HMAC of the visitor's pre-session cookie (a
 * random nonce) and the store, keyed by the installation's key. A cross-site page can neither read
 * the cookie nor make a token for it ("signed double-submit").
 */
export async function preSessionFormToken(db: Db, storeId: string, nonce: string): Promise<string> {
  return createHmac('sha256', await formKey(db))
    .update(`${storeId}\n${nonce}`)
    .digest('base64url');
}

/** True when `token` is the form token of this cookie nonce in this store. */
export async function isPreSessionFormToken(
  db: Db,
  storeId: string,
  nonce: string,
  token: string,
): Promise<boolean> {
  if (!nonce || !token) return false;
  const expected = Buffer.from(await preSessionFormToken(db, storeId, nonce));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
