import { textContainsKeyword } from '../keyword-match.ts';
import { collapseWhitespace } from '../seo-thresholds.ts';
import { type PreparedProduct, quote, type RuleHit, type SeoRule } from './seo-rule.ts';

// Every keyword rule is silent when no focus keyword is set: there is nothing to look for.
function keywordAbsent(p: PreparedProduct, text: string, where: string, fix: string): RuleHit | null {
  if (!p.keyword || textContainsKeyword(text, p.keyword)) return null;
  const keyword = collapseWhitespace(p.product.focusKeyword ?? '');
  return {
    message: `The focus keyword ${quote(keyword)} does not appear in ${where}.`,
    fix,
    measured: { keyword },
  };
}

export const keywordNotInMetaTitle: SeoRule = {
  code: 'keyword_not_in_meta_title',
  severity: 'warning',
  weight: 5,
  field: 'seoTitle',
  check: (p) =>
    keywordAbsent(
      p,
      p.metaTitle.text,
      p.metaTitle.fromFallback ? 'the title shown in search results' : 'the meta title',
      'Work the focus keyword into the meta title, near the start.',
    ),
};

export const keywordNotInMetaDescription: SeoRule = {
  code: 'keyword_not_in_meta_description',
  severity: 'notice',
  weight: 3,
  field: 'seoDescription',
  check(p) {
    // A missing meta description is its own finding; there is no text to search yet.
    const text = p.product.seoDescription ?? '';
    if (text.trim() === '') return null;
    return keywordAbsent(
      p,
      text,
      'the meta description',
      'Use the focus keyword once in the meta description; Google highlights it.',
    );
  },
};

export const keywordNotInDescription: SeoRule = {
  code: 'keyword_not_in_description',
  severity: 'notice',
  weight: 3,
  field: 'descriptionHtml',
  check: (p) =>
    keywordAbsent(
      p,
      p.content.paragraphs[0] ?? '',
      'the first paragraph of the description',
      'Mention the focus keyword in the opening sentence of the description.',
    ),
};

export const keywordNotInHandle: SeoRule = {
  code: 'keyword_not_in_handle',
  severity: 'notice',
  weight: 2,
  field: 'handle',
  check: (p) =>
    keywordAbsent(
      p,
      p.product.handle,
      `the URL handle ${quote(p.product.handle)}`,
      'Include the focus keyword in the handle, and redirect the old URL to the new one.',
    ),
};
