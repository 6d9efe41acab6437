import type { Database } from '../../../platform/db/database.ts';
import type { AccountLinks } from '../account-mail.ts';
import type { Customer } from '../customer.ts';
import type { AccountMailTemplate } from '../index.ts';
import { activateCustomer, registerCustomer } from '../registration.ts';

/** Links as a storefront at `base` would make them (the token is the last path segment). */
export function testAccountLinks(base = 'https://shop.test', locale = 'en'): AccountLinks {
  return {
    locale,
    activationUrl: (token) => `${base}/account/activate/${token}`,
    resetUrl: (token) => `${base}/account/reset/${token}`,
    loginUrl: `${base}/account/login`,
  };
}

/** The account e-mails queued to an address, oldest first, with their texts. */
export async function mailsTo(database: Database, to: string, template?: AccountMailTemplate) {
  const rows = await database.execute<{ topic: string; subject: string; text: string }>(
    `select topic, subject, text from mail_messages
      where $1 = any(to_addresses) and ($2::text is null or topic = $2)
      order by created_at, id`,
    [to, template ? `transactional.${template}` : null],
  );
  return rows;
}

/** The token of the newest link of this kind mailed to an address (the path segment after `/reset/` or `/activate/`). */
export async function mailedToken(
  database: Database,
  to: string,
  template: AccountMailTemplate,
): Promise<string> {
  const mails = await mailsTo(database, to, template);
  const last = mails.at(-1);
  if (!last) throw new Error(`no ${template} mail to ${to}`);
  const match = /\/account\/(?:reset|activate)\/([A-Za-z0-9_-]+)/.exec(last.text);
  if (!match) throw new Error(`no link in the ${template} mail to ${to}`);
  return match[1]!;
}

/**
 * An enabled account with this password, made the way a shopper makes one: sign up, then open the
 * activation link from the queued e-mail and choose the password there. Throws when the e-mail
 * already had an account (no activation mail is sent then).
 */
export async function makeCustomerAccount(
  database: Database,
  storeId: string,
  email: string,
  password = 'linen and tea',
): Promise<Customer> {
  const links = testAccountLinks();
  await database.db.transaction((tx) =>
    registerCustomer(tx, storeId, { email, firstName: 'Ada', lastName: 'Lind' }, links),
  );
  const token = await mailedToken(database, email.trim().toLowerCase(), 'account_activation');
  return database.db.transaction((tx) => activateCustomer(tx, storeId, token, password));
}
