/** The limits the SEO rules measure against; docs/seo-audit.md says where each comes from. */
export const META_TITLE_MIN_CHARS = 30;
export const META_TITLE_MAX_CHARS = 60;
export const META_DESCRIPTION_MIN_CHARS = 70;
export const META_DESCRIPTION_MAX_CHARS = 160;
export const THIN_DESCRIPTION_MIN_WORDS = 50;

/** Characters as people count them (code points), after collapsing runs of whitespace. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Text as a result page shows it: whitespace runs collapsed to one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
