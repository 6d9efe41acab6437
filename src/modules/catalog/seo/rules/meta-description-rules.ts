import { characterCount, META_DESCRIPTION_MAX_CHARS, META_DESCRIPTION_MIN_CHARS } from '../seo-thresholds.ts';
import { SNIPPET_FONT_PX, textWidthPx } from '../serp-width.ts';
import type { SeoRule } from './seo-rule.ts';

const range = `${META_DESCRIPTION_MIN_CHARS}–${META_DESCRIPTION_MAX_CHARS}`;

export const metaDescriptionMissing: SeoRule = {
  code: 'meta_description_missing',
  severity: 'warning',
  weight: 10,
  field: 'seoDescription',
  check(p) {
    if (p.metaDescription !== '') return null;
    return {
      message: 'No meta description is set, so Google picks a snippet of page text on its own.',
      fix: `Write a meta description of ${range} characters that says what the product is and why to buy it.`,
      measured: {},
    };
  },
};

export const metaDescriptionTooLong: SeoRule = {
  code: 'meta_description_too_long',
  severity: 'warning',
  weight: 5,
  field: 'seoDescription',
  check(p) {
    const text = p.metaDescription;
    const characters = characterCount(text);
    if (characters <= META_DESCRIPTION_MAX_CHARS) return null;
    return {
      message: `The meta description is ${characters} characters; Google shows about ${META_DESCRIPTION_MAX_CHARS} and cuts the rest.`,
      fix: `Shorten the meta description to ${META_DESCRIPTION_MAX_CHARS} characters or fewer, keeping the key message in the first sentence.`,
      measured: {
        characters,
        pixels: textWidthPx(text, SNIPPET_FONT_PX),
        limitCharacters: META_DESCRIPTION_MAX_CHARS,
      },
    };
  },
};

export const metaDescriptionTooShort: SeoRule = {
  code: 'meta_description_too_short',
  severity: 'warning',
  weight: 5,
  field: 'seoDescription',
  check(p) {
    const characters = characterCount(p.metaDescription);
    if (characters === 0 || characters >= META_DESCRIPTION_MIN_CHARS) return null;
    return {
      message: `The meta description is only ${characters} characters; under ${META_DESCRIPTION_MIN_CHARS} it leaves most of the snippet unused.`,
      fix: `Lengthen the meta description to ${range} characters: materials, use, a reason to buy.`,
      measured: { characters, limitCharacters: META_DESCRIPTION_MIN_CHARS },
    };
  },
};
