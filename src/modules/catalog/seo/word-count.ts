/**
 * Counts the words of plain text. Scripts written without spaces (Chinese, Japanese, Thai, …) go
 * through the locale's word segmenter; everything else is counted by runs of letters and digits,
 * which is the same answer and far cheaper over a whole catalog.
 */
const unspacedScripts =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// A word may hold inner apostrophes or hyphens: "don't", "t-shirt" are one word each.
const spacedWord = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    }
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

export function countWords(text: string, locale = 'und'): number {
  if (unspacedScripts.test(text)) {
    let count = 0;
    for (const segment of segmenterFor(locale).segment(text)) if (segment.isWordLike) count++;
    return count;
  }
  let count = 0;
  spacedWord.lastIndex = 0;
  while (spacedWord.exec(text) !== null) count++;
  return count;
}
