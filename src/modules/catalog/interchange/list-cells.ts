/**
 * Cells that hold a list ("Made to Order, Shirt Tag"). Shopify splits on every comma (a Shopify
 * tag cannot contain one). WooCommerce writes a comma inside a value as `\,`. Storepilot's own
 * format does the same and also writes a backslash as `\\`, so any text survives a round trip.
 */

/** Comma-separated values, trimmed, blanks and repeats dropped (Shopify tags). */
export function splitPlainList(text: string): string[] {
  const values: string[] = [];
  for (const part of text.split(',')) {
    const value = part.trim();
    if (value !== '' && !values.includes(value)) values.push(value);
  }
  return values;
}

export type ListEscaping = 'woocommerce' | 'storepilot';

/** Comma-separated values where `\,` is a comma inside a value (and, for Storepilot, `\\` a backslash). */
export function splitEscapedList(text: string, escaping: ListEscaping): string[] {
  const values: string[] = [];
  let current = '';
  const push = () => {
    const value = current.trim();
    if (value !== '' && !values.includes(value)) values.push(value);
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '\\' && (next === ',' || (escaping === 'storepilot' && next === '\\'))) {
      current += next;
      i++;
    } else if (char === ',') {
      push();
    } else {
      current += char;
    }
  }
  push();
  return values;
}

export function joinEscapedList(values: readonly string[], escaping: ListEscaping): string {
  const escapeValue =
    escaping === 'storepilot'
      ? (value: string) => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,')
      : (value: string) => value.replace(/,/g, '\\,');
  return values.map(escapeValue).join(', ');
}
