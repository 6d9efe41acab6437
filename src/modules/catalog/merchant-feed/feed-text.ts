/**
 * Text made safe for the two feed formats. XML 1.0 forbids most control characters outright (a
 * parser stops at the first one), and shop data picks them up from copy-paste and old imports; they
 * are dropped together with the C1 controls, which XML discourages and no product text means.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const unusableCharacters = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const xmlSpecial = /[&<>"']/g;
const xmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The text without characters XML 1.0 cannot carry (the `u` flag makes the surrogate range match lone halves only). */
export function withoutUnusableCharacters(text: string): string {
  return text.replace(unusableCharacters, '');
}

/** Escaped for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return withoutUnusableCharacters(text).replace(xmlSpecial, (c) => xmlEntities[c]!);
}

/** One TSV field: no tabs or line breaks (they would start a new column or row), no unusable characters. */
export function tsvField(text: string): string {
  return withoutUnusableCharacters(text)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

/** Cut to at most `max` characters, at a word boundary when one is near, without splitting a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastSpace = cut.search(/\s\S*$/);
  const atWord = lastSpace > max * 0.8 ? cut.slice(0, lastSpace) : cut;
  return atWord.trimEnd();
}
