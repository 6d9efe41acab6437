import { effectiveMetaTitle } from './audit-context.ts';
import { readDescriptionHtml } from './description-html.ts';
import type { SeoAuditProduct } from './seo-audit-types.ts';
import { collapseWhitespace } from './seo-thresholds.ts';
import {
  SNIPPET_FONT_PX,
  SNIPPET_MAX_PX,
  TITLE_FONT_PX,
  TITLE_MAX_PX,
  truncateToWidth,
} from './serp-width.ts';

/** What a Google result for the product would show, for the editor's live preview. */
export interface SnippetPreview {
  /** The site name line above the URL. */
  siteName: string;
  /** Breadcrumb-style URL: "https://shop.example › products › merino-sweater". */
  displayUrl: string;
  title: string;
  titleTruncated: boolean;
  /** Estimated width of the shown title in pixels (limit 580). */
  titleWidthPx: number;
  description: string;
  descriptionTruncated: boolean;
  /** Where the description comes from: the meta description, or (without one) the page's own text. */
  descriptionSource: 'meta_description' | 'page_text';
}

export type SnippetProduct = Pick<
  SeoAuditProduct,
  'title' | 'seoTitle' | 'seoDescription' | 'descriptionHtml' | 'urlPath'
>;

function displayUrl(path: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(path, baseUrl);
  } catch {
    return baseUrl;
  }
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return [`${url.protocol}//${url.host}`, ...segments].join(' › ');
}

export function snippetPreview(product: SnippetProduct, storeName: string, baseUrl: string): SnippetPreview {
  const title = truncateToWidth(effectiveMetaTitle(product, storeName).text, TITLE_MAX_PX, TITLE_FONT_PX);
  const meta = collapseWhitespace(product.seoDescription ?? '');
  const source = meta !== '' ? 'meta_description' : 'page_text';
  const text = meta !== '' ? meta : collapseWhitespace(readDescriptionHtml(product.descriptionHtml).text);
  const description = truncateToWidth(text, SNIPPET_MAX_PX, SNIPPET_FONT_PX);
  return {
    siteName: storeName,
    displayUrl: displayUrl(product.urlPath, baseUrl),
    title: title.text,
    titleTruncated: title.truncated,
    titleWidthPx: title.widthPx,
    description: description.text,
    descriptionTruncated: description.truncated,
    descriptionSource: source,
  };
}
