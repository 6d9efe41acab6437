import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  assertNotThrottled,
  clearFailedSignIns,
  decoyPasswordHash,
  recordFailedSignIn,
  tokenDigest,
  verifyPassword,
} from '../access/index.ts';
import { type Customer, customerOf, customerRowByEmail } from './customer.ts';
import { type CustomerSessionGrant, openCustomerSession } from './customer-sessions.ts';

/**
 * The key failures are counted under: the store and the e-mail, digested, in access's sign-in
 * throttle (so a storefront's failures never lock out a staff member with the same address).
 */
function throttleKey(storeId: string, email: string): string {
  return tokenDigest(`customer:${storeId}:${email}`);
}

/**
 * Checks a customer's e-mail and password and opens a session. Only enabled accounts sign in; every
 * other case (unknown e-mail, guest, invited, disabled, wrong password) is the same 401
 * `invalid_credentials`, answered after a password check of the same cost. Failures count per
 * e-mail and per client address like staff sign-ins (8 per e-mail, 40 per address in 15 minutes,
 * then 429 `rate_limited`).
 */
export async function authenticateCustomer(
  db: Db,
  storeId: string,
  input: { email: string; password: string; ip: string },
): Promise<{ customer: Customer; session: CustomerSessionGrant }> {
  const email = input.email.trim().toLowerCase();
  const key = throttleKey(storeId, email);
  await assertNotThrottled(db, key, input.ip);
  const row = email.length <= 254 ? await customerRowByEmail(db, storeId, email) : undefined;
  const hash = row?.state === 'enabled' ? row.passwordHash : null;
  const ok = hash
    ? await verifyPassword(hash, input.password)
    : await verifyPassword(await decoyPasswordHash(), input.password).then(() => false);
  if (!row || !ok) {
    await recordFailedSignIn(db, key, input.ip);
    throw new AppError(401, 'invalid_credentials', 'The e-mail or password is not right.');
  }
  await clearFailedSignIns(db, key);
  const session = await openCustomerSession(db, row);
  return { customer: customerOf(row), session };
}
