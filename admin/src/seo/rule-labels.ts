import type { SeoSeverity } from './seo-types.ts';

/** What each audit rule is called in the console (docs/seo-audit.md describes them). */
export const ruleLabels: Record<string, string> = {
  no_images: 'No images',
  duplicate_title: 'Duplicate title',
  duplicate_meta_title: 'Duplicate meta title',
  broken_internal_links: 'Broken internal links',
  meta_title_missing: 'Meta title missing',
  meta_title_too_long: 'Meta title too long',
  meta_title_too_short: 'Meta title too short',
  meta_description_missing: 'Meta description missing',
  meta_description_too_long: 'Meta description too long',
  meta_description_too_short: 'Meta description too short',
  thin_description: 'Thin description',
  images_missing_alt: 'Images without alt text',
  keyword_not_in_meta_title: 'Keyword not in meta title',
  keyword_not_in_meta_description: 'Keyword not in meta description',
  keyword_not_in_description: 'Keyword not in description',
  keyword_not_in_handle: 'Keyword not in handle',
};

export function ruleLabel(code: string): string {
  return ruleLabels[code] ?? code.replaceAll('_', ' ');
}

export const severityColors: Record<SeoSeverity, string> = {
  critical: 'red',
  warning: 'orange',
  notice: 'blue',
};

export const severityLabels: Record<SeoSeverity, string> = {
  critical: 'Critical',
  warning: 'Warning',
  notice: 'Notice',
};

/** The score's colour: green from 80, orange from 50, red below. */
export function scoreColor(score: number): string {
  return score >= 80 ? 'teal' : score >= 50 ? 'orange' : 'red';
}
