import type { MailTemplateText } from '../render-mail.ts';
import type { TransactionalTemplateKey } from '../template-keys.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

/** The languages with built-in texts: the storefront's. */
export const builtInLocales = ['en', 'fr', 'de', 'es'] as const;

const builtIn: Record<string, Record<TransactionalTemplateKey, MailTemplateText>> = { en, fr, de, es };

/** The built-in text of an e-mail in a language (exactly that tag), or undefined when there is none. */
export function builtInTemplate(key: TransactionalTemplateKey, locale: string): MailTemplateText | undefined {
  return Object.hasOwn(builtIn, locale) ? builtIn[locale]![key] : undefined;
}
