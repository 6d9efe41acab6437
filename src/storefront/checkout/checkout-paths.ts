import type { StorefrontSite } from '../site.ts';

/** The checkout's sections, in the order a shopper fills them in. */
export const checkoutSections = ['contact', 'address', 'shipping', 'payment'] as const;
export type CheckoutSection = (typeof checkoutSections)[number];

/** Addresses of the checkout page, its forms and the card's extra step, under the page's locale. */
export const checkoutPaths = {
  checkout: (site: StorefrontSite) => `${site.basePath}/checkout`,
  /** The page with one section opened for a change (`?edit=address`). */
  edit: (site: StorefrontSite, section: CheckoutSection) =>
    `${site.basePath}/checkout?edit=${section}#${section}`,
  section: (site: StorefrontSite, section: CheckoutSection) => `${site.basePath}/checkout#${section}`,
  contact: (site: StorefrontSite) => `${site.basePath}/checkout/contact`,
  address: (site: StorefrontSite) => `${site.basePath}/checkout/address`,
  shipping: (site: StorefrontSite) => `${site.basePath}/checkout/shipping`,
  discount: (site: StorefrontSite) => `${site.basePath}/checkout/discount`,
  discountRemove: (site: StorefrontSite) => `${site.basePath}/checkout/discount/remove`,
  place: (site: StorefrontSite) => `${site.basePath}/checkout/place`,
  /** The card's 3-D Secure-style step; `{paymentId}` is left for the payments module to fill in. */
  verifyTemplate: (site: StorefrontSite) => `${site.basePath}/checkout/payment/{paymentId}/verify`,
  verify: (site: StorefrontSite, paymentId: string) =>
    `${site.basePath}/checkout/payment/${encodeURIComponent(paymentId)}/verify`,
};
