/**
 * Text conventions of WooCommerce's product CSV.
 *
 * Descriptions: the exporter writes a line break as the two characters `\n`, and a `\n` that was
 * already in the text as `\\n`; the importer undoes both. We do the same in both directions.
 */
export function decodeWooMultiline(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .split('\\\\n')
    .map((part) => part.replaceAll('\\n', '\n'))
    .join('\\n');
}

export function encodeWooMultiline(text: string): string {
  return text.replaceAll('\\n', '\\\\n').replaceAll('\n', '\\n');
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * The short description as plain text for the SEO description: tags removed, the common entities
 * decoded (in one pass, so "&amp;lt;" stays "&lt;"), whitespace collapsed.
 */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] === '#') {
        const code =
          body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return namedEntities[body.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text as HTML text (what `htmlToPlainText` reads back unchanged). */
export function plainTextToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A category path with its levels separated by " > " however the file spaced them. */
export function normaliseCategoryPath(path: string): string {
  return path
    .split('>')
    .map((level) => level.trim())
    .filter((level) => level !== '')
    .join(' > ');
}

/**
 * The product's category and the categories left over. WooCommerce lists every category a product
 * is in, often a parent next to its child ("Clothing, Clothing > Tshirts"); a path that is the
 * start of another listed path adds nothing, so it is dropped, and the first remaining path is the
 * category.
 */
export function pickCategory(paths: string[]): { category: string | null; others: string[] } {
  const normalised = [...new Set(paths.map(normaliseCategoryPath).filter((p) => p !== ''))];
  const specific = normalised.filter((path) => !normalised.some((other) => other.startsWith(`${path} > `)));
  return { category: specific[0] ?? null, others: specific.slice(1) };
}
