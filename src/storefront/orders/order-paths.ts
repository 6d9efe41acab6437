import type { StorefrontSite } from '../site.ts';

/** Addresses of the order status page (its token is the secret), its return form and the guest lookup. */
export const orderPaths = {
  status: (site: StorefrontSite, token: string) => `${site.basePath}/orders/${encodeURIComponent(token)}`,
  returns: (site: StorefrontSite, token: string) =>
    `${site.basePath}/orders/${encodeURIComponent(token)}/returns`,
  help: (site: StorefrontSite, token: string) => `${site.basePath}/orders/${encodeURIComponent(token)}/help`,
  lookup: (site: StorefrontSite) => `${site.basePath}/orders/lookup`,
};
