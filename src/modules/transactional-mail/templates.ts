import { and, eq } from 'drizzle-orm';
import { announceChange } from '../../platform/cache/index.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { type Actor, recordAudit, type Store, storeLocales } from '../access/index.ts';
import { exampleVariables } from './example-variables.ts';
import { TemplateError } from './liquid-engine.ts';
import { type MailTemplateText, type RenderedMail, renderTransactionalMail } from './render-mail.ts';
import { mailTemplatesTopic, resolveTemplate } from './resolve-template.ts';
import { mailTemplates } from './schema.ts';
import { transactionalSender } from './send-transactional-mail.ts';
import {
  type TransactionalTemplateKey,
  templateDescriptions,
  transactionalTemplateKeys,
} from './template-keys.ts';
import { templateVariables } from './template-variables.ts';

/** The event of every change to a store's texts. */
export const MAIL_TEMPLATE_UPDATED_EVENT = 'mail_template.updated';

type TemplateStore = Pick<Store, 'id' | 'name' | 'locale' | 'enabledLocales' | 'timezone'>;

/** 422 `template_invalid`: what the template language said, and where (`path` is the field). */
function templateInvalid(err: TemplateError) {
  const where = err.line === null ? '' : ` (line ${err.line}, column ${err.column})`;
  const part = err.part ?? 'body';
  return unprocessable('template_invalid', `The ${part} does not work: ${err.message}${where}.`, {
    path: part,
    line: err.line,
    column: err.column,
    reason: err.message,
  });
}

/**
 * Renders a text with variables: the example ones (strictly: a misspelt variable is an error), or
 * given ones (leniently, as sending does). A broken template is 422 `template_invalid`.
 */
export function renderTemplateText(
  store: Pick<Store, 'name' | 'timezone'>,
  key: TransactionalTemplateKey,
  locale: string,
  text: MailTemplateText,
  variables?: Record<string, unknown>,
): RenderedMail {
  try {
    const mail = renderTransactionalMail({
      template: text,
      variables: variables ?? exampleVariables(key),
      store,
      locale,
      strict: variables === undefined,
    });
    if (!mail.subject) {
      throw new TemplateError('the subject is empty once rendered', null, null, 'subject');
    }
    return mail;
  } catch (err) {
    if (err instanceof TemplateError) throw templateInvalid(err);
    throw err;
  }
}

/** Every e-mail with the store's languages, and which of them the store has rewritten. */
export async function listTemplates(db: Db, store: TemplateStore) {
  const rows = await db
    .select({ key: mailTemplates.key, locale: mailTemplates.locale, updatedAt: mailTemplates.updatedAt })
    .from(mailTemplates)
    .where(eq(mailTemplates.storeId, store.id));
  const served = storeLocales(store);
  return {
    locales: served,
    items: transactionalTemplateKeys.map((key) => {
      const custom = new Map(rows.filter((r) => r.key === key).map((r) => [r.locale, r.updatedAt]));
      const locales = [...new Set([...served, ...custom.keys()])];
      return {
        key,
        ...templateDescriptions[key],
        locales: locales.map((locale) => ({
          locale,
          customised: custom.has(locale),
          served: served.includes(locale),
          updatedAt: custom.get(locale) ?? null,
        })),
      };
    }),
  };
}

/** The text an e-mail is sent with in a language (the store's or the built-in, see resolveTemplate). */
export async function getTemplate(
  db: Db,
  store: TemplateStore,
  key: TransactionalTemplateKey,
  locale: string,
) {
  const effective = await resolveTemplate(db, store, key, locale);
  const customised = effective.source === 'custom' && effective.locale === locale;
  return {
    key,
    ...templateDescriptions[key],
    locale,
    subject: effective.subject,
    body: effective.body,
    customised,
    /** Where the text comes from: the store's or the built-in one, in this language or a fallback. */
    source: { kind: effective.source, locale: effective.locale },
    updatedAt: customised ? effective.updatedAt : null,
    variables: templateVariables[key],
  };
}

async function currentText(tx: Db, storeId: string, key: TransactionalTemplateKey, locale: string) {
  const [row] = await tx
    .select({ subject: mailTemplates.subject, body: mailTemplates.body })
    .from(mailTemplates)
    .where(
      and(eq(mailTemplates.storeId, storeId), eq(mailTemplates.key, key), eq(mailTemplates.locale, locale)),
    )
    .for('update');
  return row ?? null;
}

async function recordChange(
  tx: Db,
  actor: Actor,
  storeId: string,
  change: {
    key: TransactionalTemplateKey;
    locale: string;
    kind: 'saved' | 'reset';
    before: unknown;
    after: unknown;
  },
) {
  await recordAudit(tx, actor, {
    storeId,
    action: change.kind === 'saved' ? 'mail_template.updated' : 'mail_template.reset',
    entityType: 'mail_template',
    entityId: `${change.key}:${change.locale}`,
    before: change.before,
    after: change.after,
  });
  await emitEvent(tx, {
    storeId,
    type: MAIL_TEMPLATE_UPDATED_EVENT,
    payload: { key: change.key, locale: change.locale, change: change.kind },
  });
}

/**
 * Saves the store's own text of an e-mail in one of its languages, after checking that it parses
 * and renders with the example variables (422 `template_invalid` with the line and column).
 * 422 `locale_not_served` for a language the store does not serve. Audited; `mail_template.updated`.
 */
export async function saveTemplate(
  tx: Db,
  store: TemplateStore,
  actor: Actor,
  key: TransactionalTemplateKey,
  locale: string,
  text: MailTemplateText,
) {
  if (!storeLocales(store).includes(locale)) {
    throw unprocessable('locale_not_served', `The store does not serve ${locale}: add the language first.`, {
      path: 'locale',
      locales: storeLocales(store),
    });
  }
  renderTemplateText(store, key, locale, text);
  const before = await currentText(tx, store.id, key, locale);
  await tx
    .insert(mailTemplates)
    .values({ storeId: store.id, key, locale, subject: text.subject, body: text.body })
    .onConflictDoUpdate({
      target: [mailTemplates.storeId, mailTemplates.key, mailTemplates.locale],
      set: { subject: text.subject, body: text.body, updatedAt: now() },
    });
  await announceChange(tx, mailTemplatesTopic(store.id));
  await recordChange(tx, actor, store.id, { key, locale, kind: 'saved', before, after: text });
  return getTemplate(tx, store, key, locale);
}

/** Back to the built-in text: deletes the store's own. Nothing to do (and nothing audited) without one. */
export async function resetTemplate(
  tx: Db,
  store: TemplateStore,
  actor: Actor,
  key: TransactionalTemplateKey,
  locale: string,
): Promise<void> {
  const before = await currentText(tx, store.id, key, locale);
  if (!before) return;
  await tx
    .delete(mailTemplates)
    .where(
      and(eq(mailTemplates.storeId, store.id), eq(mailTemplates.key, key), eq(mailTemplates.locale, locale)),
    );
  await announceChange(tx, mailTemplatesTopic(store.id));
  await recordChange(tx, actor, store.id, { key, locale, kind: 'reset', before, after: null });
}

/** The text to preview or test: the one given (unsaved edits), else the one the e-mail is sent with. */
async function textToRender(
  db: Db,
  store: TemplateStore,
  key: TransactionalTemplateKey,
  locale: string,
  given: Partial<MailTemplateText>,
): Promise<MailTemplateText> {
  if (given.subject !== undefined && given.body !== undefined) {
    return { subject: given.subject, body: given.body };
  }
  const effective = await resolveTemplate(db, store, key, locale);
  return { subject: given.subject ?? effective.subject, body: given.body ?? effective.body };
}

/** Renders an e-mail as its recipient would see it (subject, HTML, text); writes nothing. */
export async function previewTemplate(
  db: Db,
  store: TemplateStore,
  key: TransactionalTemplateKey,
  locale: string,
  input: Partial<MailTemplateText> & { variables?: Record<string, unknown> },
): Promise<RenderedMail> {
  const text = await textToRender(db, store, key, locale, input);
  return renderTemplateText(store, key, locale, text, input.variables);
}

/**
 * Sends the e-mail, rendered with the example variables, to the member who asks (the saved text or
 * the editor's), marked as a test in its subject. Audited (`mail_template.test_sent`).
 */
export async function sendTestMail(
  tx: Db,
  store: TemplateStore,
  actor: Actor,
  request: { key: TransactionalTemplateKey; locale: string; to: string } & Partial<MailTemplateText>,
) {
  const { key, locale, to } = request;
  const text = await textToRender(tx, store, key, locale, request);
  const mail = renderTemplateText(store, key, locale, text);
  const queued = await queueMail(tx, {
    storeId: store.id,
    topic: 'transactional.test',
    from: transactionalSender(store),
    to: [to],
    subject: `[Test] ${mail.subject}`,
    text: mail.text,
    html: mail.html,
  });
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'mail_template.test_sent',
    entityType: 'mail_template',
    entityId: `${key}:${locale}`,
    after: { to, mailMessageId: queued.id },
  });
  return { messageId: queued.id, to };
}
