import { characterCount, META_TITLE_MAX_CHARS, META_TITLE_MIN_CHARS } from '../seo-thresholds.ts';
import { TITLE_FONT_PX, TITLE_MAX_PX, textWidthPx } from '../serp-width.ts';
import { type PreparedProduct, quote, type SeoRule } from './seo-rule.ts';

function subject(product: PreparedProduct): string {
  return product.metaTitle.fromFallback
    ? 'The product title, which stands in for the missing meta title,'
    : 'The meta title';
}

export const metaTitleMissing: SeoRule = {
  code: 'meta_title_missing',
  severity: 'notice',
  weight: 6,
  field: 'seoTitle',
  check(p) {
    if (!p.metaTitle.fromFallback) return null;
    return {
      message: `No meta title is set, so search results show the product title instead: ${quote(p.metaTitle.text)}.`,
      fix: `Write a meta title of ${META_TITLE_MIN_CHARS}–${META_TITLE_MAX_CHARS} characters that names the product and what sets it apart.`,
      measured: { fallback: p.metaTitle.text },
    };
  },
};

export const metaTitleTooLong: SeoRule = {
  code: 'meta_title_too_long',
  severity: 'warning',
  weight: 8,
  field: 'seoTitle',
  check(p) {
    const characters = characterCount(p.metaTitle.text);
    const pixels = textWidthPx(p.metaTitle.text, TITLE_FONT_PX);
    if (characters <= META_TITLE_MAX_CHARS && pixels <= TITLE_MAX_PX) return null;
    const overBy = characters > META_TITLE_MAX_CHARS ? 'characters' : 'width';
    return {
      message:
        `${subject(p)} is ${characters} characters, about ${pixels} px wide; Google shows about ` +
        `${META_TITLE_MAX_CHARS} characters (${TITLE_MAX_PX} px) and cuts the rest with “…”.`,
      fix: `Shorten the meta title to ${META_TITLE_MAX_CHARS} characters or fewer and put the words people search for first.`,
      measured: {
        characters,
        pixels,
        limitCharacters: META_TITLE_MAX_CHARS,
        limitPixels: TITLE_MAX_PX,
        overBy,
      },
    };
  },
};

export const metaTitleTooShort: SeoRule = {
  code: 'meta_title_too_short',
  severity: 'warning',
  weight: 5,
  field: 'seoTitle',
  check(p) {
    const characters = characterCount(p.metaTitle.text);
    if (characters >= META_TITLE_MIN_CHARS) return null;
    return {
      message: `${subject(p)} is only ${characters} characters; under ${META_TITLE_MIN_CHARS} it leaves out words shoppers search for.`,
      fix: `Lengthen the meta title to ${META_TITLE_MIN_CHARS}–${META_TITLE_MAX_CHARS} characters with the product type, brand or a key attribute.`,
      measured: { characters, limitCharacters: META_TITLE_MIN_CHARS },
    };
  },
};
