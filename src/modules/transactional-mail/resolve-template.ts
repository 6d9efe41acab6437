import { and, eq } from 'drizzle-orm';
import { cachedConfig } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { builtInTemplate } from './defaults/index.ts';
import type { MailTemplateText } from './render-mail.ts';
import { mailTemplates } from './schema.ts';
import type { TransactionalTemplateKey } from './template-keys.ts';

/** The text an e-mail is sent with, and where it came from. */
export interface EffectiveTemplate extends MailTemplateText {
  /** The language of the text: the one asked for, or the one it fell back to. */
  locale: string;
  source: 'custom' | 'built_in';
  /** When the store last saved it (custom texts only). */
  updatedAt: Date | null;
}

const language = (locale: string) => locale.split('-')[0]!;

/** The change-feed topic of a store's own e-mail texts (announced when one is saved or reset). */
export function mailTemplatesTopic(storeId: string): string {
  return `mail-templates:${storeId}`;
}

/**
 * The languages to try, in order: the one asked for (then its language without region: fr-CA → fr),
 * the store's default (likewise), English.
 */
export function fallbackLocales(locale: string, storeLocale: string): string[] {
  return [...new Set([locale, language(locale), storeLocale, language(storeLocale), 'en'])];
}

/**
 * The text of an e-mail for a language: for each language of the fallback chain, the store's own
 * text, else the built-in one; the built-in English ends the chain, so there is always a text.
 */
export async function resolveTemplate(
  db: Db,
  store: Pick<Store, 'id' | 'locale'>,
  key: TransactionalTemplateKey,
  locale: string,
): Promise<EffectiveTemplate> {
  const candidates = fallbackLocales(locale, store.locale);
  // Every order's e-mails look up the store's own texts: kept until the store saves or resets one.
  const rows = await cachedConfig(`${store.id}:mail-templates:${key}`, [mailTemplatesTopic(store.id)], () =>
    db
      .select()
      .from(mailTemplates)
      .where(and(eq(mailTemplates.storeId, store.id), eq(mailTemplates.key, key))),
  );
  const custom = new Map(rows.map((row) => [row.locale, row]));
  for (const candidate of candidates) {
    const row = custom.get(candidate);
    if (row) {
      return {
        subject: row.subject,
        body: row.body,
        locale: candidate,
        source: 'custom',
        updatedAt: row.updatedAt,
      };
    }
    const builtIn = builtInTemplate(key, candidate);
    if (builtIn) return { ...builtIn, locale: candidate, source: 'built_in', updatedAt: null };
  }
  throw new Error(`no built-in ${key} template in English`);
}
