import type { Db } from '../../platform/db/database.ts';
import { sendTransactionalMail } from '../transactional-mail/index.ts';
import type { Customer } from './customer.ts';

/**
 * Where the links in account e-mails point: absolute addresses of the storefront's pages, in the
 * language the person is using (`locale`), which the e-mail is written in too.
 */
export interface AccountLinks {
  locale: string;
  activationUrl(token: string): string;
  resetUrl(token: string): string;
  loginUrl: string;
}

export type AccountMailTemplate = 'password_reset' | 'account_activation' | 'account_exists';

export interface AccountMail {
  template: AccountMailTemplate;
  customer: Pick<Customer, 'email' | 'firstName' | 'lastName'>;
  /** The single-use link: where to choose a password (reset, activation; a reset for `account_exists`). */
  url: string;
  /** How long the link works. */
  expiresInHours: number;
}

/**
 * The one place account e-mails leave the customers module: the store's template for the e-mail's
 * language, rendered and queued by the transactional-mail module in the caller's transaction (so
 * the e-mail goes out only if the token it carries was stored).
 */
export async function sendAccountMail(
  tx: Db,
  storeId: string,
  links: AccountLinks,
  mail: AccountMail,
): Promise<void> {
  const customer = {
    first_name: mail.customer.firstName ?? '',
    last_name: mail.customer.lastName ?? '',
    email: mail.customer.email,
  };
  const variables: Record<AccountMailTemplate, Record<string, unknown>> = {
    password_reset: { customer, reset_url: mail.url, expires_in_hours: mail.expiresInHours },
    account_activation: { customer, activation_url: mail.url, expires_in_hours: mail.expiresInHours },
    account_exists: { customer, login_url: links.loginUrl, reset_url: mail.url },
  };
  await sendTransactionalMail(tx, storeId, {
    template: mail.template,
    to: mail.customer.email,
    locale: links.locale,
    variables: variables[mail.template],
  });
}
