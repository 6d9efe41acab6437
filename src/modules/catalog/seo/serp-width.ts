/**
 * How wide a text is when Google shows it in a search result, estimated in CSS pixels. Google cuts
 * titles and snippets by width, not by character count: "WWW…" runs out of room long before "iii…".
 *
 * Results are set in Arial: titles at 20 px, snippets at 14 px. The table below is Arial's advance
 * width for each printable ASCII character in thousandths of an em (Arial shares Helvetica's
 * metrics, so these are the widths of the standard Helvetica font metrics). A character outside
 * ASCII is measured as its unaccented letter (é as e), a wide East-Asian character as a full em,
 * and anything else as 556, the width of a digit and of most lowercase letters.
 */

export const TITLE_FONT_PX = 20;
export const SNIPPET_FONT_PX = 14;
/** Beyond this width Google truncates a result title with an ellipsis. */
export const TITLE_MAX_PX = 580;
/** Beyond this width (two lines on a desktop result) Google truncates the snippet. */
export const SNIPPET_MAX_PX = 920;

// biome-ignore format: 95 entries, one per character from space (32) to tilde (126)
const asciiWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0–9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A–O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P–Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a–o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p–z { | } ~
];

const DEFAULT_WIDTH = 556;
const FULL_EM = 1000;

// Common non-ASCII punctuation in titles, with their Arial widths.
// biome-ignore format: a table reads better packed
const punctuationWidths = new Map<string, number>([
  ['\u00a0', 278], ['–', 556], ['—', 1000], ['…', 1000], ['‘', 222], ['’', 222], ['‚', 222], ['“', 333],
  ['”', 333], ['„', 333], ['«', 556], ['»', 556], ['•', 350], ['·', 278], ['€', 556], ['£', 556],
  ['©', 737], ['®', 737], ['™', 1000], ['°', 400], ['×', 584],
]);

const wideCharacter =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return asciiWidths[code - 32]!;
  const known = punctuationWidths.get(char);
  if (known !== undefined) return known;
  if (wideCharacter.test(char)) return FULL_EM;
  const base = char.normalize('NFD').codePointAt(0)!;
  if (base >= 32 && base <= 126) return asciiWidths[base - 32]!;
  return DEFAULT_WIDTH;
}

/** Estimated rendered width in CSS pixels of `text` set in Arial at `fontPx`. */
export function textWidthPx(text: string, fontPx: number): number {
  let units = 0;
  for (const char of text) units += charWidth(char);
  return Math.round((units * fontPx) / 1000);
}

export interface TruncatedText {
  text: string;
  truncated: boolean;
  widthPx: number;
}

/**
 * The text as it fits in `maxPx`: unchanged when it fits, otherwise cut at the last word boundary
 * that leaves room for "…" (or mid-word when a single word is too wide), the way result pages cut.
 */
export function truncateToWidth(text: string, maxPx: number, fontPx: number): TruncatedText {
  const flat = text.replace(/\s+/g, ' ').trim();
  const fullWidth = textWidthPx(flat, fontPx);
  if (fullWidth <= maxPx) return { text: flat, truncated: false, widthPx: fullWidth };

  const budget = (maxPx * 1000) / fontPx - charWidth('…');
  let units = 0;
  let cut = 0;
  let lastSpace = -1;
  for (const char of flat) {
    const width = charWidth(char);
    if (units + width > budget) break;
    units += width;
    if (char === ' ') lastSpace = cut;
    cut += char.length;
  }
  // Prefer a word boundary unless it would throw away more than a third of the room.
  const end = lastSpace > cut * 0.66 ? lastSpace : cut;
  const kept = flat.slice(0, end).replace(/[\s,;:.\-–—|]+$/, '');
  const shown = `${kept}…`;
  return { text: shown, truncated: true, widthPx: textWidthPx(shown, fontPx) };
}
