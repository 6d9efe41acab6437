import { Parser } from 'htmlparser2';

/**
 * Reads a product description (HTML as editors and importers store it, or plain text) in one pass
 * with htmlparser2, a tolerant streaming parser that decodes character references the way the HTML
 * standard does: the visible text split into paragraphs, and the links it contains. Script and
 * style content, comments and templates are never text.
 */
export interface DescriptionContent {
  /** Visible text: paragraphs separated by a blank line, lines inside a paragraph by one newline. */
  text: string;
  paragraphs: string[];
  /** The `href` of every `<a>`, entity-decoded and trimmed, in document order. */
  links: string[];
}

// Elements that start and end a block of text; their edges separate paragraphs.
// biome-ignore format: packed list
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

// Elements whose content is never shown as text.
// biome-ignore format: packed list
const hiddenElements = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'svg', 'object', 'head', 'title',
]);

const cellElements = new Set(['td', 'th']);

const PARAGRAPH_BREAK = '\n\n';
const LINE_BREAK = '\n';
const htmlWhitespace = /[\t\n\f\r ]+/g;
const looksLikeHtml = /<[a-zA-Z!/?]/;

function splitParagraphs(raw: string): string[] {
  const paragraphs: string[] = [];
  for (const block of raw.split(/\n[^\S\n]*\n/)) {
    const lines: string[] = [];
    for (const line of block.split(LINE_BREAK)) {
      const flat = line.replace(/\s+/g, ' ').trim();
      if (flat !== '') lines.push(flat);
    }
    if (lines.length > 0) paragraphs.push(lines.join(LINE_BREAK));
  }
  return paragraphs;
}

/** The visible text, paragraphs and links of a description given as HTML or as plain text. */
export function readDescriptionHtml(html: string): DescriptionContent {
  const links: string[] = [];
  // Plain text (no tags at all) keeps its own line structure: blank lines separate paragraphs.
  const plain = !looksLikeHtml.test(html);
  let raw = '';
  let hiddenDepth = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (hiddenDepth > 0 || hiddenElements.has(name)) {
        hiddenDepth += hiddenElements.has(name) ? 1 : 0;
        return;
      }
      if (name === 'a' && attributes.href !== undefined) links.push(attributes.href.trim());
      if (name === 'br') raw += LINE_BREAK;
      else if (blockElements.has(name)) raw += PARAGRAPH_BREAK;
      else if (cellElements.has(name)) raw += ' ';
    },
    onclosetag(name) {
      if (hiddenElements.has(name)) {
        hiddenDepth = Math.max(0, hiddenDepth - 1);
        return;
      }
      if (hiddenDepth > 0) return;
      if (blockElements.has(name)) raw += PARAGRAPH_BREAK;
      else if (cellElements.has(name)) raw += ' ';
    },
    ontext(text) {
      if (hiddenDepth > 0) return;
      raw += plain ? text.replace(/\r\n?/g, '\n') : text.replace(htmlWhitespace, ' ');
    },
  });
  parser.end(html);
  const paragraphs = splitParagraphs(raw);
  return { text: paragraphs.join(PARAGRAPH_BREAK), paragraphs, links };
}
