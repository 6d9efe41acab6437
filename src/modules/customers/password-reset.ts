import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { hashPassword } from '../access/index.ts';
import { type AccountLinks, sendAccountMail } from './account-mail.ts';
import { type Customer, customerEmail, customerOf, customerRowByEmail, customerRowById } from './customer.ts';
import { CUSTOMER_PASSWORD_RESET_REQUESTED_EVENT, recordCustomerChange } from './customer-change.ts';
import { customerPassword } from './customer-input.ts';
import { endOtherSessions } from './customer-sessions.ts';
import {
  consumeCustomerToken,
  issueCustomerToken,
  linkExpired,
  mayMailCustomer,
  spendOpenTokens,
  tokenLifetimeHours,
} from './customer-tokens.ts';
import { customers } from './schema.ts';

/**
 * Mails a password-reset link (single use, one hour) when the e-mail belongs to an account (enabled,
 * or invited and not yet activated: the link proves the mailbox as activation would). Otherwise, or
 * over the hourly mail limit, nothing happens; the caller answers the same either way.
 */
export async function requestPasswordReset(
  tx: Db,
  storeId: string,
  input: { email: string },
  links: AccountLinks,
): Promise<void> {
  const email = customerEmail.safeParse(input.email);
  if (!email.success) return;
  const row = await customerRowByEmail(tx, storeId, email.data, { forUpdate: true });
  if (!row || (row.state !== 'enabled' && row.state !== 'invited')) return;
  if (!(await mayMailCustomer(tx, row.id))) return;
  const token = await issueCustomerToken(tx, row, 'password_reset');
  await sendAccountMail(tx, storeId, links, {
    template: 'password_reset',
    customer: row,
    url: links.resetUrl(token),
    expiresInHours: tokenLifetimeHours('password_reset'),
  });
  await emitEvent(tx, {
    storeId,
    type: CUSTOMER_PASSWORD_RESET_REQUESTED_EVENT,
    payload: { id: row.id, email: row.email, source: 'storefront' },
  });
}

/**
 * Uses a reset link: sets the new password (enabling an invited account), spends every other reset
 * link of the customer and ends all their sessions; the caller then signs them in afresh. 422
 * `link_expired` for a link that is unknown, used or past its hour.
 */
export async function resetPassword(
  tx: Db,
  storeId: string,
  token: string,
  password: string,
): Promise<Customer> {
  const chosen = customerPassword.parse(password);
  const customerId = await consumeCustomerToken(tx, storeId, 'password_reset', token);
  if (!customerId) throw linkExpired();
  const row = await customerRowById(tx, storeId, customerId, { forUpdate: true });
  if (row.state !== 'enabled' && row.state !== 'invited') throw linkExpired();
  const [updated] = await tx
    .update(customers)
    .set({ passwordHash: await hashPassword(chosen), state: 'enabled', updatedAt: sql`now()` })
    .where(eq(customers.id, row.id))
    .returning();
  await spendOpenTokens(tx, row.id, 'password_reset');
  await spendOpenTokens(tx, row.id, 'activation');
  await endOtherSessions(tx, row.id);
  const customer = customerOf(updated!);
  await recordCustomerChange(tx, {
    customer,
    kind: 'updated',
    by: { source: 'storefront' },
    fields: row.state === 'enabled' ? ['password'] : ['state', 'password'],
  });
  return customer;
}
