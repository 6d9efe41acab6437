/**
 * Whether a focus keyword occurs in a text the way a reader would judge it: ignoring case, accents
 * and punctuation, matching whole words only ("art" is not in "smartwatch"), and treating a simple
 * plural as the same word ("shoes" matches "shoe"). Scripts written without spaces fall back to a
 * plain substring test on the folded text.
 */

// Letters that carry no combining accent in Unicode, so NFKD alone does not fold them.
const extraFolds: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const extraFoldPattern = /[ßæœøłđðþı]/g;
const combiningMarks = /\p{M}+/gu;
// Printable ASCII needs no Unicode normalisation, which is the slow part of folding.
const notPrintableAscii = /[^ -~]/;
const apostrophes = /['’ʼ]/g;
const wordRun = /[\p{L}\p{N}]+/gu;
const unspacedScripts =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Lowercase, accents removed, special letters spelled out: "Crème Brûlée" → "creme brulee". */
export function foldText(text: string): string {
  if (!notPrintableAscii.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .replace(extraFoldPattern, (c) => extraFolds[c]!);
}

// A light plural strip, applied to both sides so that either form matches the other. It only ever
// removes a final "s"/"es"/"ies", which is right for English, French, Spanish, Portuguese and Dutch
// plurals and harmless elsewhere; an irregular plural simply does not match.
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** The comparable words of a text: folded, apostrophes dropped ("men's" → "mens"), plurals stemmed. */
export function keywordTokens(text: string): string[] {
  const folded = foldText(text).replace(apostrophes, '');
  const words = folded.match(wordRun) ?? [];
  return words.map(stem);
}

/** A keyword prepared once and tested against many texts. */
export interface PreparedKeyword {
  tokens: string[];
  /** Set when the keyword is in a script without spaces; matched as a folded substring instead. */
  unspaced: string | null;
}

export function prepareKeyword(keyword: string): PreparedKeyword | null {
  const trimmed = keyword.trim();
  if (trimmed.length === 0) return null;
  if (unspacedScripts.test(trimmed)) return { tokens: [], unspaced: foldText(trimmed).replace(/\s+/g, '') };
  const tokens = keywordTokens(trimmed);
  return tokens.length > 0 ? { tokens, unspaced: null } : null;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  const last = haystack.length - needle.length;
  outer: for (let start = 0; start <= last; start++) {
    for (let k = 0; k < needle.length; k++) {
      if (haystack[start + k] !== needle[k]) continue outer;
    }
    return true;
  }
  return false;
}

/** True when every word of the keyword occurs in `text`, consecutively and in order. */
export function textContainsKeyword(text: string, keyword: PreparedKeyword): boolean {
  if (keyword.unspaced !== null) return foldText(text).replace(/\s+/g, '').includes(keyword.unspaced);
  return containsSequence(keywordTokens(text), keyword.tokens);
}
