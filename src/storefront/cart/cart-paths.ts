import type { StorefrontSite } from '../site.ts';

/** Addresses of the cart's page and forms, under the page's locale. */
export const cartPaths = {
  cart: (site: StorefrontSite) => `${site.basePath}/cart`,
  lines: (site: StorefrontSite) => `${site.basePath}/cart/lines`,
  line: (site: StorefrontSite, lineId: string) => `${site.basePath}/cart/lines/${encodeURIComponent(lineId)}`,
  discount: (site: StorefrontSite) => `${site.basePath}/cart/discount`,
  discountRemove: (site: StorefrontSite) => `${site.basePath}/cart/discount/remove`,
  country: (site: StorefrontSite) => `${site.basePath}/cart/country`,
  /** The country selector's form (footer of every page). */
  market: (site: StorefrontSite) => `${site.basePath}/market`,
  /** The checkout's first step (built on top of the cart, see docs/checkout.md). */
  checkout: (site: StorefrontSite) => `${site.basePath}/checkout`,
};
