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
 * `column` with every identifier replaced inside the document's string values, at any depth
 * (jsonb columns): keys, numbers and the shape stay, so it is still valid JSON (a postal code never
 * eats into an amount). The walk is the database function `personal_data_redacted` (migration
 * 0027_personal_data_redaction).
 */
export function redactedJson(column: SQL | unknown, subject: DataSubject): SQL {
  const p = pattern(subject);
  if (p === null) return sql`${column}`;
  return sql`personal_data_redacted(${column}, ${p}, ${ERASED_TEXT})`;
}

/*
 * Identifiers that single the person out on their own: the customer id, e-mails, and strings of
 * several words or with digits at least six characters long (a full name, a street line, a phone
 * number). A lone first name or a postal code is not one: "Anna" would find every product called
 * Anna. Rows a store-wide scan finds by a strong identifier then lose every identifier.
 */
const MIN_STRONG_LENGTH = 6;

function isStrong(value: string): boolean {
  return value.includes('@') || (value.length >= MIN_STRONG_LENGTH && /[\s\d]/.test(value));
}

/**
 * True where the text (or JSON text) of `column` names the subject by a strong identifier: for
 * scans over a whole store's rows (audit log, outbox, delivery logs) whose owner is not a column.
 */
export function mentionsSubject(column: SQL | unknown, subject: DataSubject): SQL {
  const strong = [subject.id, ...matchable(subject).filter(isStrong)];
  return sql`(${column})::text ~* ${strong.map(regexOf).join('|')}`;
}
