import type { StorefrontSite } from '../site.ts';

/** Addresses of the review pages, under the store's base path (and locale). */
export const reviewPaths = {
  /** A request e-mail's link (the token is the secret). */
  byToken: (site: StorefrontSite, token: string) =>
    `${site.basePath}/reviews/new/${encodeURIComponent(token)}`,
  /** A signed-in customer's review of a product they received. */
  product: (site: StorefrontSite, productId: string) =>
    `${site.basePath}/reviews/product/${encodeURIComponent(productId)}`,
  thanks: (site: StorefrontSite) => `${site.basePath}/reviews/thanks`,
};
