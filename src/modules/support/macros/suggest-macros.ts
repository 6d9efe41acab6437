import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { supportMessages } from '../schema.ts';
import type { TicketRow } from '../ticket-rows.ts';
import type { Macro } from './macros.ts';

export interface MacroSuggestion {
  macro: Pick<Macro, 'id' | 'name'>;
  score: number;
  /** The keywords found in the customer's words. */
  matched: string[];
}

/** Lower case, accents off, everything but letters and digits a single space, padded for whole-word matching. */
function words(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

/**
 * Ranks macros by their keywords found in a text, as whole words or phrases: each keyword found
 * scores its number of words (a phrase like "where is my order" says more than "order"). Highest
 * score first, then more keywords found, then by name; macros with nothing found are left out.
 */
export function rankMacros(text: string, macros: readonly Macro[], limit = 3): MacroSuggestion[] {
  const haystack = words(text);
  const ranked: MacroSuggestion[] = [];
  for (const macro of macros) {
    const matched = macro.keywords.filter((keyword) => {
      const needle = words(keyword);
      return needle.trim() !== '' && haystack.includes(needle);
    });
    if (matched.length === 0) continue;
    const score = matched.reduce((sum, k) => sum + words(k).trim().split(' ').length, 0);
    ranked.push({ macro: { id: macro.id, name: macro.name }, score, matched });
  }
  return ranked
    .sort(
      (a, b) =>
        b.score - a.score || b.matched.length - a.matched.length || a.macro.name.localeCompare(b.macro.name),
    )
    .slice(0, limit);
}

/** The customer's latest words on the ticket (its subject when they have written nothing yet). */
export async function latestCustomerText(db: Db, ticket: TicketRow): Promise<string> {
  const [latest] = await db
    .select({ bodyText: supportMessages.bodyText })
    .from(supportMessages)
    .where(and(eq(supportMessages.ticketId, ticket.id), eq(supportMessages.kind, 'inbound')))
    .orderBy(desc(supportMessages.createdAt), desc(supportMessages.id))
    .limit(1);
  return `${ticket.subject}\n${latest?.bodyText ?? ''}`;
}
