import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { localeTagSchema } from '../../access/index.ts';
import { sendTransactionalMail } from '../../transactional-mail/index.ts';
import { type Customer, customerEmail, customerOf, customerRowByEmail, optionalText } from '../customer.ts';
import { recordCustomerChange } from '../customer-change.ts';
import {
  consumeCustomerToken,
  issueCustomerToken,
  linkExpired,
  mayMailCustomer,
  tokenLifetimeHours,
} from '../customer-tokens.ts';
import { customers } from '../schema.ts';
import { recordMarketingConsent } from './marketing-consent.ts';

/** The storefront's newsletter form: an e-mail, optionally a first name, and the page's language. */
export const newsletterSignupInput = z
  .object({ email: customerEmail, firstName: optionalText(100), locale: localeTagSchema.nullish() })
  .strict();
export type NewsletterSignupInput = z.input<typeof newsletterSignupInput>;

/** The confirmation page's absolute address for a token, in the language of the form. */
export interface NewsletterLinks {
  locale: string;
  confirmationUrl(token: string): string;
}

/** Traces of the request that confirmed (personal data: kept in the consent log only). */
export interface RequestTraces {
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Double opt-in, step one: mails a single-use confirmation link (a week, stored hashed) and records
 * no consent. The answer is the same for every address, so the form tells nobody whether an
 * address is a customer or already subscribed. An unknown address becomes a `guest` row (the
 * store's one row per e-mail; names are never overwritten); a disabled account, an address that
 * already consented, or one past the hourly mail limit gets nothing.
 */
export async function requestNewsletterSignup(
  tx: Db,
  storeId: string,
  input: NewsletterSignupInput,
  links: NewsletterLinks,
): Promise<{ kind: 'check_email' }> {
  const data = newsletterSignupInput.parse(input);
  const [created] = await tx
    .insert(customers)
    .values({
      id: newId('customer'),
      storeId,
      email: data.email,
      firstName: data.firstName,
      locale: data.locale ?? null,
      state: 'guest',
    })
    .onConflictDoNothing({ target: [customers.storeId, customers.email] })
    .returning();
  let customer: Customer;
  if (created) {
    customer = customerOf(created);
    await recordCustomerChange(tx, { customer, kind: 'created', by: { source: 'storefront' } });
  } else {
    customer = customerOf((await customerRowByEmail(tx, storeId, data.email, { forUpdate: true }))!);
  }
  if (customer.state === 'disabled' || customer.acceptsMarketing) return { kind: 'check_email' };
  if (!(await mayMailCustomer(tx, customer.id))) return { kind: 'check_email' };
  const token = await issueCustomerToken(tx, customer, 'newsletter_confirmation');
  await sendTransactionalMail(tx, storeId, {
    template: 'newsletter_confirmation',
    to: customer.email,
    locale: links.locale,
    variables: {
      customer: {
        first_name: customer.firstName ?? '',
        last_name: customer.lastName ?? '',
        email: customer.email,
      },
      confirmation_url: links.confirmationUrl(token),
      expires_in_hours: tokenLifetimeHours('newsletter_confirmation'),
    },
  });
  return { kind: 'check_email' };
}

/**
 * Double opt-in, step two: spends the link (once; 422 `link_expired` when used, expired, unknown
 * or another store's) and records consent with source `double_opt_in` and the confirming
 * request's traces.
 */
export async function confirmNewsletterSignup(
  tx: Db,
  storeId: string,
  token: string,
  traces: RequestTraces = {},
): Promise<Customer> {
  const customerId = await consumeCustomerToken(tx, storeId, 'newsletter_confirmation', token);
  if (!customerId) throw linkExpired();
  return recordMarketingConsent(tx, storeId, customerId, { source: 'double_opt_in', ...traces });
}
