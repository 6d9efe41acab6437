import type { Store } from '../access/index.ts';

/**
 * Where a store's storefront starts, for links in its e-mails: its own domain when it has one, else
 * the installation's address (`STOREPILOT_PUBLIC_URL`) under `/s/<handle>`, as the storefront
 * serves it. No trailing slash.
 */
export function storefrontBaseUrl(store: Pick<Store, 'handle' | 'domains'>, installationUrl: string): string {
  const [domain] = store.domains;
  return domain ? `https://${domain}` : `${installationUrl.replace(/\/+$/, '')}/s/${store.handle}`;
}

/**
 * The variables with every link made absolute: a string under a key ending in `_url` that is a path
 * (`/orders/7f3c…`, as a module without a request to take the host from gives it) is put under the
 * store's storefront address. Other values are left as they are.
 */
export function withAbsoluteLinks(value: unknown, baseUrl: string, key = ''): unknown {
  if (typeof value === 'string') {
    return key.endsWith('_url') && value.startsWith('/') && !value.startsWith('//')
      ? `${baseUrl}${value}`
      : value;
  }
  if (Array.isArray(value)) return value.map((item) => withAbsoluteLinks(item, baseUrl));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withAbsoluteLinks(v, baseUrl, k)]));
  }
  return value;
}
