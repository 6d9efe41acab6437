/**
 * Where a store's pages live as a search engine finds them, for audits and previews made away from
 * the storefront: on the store's first domain when it has one (`https://shop.example/products/x`),
 * otherwise under the installation's address (`https://host/s/<store>/products/x`).
 */
export interface StoreSeoSite {
  /** Origin (and any path the installation is mounted under), no trailing slash. */
  baseUrl: string;
  /** '' on the store's own domain, `/s/<handle>` under the installation's address. */
  basePath: string;
}

export function storeSeoSite(
  store: { handle: string; domains: readonly string[] },
  installationBaseUrl: string,
): StoreSeoSite {
  const domain = store.domains[0];
  if (domain) return { baseUrl: `https://${domain}`, basePath: '' };
  return { baseUrl: installationBaseUrl.replace(/\/+$/, ''), basePath: `/s/${store.handle}` };
}

export function productPagePath(site: StoreSeoSite, handle: string): string {
  return `${site.basePath}/products/${encodeURIComponent(handle)}`;
}

/**
 * Every path of the store the storefront answers apart from product pages: the home page, sitemap,
 * robots and feeds, both on the store's domain and under `/s/<handle>` (which any host serves).
 */
export function storeFixedPaths(store: { handle: string }, site: StoreSeoSite): string[] {
  const bases = new Set([site.basePath, `/s/${store.handle}`]);
  const paths: string[] = [];
  for (const base of bases) paths.push(`${base}/`, `${base}/sitemap.xml`, `${base}/robots.txt`);
  return paths;
}

/** Product page paths in every form the storefront answers (see `storeFixedPaths`). */
export function productPagePaths(store: { handle: string }, site: StoreSeoSite, handle: string): string[] {
  const own = productPagePath(site, handle);
  const byPrefix = `/s/${store.handle}/products/${encodeURIComponent(handle)}`;
  return own === byPrefix ? [own] : [own, byPrefix];
}

/** The product editor in the admin console, where every finding can be fixed. */
export function productEditorPath(storeHandle: string, productId: string): string {
  return `/admin/stores/${encodeURIComponent(storeHandle)}/products/${encodeURIComponent(productId)}`;
}
