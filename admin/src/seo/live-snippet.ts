import { type SnippetPreview, snippetPreview } from '../../../src/modules/catalog/seo/snippet-preview.ts';

/**
 * The search-result preview of the product as it is being edited, computed in the browser with the
 * very function the server uses (same pixel widths, same cuts), so it follows every keystroke.
 */
export interface EditedListing {
  title: string;
  handle: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
}

export function liveSnippet(
  listing: EditedListing,
  site: { name: string; baseUrl: string; basePath: string },
): SnippetPreview {
  const handle = listing.handle.trim() || 'product';
  return snippetPreview(
    {
      title: listing.title,
      seoTitle: listing.seoTitle.trim() || null,
      seoDescription: listing.seoDescription.trim() || null,
      descriptionHtml: listing.description,
      urlPath: `${site.basePath}/products/${encodeURIComponent(handle)}`,
    },
    site.name,
    site.baseUrl,
  );
}
