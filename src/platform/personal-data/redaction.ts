import { type SQL, sql } from 'drizzle-orm';
import { type DataSubject, ERASED_TEXT } from './data-subject.ts';

/*
 * SQL pieces that take a data subject's identifiers out of free text and JSON. Matching ignores
 * case (an e-mail typed "Ada@Example.com" is stored lower case elsewhere); identifiers shorter
 * than three characters are never matched (they would hit unrelated text).
 */

const MIN_IDENTIFIER_LENGTH = 3;

function matchable(subject: DataSubject): string[] {
  const all = [subject.email, ...subject.identifiers].map((s) => s.trim());
  // Longest first, so "Ada Lovelace" goes before "Ada" leaves " Lovelace" behind.
  return [...new Set(all.filter((s) => s.length >= MIN_IDENTIFIER_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
}

function regexOf(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One case-insensitive alternation of every identifier, as a PostgreSQL regular expression. */
function pattern(subject: DataSubject): string | null {
  const values = matchable(subject);
  return values.length === 0 ? null : values.map(regexOf).join('|');
}

/** `column` with every identifier replaced by "[erased]" (text columns). */
export function redactedText(column: SQL | unknown, subject: DataSubject): SQL {
  const p = pattern(subject);
  if (p === null) return sql`${column}`;
  return sql`regexp_replace(${column}, ${p}, ${ERASED_TEXT}, 'gi')`;
}

/**
 * `column` with every identifier replaced inside its JSON text (jsonb columns). Identifiers are
 * plain words, addresses and numbers, so replacing them inside the JSON text keeps it valid JSON.
 */
export function redactedJson(column: SQL | unknown, subject: DataSubject): SQL {
  const p = pattern(subject);
  if (p === null) return sql`${column}`;
  return sql`regexp_replace((${column})::text, ${p}, ${ERASED_TEXT}, 'gi')::jsonb`;
}

/** True where the text (or JSON text) of `column` mentions any identifier. */
export function mentionsSubject(column: SQL | unknown, subject: DataSubject): SQL {
  const p = pattern(subject);
  if (p === null) return sql`false`;
  return sql`(${column})::text ~* ${p}`;
}
