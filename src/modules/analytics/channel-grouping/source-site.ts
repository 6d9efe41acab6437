import { type KnownSite, knownSites, type SourceCategory } from './source-categories.ts';

/**
 * The host a source names, lower-cased: `https://M.Facebook.com/story` → `m.facebook.com`,
 * `google.com:443` → `google.com`, `google` → `google`. A trailing dot (a fully qualified name) and
 * surrounding spaces are dropped. Returns '' for an empty source.
 */
export function hostOfSource(source: string): string {
  let text = source.trim().toLowerCase();
  const scheme = text.indexOf('://');
  if (scheme >= 0) text = text.slice(scheme + 3);
  const end = text.search(/[/?#:]/);
  if (end >= 0) text = text.slice(0, end);
  return text.replace(/\.+$/, '');
}

const byBareName = new Map<string, KnownSite>();
for (const site of knownSites) {
  for (const name of [site.name, ...(site.aliases ?? [])]) byBareName.set(name, site);
}

// The labels after a brand that make a country or generic domain: .de, .co.uk, .com.br, .com.
const topLevelLabel = /^(?:[a-z]{2}|com|net|org|edu|gov|biz|info)$/;

/**
 * The known site a source is (a bare name, a host or a URL), or null. Subdomains count
 * (`l.instagram.com` is Instagram) unless the site limits them (`mail.google.com` is not search).
 */
export function knownSiteOf(source: string | null | undefined): KnownSite | null {
  if (!source) return null;
  const host = hostOfSource(source);
  if (host === '') return null;
  const bare = byBareName.get(host) ?? byBareName.get(source.trim().toLowerCase());
  if (bare) return bare;
  if (!host.includes('.')) return null;
  const labels = host.split('.');
  for (const site of knownSites) {
    const subdomain = subdomainWithin(site, host, labels);
    if (subdomain === null) continue;
    if (site.onlySubdomains && subdomain.length > 0 && !site.onlySubdomains.includes(subdomain.at(-1)!)) {
      continue;
    }
    return site;
  }
  return null;
}

/** The category of the site a source is, or null for any other source. */
export function sourceCategoryOf(source: string | null | undefined): SourceCategory | null {
  return knownSiteOf(source)?.category ?? null;
}

/** The labels in front of the site's domain when `host` belongs to `site`, else null. */
function subdomainWithin(site: KnownSite, host: string, labels: readonly string[]): string[] | null {
  for (const domain of site.domains ?? []) {
    if (host === domain) return [];
    if (host.endsWith(`.${domain}`)) return host.slice(0, -domain.length - 1).split('.');
  }
  if (site.brand) {
    // The last occurrence, so "google.example.com" (a brand label under another domain) fails.
    const at = labels.lastIndexOf(site.brand);
    const suffix = labels.slice(at + 1);
    if (at >= 0 && suffix.length >= 1 && suffix.length <= 2 && suffix.every((l) => topLevelLabel.test(l))) {
      return labels.slice(0, at);
    }
  }
  return null;
}
