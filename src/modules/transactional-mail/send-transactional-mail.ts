import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { mailboxWithName, queueMail } from '../../platform/mail/index.ts';
import { canonicalLocale, getStore, type Store } from '../access/index.ts';
import { builtInTemplate } from './defaults/index.ts';
import { TemplateError } from './liquid-engine.ts';
import { type RenderedMail, renderTransactionalMail } from './render-mail.ts';
import { type EffectiveTemplate, resolveTemplate } from './resolve-template.ts';
import { transactionalMailSends } from './schema.ts';
import { storefrontBaseUrl, withAbsoluteLinks } from './storefront-links.ts';
import type { TransactionalTemplateKey } from './template-keys.ts';

export interface TransactionalMessage {
  template: TransactionalTemplateKey;
  to: string;
  /** The customer's language; the store's default when absent or not a language tag. */
  locale?: string | null;
  variables: Record<string, unknown>;
  /** A second call with the same key (per store) sends nothing: the event id, a token's id. */
  idempotencyKey?: string;
  /** The record the e-mail is about, so the outbox can list an order's mail. */
  entity?: { type: string; id: string };
}

let senderAddress = 'storepilot@localhost';
let installationUrl = 'http://localhost:3000';

/**
 * Set once by the composition root: the installation's sending address (`STOREPILOT_MAIL_FROM`;
 * each store's name is shown with it) and where it is reached (`STOREPILOT_PUBLIC_URL`, else the
 * address it listens on), which links given as paths start from (storefront-links.ts).
 */
export function configureTransactionalMail(settings: { mailFrom: string; publicBaseUrl?: string }): void {
  senderAddress = settings.mailFrom;
  if (settings.publicBaseUrl) installationUrl = settings.publicBaseUrl;
}

/** A storefront path (`/orders/7f3c…`) as the absolute link the store's e-mails use. */
export function storefrontLink(store: Pick<Store, 'handle' | 'domains'>, path: string): string {
  return `${storefrontUrlOf(store)}${path}`;
}

/** Where a store's storefront starts for links in its mail (storefront-links.ts), with the configured installation address. */
export function storefrontUrlOf(store: Pick<Store, 'handle' | 'domains'>): string {
  return storefrontBaseUrl(store, installationUrl);
}

/** The address transactional mail goes out from, with the store's name. */
export function transactionalSender(store: Pick<Store, 'name'>): string {
  return mailboxWithName(store.name, senderAddress);
}

/**
 * Renders a sendable e-mail from its effective template. A store's text that breaks on these
 * variables (it rendered with the examples when saved, but real data differs) must not stop the
 * mail: the built-in text of the same language is sent instead.
 */
export function renderForSending(
  store: Pick<Store, 'name' | 'timezone'>,
  key: TransactionalTemplateKey,
  template: EffectiveTemplate,
  variables: Record<string, unknown>,
): RenderedMail {
  const render = (text: { subject: string; body: string }) =>
    renderTransactionalMail({ template: text, variables, store, locale: template.locale });
  try {
    return render(template);
  } catch (err) {
    if (!(err instanceof TemplateError) || template.source !== 'custom') throw err;
    return render(builtInTemplate(key, template.locale) ?? builtInTemplate(key, 'en')!);
  }
}

/**
 * Renders the store's template for the message's language (falling back to the store's default
 * language, then to the built-in English) and queues it with `queueMail` in the caller's
 * transaction: the e-mail goes out if and only if that transaction commits. With `idempotencyKey`,
 * a second call with the same key sends nothing (the key is claimed in the same transaction; a
 * concurrent twin waits on it and then finds it taken). 422 `invalid_mail_address` for a bad `to`.
 */
export async function sendTransactionalMail(
  tx: Db,
  storeId: string,
  message: TransactionalMessage,
): Promise<void> {
  const store = await getStore(tx, storeId);
  // The message's id is chosen first, so the claim records it in the same statement.
  const mailId = newId('mailMessage');
  if (message.idempotencyKey !== undefined) {
    const claimed = await tx
      .insert(transactionalMailSends)
      .values({
        storeId,
        idempotencyKey: message.idempotencyKey,
        template: message.template,
        mailMessageId: mailId,
      })
      .onConflictDoNothing()
      .returning({ key: transactionalMailSends.idempotencyKey });
    if (claimed.length === 0) return;
  }
  const locale = (message.locale && canonicalLocale(message.locale)) || store.locale;
  const template = await resolveTemplate(tx, store, message.template, locale);
  const variables = withAbsoluteLinks(message.variables, storefrontBaseUrl(store, installationUrl)) as Record<
    string,
    unknown
  >;
  const mail = renderForSending(store, message.template, template, variables);
  await queueMail(tx, {
    id: mailId,
    storeId,
    topic: `transactional.${message.template}`,
    from: transactionalSender(store),
    to: [message.to],
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    entity: message.entity,
  });
}
