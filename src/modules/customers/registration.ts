import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../access/index.ts';
import { type AccountLinks, sendAccountMail } from './account-mail.ts';
import {
  type Customer,
  type CustomerRow,
  customerOf,
  customerRowByEmail,
  customerRowById,
} from './customer.ts';
import { recordCustomerChange } from './customer-change.ts';
import { customerPassword, type RegistrationInput, registrationInput } from './customer-input.ts';
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
 * What a sign-up did: always `check_email`. Every sign-up continues in the mailbox (an activation
 * link, or a "you already have an account" e-mail), so the answer tells nobody whether an address
 * is new, has orders here or has an account.
 */
export type RegistrationResult = { kind: 'check_email' };
const CHECK_EMAIL: RegistrationResult = { kind: 'check_email' };

/**
 * Signs a customer up (docs/customers.md, "Signing up"). No password is taken here: it is chosen on
 * the activation link's page, by whoever reads the mailbox, so nobody can make an account for someone
 * else's address and collect the guest orders later placed with it.
 * - a new e-mail gets an `invited` row (with the names typed) and an activation link;
 * - an e-mail with guest orders becomes `invited` (its names kept) and gets an activation link;
 * - an e-mail with a pending invitation gets a fresh activation link;
 * - an e-mail with an account gets a "you already have an account" e-mail with a reset link;
 * - a disabled account gets nothing.
 * E-mails are limited per customer per hour (`mayMailCustomer`), so this cannot be used to flood a
 * mailbox; over the limit the answer is the same and nothing is sent.
 */
export async function registerCustomer(
  tx: Db,
  storeId: string,
  input: RegistrationInput,
  links: AccountLinks,
): Promise<RegistrationResult> {
  const data = registrationInput.parse(input);
  const [created] = await tx
    .insert(customers)
    .values({
      id: newId('customer'),
      storeId,
      email: data.email,
      firstName: data.firstName,
      lastName: data.lastName,
      locale: data.locale ?? links.locale,
      passwordHash: null,
      state: 'invited',
    })
    .onConflictDoNothing({ target: [customers.storeId, customers.email] })
    .returning();
  if (created) {
    await recordCustomerChange(tx, {
      customer: customerOf(created),
      kind: 'created',
      by: { source: 'storefront' },
    });
    await mailActivationLink(tx, storeId, links, created);
    return CHECK_EMAIL;
  }
  const row = await customerRowByEmail(tx, storeId, data.email, { forUpdate: true });
  if (!row || row.state === 'disabled' || !(await mayMailCustomer(tx, row.id))) return CHECK_EMAIL;
  if (row.state === 'enabled') {
    const token = await issueCustomerToken(tx, row, 'password_reset');
    await sendAccountMail(tx, storeId, links, {
      template: 'account_exists',
      customer: row,
      url: links.resetUrl(token),
      expiresInHours: tokenLifetimeHours('password_reset'),
    });
    return CHECK_EMAIL;
  }
  // A guest (or an invitation not yet used): the mailbox's owner activates the account.
  await mailActivationLink(tx, storeId, links, row.state === 'guest' ? await markInvited(tx, row) : row);
  return CHECK_EMAIL;
}

/**
 * Uses an activation link: sets the password chosen on its page and enables the account. 422
 * `link_expired` when the link is unknown, used, expired, or the account is no longer waiting for it.
 * The caller signs the customer in.
 */
export async function activateCustomer(
  tx: Db,
  storeId: string,
  token: string,
  password: string,
): Promise<Customer> {
  const chosen = customerPassword.parse(password);
  const customerId = await consumeCustomerToken(tx, storeId, 'activation', token);
  if (!customerId) throw linkExpired();
  const row = await customerRowById(tx, storeId, customerId, { forUpdate: true });
  if (row.state !== 'invited') throw linkExpired();
  const [updated] = await tx
    .update(customers)
    .set({ passwordHash: await hashPassword(chosen), state: 'enabled', updatedAt: sql`now()` })
    .where(eq(customers.id, row.id))
    .returning();
  await spendOpenTokens(tx, row.id, 'activation');
  await endOtherSessions(tx, row.id);
  const customer = customerOf(updated!);
  await recordCustomerChange(tx, {
    customer,
    kind: 'updated',
    by: { source: 'storefront' },
    fields: ['state', 'password'],
  });
  return customer;
}

/** Mails a fresh activation link (seven days, single use) to the row's address. */
async function mailActivationLink(
  tx: Db,
  storeId: string,
  links: AccountLinks,
  row: CustomerRow,
): Promise<void> {
  const token = await issueCustomerToken(tx, row, 'activation');
  await sendAccountMail(tx, storeId, links, {
    template: 'account_activation',
    customer: row,
    url: links.activationUrl(token),
    expiresInHours: tokenLifetimeHours('activation'),
  });
}

async function markInvited(tx: Db, row: CustomerRow): Promise<CustomerRow> {
  const [updated] = await tx
    .update(customers)
    .set({ state: 'invited', updatedAt: sql`now()` })
    .where(eq(customers.id, row.id))
    .returning();
  await recordCustomerChange(tx, {
    customer: customerOf(updated!),
    kind: 'updated',
    by: { source: 'storefront' },
    fields: ['state'],
  });
  return updated!;
}
