import { brokenInternalLinks, imagesMissingAlt, noImages, thinDescription } from './content-rules.ts';
import { duplicateMetaTitle, duplicateTitle } from './duplicate-rules.ts';
import {
  keywordNotInDescription,
  keywordNotInHandle,
  keywordNotInMetaDescription,
  keywordNotInMetaTitle,
} from './keyword-rules.ts';
import {
  metaDescriptionMissing,
  metaDescriptionTooLong,
  metaDescriptionTooShort,
} from './meta-description-rules.ts';
import { metaTitleMissing, metaTitleTooLong, metaTitleTooShort } from './meta-title-rules.ts';
import type { SeoRule } from './seo-rule.ts';

/** Every rule, in the order the editor lists a product's findings when their impact ties. */
export const seoRules: readonly SeoRule[] = [
  noImages,
  duplicateTitle,
  duplicateMetaTitle,
  brokenInternalLinks,
  metaTitleMissing,
  metaTitleTooLong,
  metaTitleTooShort,
  metaDescriptionMissing,
  metaDescriptionTooLong,
  metaDescriptionTooShort,
  thinDescription,
  imagesMissingAlt,
  keywordNotInMetaTitle,
  keywordNotInMetaDescription,
  keywordNotInDescription,
  keywordNotInHandle,
];
