import type { StorefrontSite } from '../site.ts';

/** Addresses of the customer account pages, under the store's base path (and locale). */
export const accountPaths = {
  account: (site: StorefrontSite) => `${site.basePath}/account`,
  profile: (site: StorefrontSite) => `${site.basePath}/account/profile`,
  login: (site: StorefrontSite) => `${site.basePath}/account/login`,
  logout: (site: StorefrontSite) => `${site.basePath}/account/logout`,
  dataExport: (site: StorefrontSite) => `${site.basePath}/account/data-export`,
  register: (site: StorefrontSite) => `${site.basePath}/account/register`,
  resetRequest: (site: StorefrontSite) => `${site.basePath}/account/reset`,
  reset: (site: StorefrontSite, token: string) =>
    `${site.basePath}/account/reset/${encodeURIComponent(token)}`,
  activate: (site: StorefrontSite, token: string) =>
    `${site.basePath}/account/activate/${encodeURIComponent(token)}`,
  addresses: (site: StorefrontSite) => `${site.basePath}/account/addresses`,
  newAddress: (site: StorefrontSite) => `${site.basePath}/account/addresses/new`,
  address: (site: StorefrontSite, id: string) =>
    `${site.basePath}/account/addresses/${encodeURIComponent(id)}`,
  editAddress: (site: StorefrontSite, id: string) =>
    `${site.basePath}/account/addresses/${encodeURIComponent(id)}/edit`,
  deleteAddress: (site: StorefrontSite, id: string) =>
    `${site.basePath}/account/addresses/${encodeURIComponent(id)}/delete`,
  defaultAddress: (site: StorefrontSite, id: string) =>
    `${site.basePath}/account/addresses/${encodeURIComponent(id)}/default`,
};

/** What a page says after a change (`?done=` on the page a form redirects to). */
export const accountNotices = [
  'activated',
  'password',
  'details',
  'address-saved',
  'address-deleted',
  'signed-out',
  'check-email',
  'reset-sent',
] as const;
export type AccountNotice = (typeof accountNotices)[number];

export function withNotice(path: string, notice: AccountNotice): string {
  return `${path}?done=${notice}`;
}

export function noticeOf(query: unknown): AccountNotice | undefined {
  const done = (query as { done?: unknown } | undefined)?.done;
  return accountNotices.find((n) => n === done);
}
