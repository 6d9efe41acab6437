import type { Db } from '../../../platform/db/database.ts';
import { type Actor, type Store, storeLocales } from '../../access/index.ts';
import { ticketRow } from '../ticket-rows.ts';
import { type RenderedMacro, renderMacroText } from './macro-template.ts';
import type { Macro } from './macros.ts';
import { ticketMacroValues } from './ticket-macro-values.ts';

export interface MacroForTicket extends RenderedMacro {
  /** The language the text was taken in. */
  locale: string;
  /** What applying the macro also does (the reply box sets the status, the tags are added). */
  actions: Macro['actions'];
}

/** The macro's text in a language: that language's, else its base language's (`de` for `de-AT`), else the default text. */
export function macroTextIn(macro: Pick<Macro, 'body' | 'localeBodies'>, locale: string): string {
  const bodies = macro.localeBodies;
  const base = locale.split('-')[0]!;
  return bodies[locale] ?? bodies[base] ?? macro.body;
}

/**
 * A macro's (or an unsaved text's) answer for a ticket, in the customer's language when the store
 * has it (or the one asked for, when the store speaks it), with what is missing reported.
 */
export async function renderMacroForTicket(
  db: Db,
  store: Store,
  actor: Actor,
  ticketId: string,
  macro: Pick<Macro, 'body' | 'localeBodies' | 'actions'>,
  options: { locale?: string | undefined } = {},
): Promise<MacroForTicket> {
  const ticket = await ticketRow(db, store.id, ticketId);
  const { locale: customerLocale, values } = await ticketMacroValues(db, store, ticket, actor);
  const locale =
    options.locale && storeLocales(store).includes(options.locale) ? options.locale : customerLocale;
  const rendered = renderMacroText(macroTextIn(macro, locale), values);
  return { ...rendered, locale, actions: macro.actions };
}
