import { decodeHtmlEntities } from './html-entities.ts';

/**
 * Reads a product description (HTML as editors and importers store it, or plain text) in one pass:
 * the visible text split into paragraphs, and the links it contains. Tolerant like a browser: a
 * stray `<` is text, an unclosed tag or comment swallows the rest, script and style are never text.
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
const hiddenElements = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'svg',
  'object',
  'head',
  'title',
]);

const cellElements = new Set(['td', 'th']);

const PARAGRAPH_BREAK = '\n\n';
const LINE_BREAK = '\n';
const htmlWhitespace = /[\t\n\f\r ]+/g;
const looksLikeHtml = /<[a-zA-Z!/?]/;
const closingTagPatterns = new Map<string, RegExp>();

function closingTagPattern(name: string): RegExp {
  let pattern = closingTagPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}[\\s/>]`, 'gi');
    closingTagPatterns.set(name, pattern);
  }
  return pattern;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isTagNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 58;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

interface ParsedTag {
  /** Index just past the tag's `>` (the input's length when the tag never closes). */
  end: number;
  href: string | null;
}

// Walks the attributes of a start tag from `from` (just after the name), honouring quotes so a `>`
// inside a quoted value does not end the tag. Only `href` is kept; nothing else is needed.
function readAttributes(html: string, from: number, wantHref: boolean): ParsedTag {
  let i = from;
  let href: string | null = null;
  const length = html.length;
  while (i < length) {
    const code = html.charCodeAt(i);
    if (code === 62 /* > */) return { end: i + 1, href };
    if (isSpace(code) || code === 47 /* / */) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < length) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 62 || c === 61 /* = */) break;
      i++;
    }
    const name = html.slice(nameStart, i);
    while (i < length && isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== 61) continue;
    i++;
    while (i < length && isSpace(html.charCodeAt(i))) i++;
    let value: string;
    const quote = html.charCodeAt(i);
    if (quote === 34 || quote === 39) {
      const close = html.indexOf(quote === 34 ? '"' : "'", i + 1);
      const valueEnd = close === -1 ? length : close;
      value = html.slice(i + 1, valueEnd);
      i = valueEnd + 1;
    } else {
      const valueStart = i;
      while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
      value = html.slice(valueStart, i);
    }
    if (wantHref && href === null && name.toLowerCase() === 'href') href = decodeHtmlEntities(value).trim();
  }
  return { end: length, href };
}

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

function readPlainText(text: string): DescriptionContent {
  const paragraphs = splitParagraphs(text.replace(/\r\n?/g, '\n'));
  return { text: paragraphs.join(PARAGRAPH_BREAK), paragraphs, links: [] };
}

/** The visible text, paragraphs and links of a description given as HTML or as plain text. */
export function readDescriptionHtml(html: string): DescriptionContent {
  // Plain text (no tags at all) keeps its own line structure: blank lines separate paragraphs.
  if (!looksLikeHtml.test(html)) return readPlainText(decodeHtmlEntities(html));

  const links: string[] = [];
  let raw = '';
  let i = 0;
  const length = html.length;
  const appendText = (segment: string) => {
    if (segment.length > 0) raw += decodeHtmlEntities(segment).replace(htmlWhitespace, ' ');
  };

  while (i < length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      appendText(html.slice(i));
      break;
    }
    appendText(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);

    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? length : close + 3;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const close = html.indexOf('>', lt + 2);
      i = close === -1 ? length : close + 1;
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      // Not a tag ("a < b", "<3"): the `<` is text.
      appendText('<');
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < length && isTagNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tag = readAttributes(html, nameEnd, !closing && name === 'a');
    i = tag.end;

    if (closing) {
      if (blockElements.has(name)) raw += PARAGRAPH_BREAK;
      else if (cellElements.has(name)) raw += ' ';
      continue;
    }
    if (tag.href !== null) links.push(tag.href);
    if (hiddenElements.has(name)) {
      const pattern = closingTagPattern(name);
      pattern.lastIndex = i;
      const match = pattern.exec(html);
      if (!match) break;
      const close = html.indexOf('>', match.index);
      i = close === -1 ? length : close + 1;
    } else if (name === 'br') {
      raw += LINE_BREAK;
    } else if (blockElements.has(name)) {
      raw += PARAGRAPH_BREAK;
    } else if (cellElements.has(name)) {
      raw += ' ';
    }
  }

  const paragraphs = splitParagraphs(raw);
  return { text: paragraphs.join(PARAGRAPH_BREAK), paragraphs, links };
}
