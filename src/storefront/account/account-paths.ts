import type { StorefrontSite } from '../site.ts';

/** Addresses of the customer account pages, under the store's base path (and locale). */
export const accountPaths = {
  account: (site: StorefrontSite) => `${site.basePath}/account`,
  profile: (site: StorefrontSite) => `${site.basePath}/account/profile`,
  /** The sign-in page; `returnTo`, a page of the same storefront, is where a successful sign-in goes. */
  login: (site: StorefrontSite, returnTo?: string) =>
    `${site.basePath}/account/login${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ''}`,
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

/**
 * Where a sign-in may return to: a path of this storefront only (under its base path, no scheme, no
 * `//` host, no backslash or control characters), so the parameter can never send a shopper to
 * another site. Anything else is null: the account page.
 */
export function safeReturnPath(site: StorefrontSite, value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return null;
  if (!value.startsWith(`${site.basePath}/`) || value.startsWith('//')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}
