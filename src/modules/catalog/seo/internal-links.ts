/**
 * Sorting the links of a description into the ones this store must answer (relative links and
 * absolute links to the store's own host) and the ones it does not check (other sites, e-mail,
 * telephone, in-page anchors). Internal links are reduced to a normalised path so they can be
 * looked up in the set of paths the store serves.
 */

export type LinkTarget =
  | { kind: 'internal'; path: string }
  | { kind: 'external' }
  | { kind: 'not_a_page'; reason: 'anchor' | 'scheme' | 'empty' };

// Schemes that never name a page of the store.
const nonPageSchemes = /^(?:mailto|tel|sms|callto|javascript|data|fax|geo|whatsapp):/i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;

/** `shop.example` and `www.shop.example` are one site; ports do not matter for this purpose. */
export function siteHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

/**
 * A path in the form the valid-path set stores: percent-decoded where that is safe, without a
 * trailing slash (except the root), without query or fragment. Case is kept: routes are case-sensitive.
 */
export function normalizeSitePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // A malformed escape stays as written; it will simply not match.
  }
  const withoutSlash = decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
  return withoutSlash === '' ? '/' : withoutSlash;
}

/** Where a link found on the page at `pageUrl` points, for a store whose site host is `host`. */
export function classifyLink(href: string, pageUrl: URL, host: string): LinkTarget {
  const trimmed = href.trim();
  if (trimmed === '') return { kind: 'not_a_page', reason: 'empty' };
  if (trimmed.startsWith('#')) return { kind: 'not_a_page', reason: 'anchor' };
  if (nonPageSchemes.test(trimmed)) return { kind: 'not_a_page', reason: 'scheme' };
  if (anyScheme.test(trimmed) && !/^https?:/i.test(trimmed)) return { kind: 'not_a_page', reason: 'scheme' };
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    // An href no browser can resolve is as broken as a missing page; report it under its own text.
    return { kind: 'internal', path: trimmed };
  }
  if (siteHost(url.hostname) !== host) return { kind: 'external' };
  return { kind: 'internal', path: normalizeSitePath(url.pathname) };
}
