/** sitemaps.org XML (URL sets and sitemap indexes, split into files within the protocol's limits) and robots.txt. */

const XML_SPECIAL = /[&<>"']/;

function escapeXml(text: string): string {
  // Addresses rarely hold one of these; testing first spares a copy of nearly every string.
  return XML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : text;
}

export interface SitemapEntry {
  loc: string;
  lastmod?: Date;
  /** Every language version of the page, itself included (xhtml:link rel="alternate"). */
  alternates?: { hreflang: string; href: string }[];
}

/** At most 50,000 URLs fit one sitemap file (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;
/**
 * Our bound on one file's bytes. The protocol allows 50 MB; smaller files are quicker to build and
 * compress, and one does not crowd every other page out of the page cache. A page with many
 * language versions is large (each of its URLs lists all versions), so this bound, not the URL
 * count, is what splits a store with many locales.
 */
export const SITEMAP_BYTE_LIMIT = 10 * 1024 * 1024;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const URLSET_CLOSE = '\n</urlset>\n';

function urlsetOpen(withAlternates: boolean): string {
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}"${withAlternates ? ` xmlns:xhtml="${XHTML_NS}"` : ''}>\n`;
}

/** The alternates of a page are one list shared by its URLs in every locale: written once. */
const alternatesXml = new WeakMap<readonly object[], string>();

function alternatesElements(alternates: SitemapEntry['alternates']): string {
  if (!alternates?.length) return '';
  let xml = alternatesXml.get(alternates);
  if (xml === undefined) {
    xml = alternates
      .map(
        (a) =>
          `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`,
      )
      .join('');
    alternatesXml.set(alternates, xml);
  }
  return xml;
}

function urlElement(e: SitemapEntry): string {
  const lastmod = e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : '';
  return `<url><loc>${escapeXml(e.loc)}</loc>${lastmod}${alternatesElements(e.alternates)}</url>`;
}

export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const withAlternates = entries.some((e) => e.alternates?.length);
  return `${urlsetOpen(withAlternates)}${entries.map(urlElement).join('\n')}${URLSET_CLOSE}`;
}

/** How much one sitemap file may hold. */
export interface SitemapFileLimits {
  urls: number;
  bytes: number;
}

/** The protocol's own bounds, which no setting may pass. */
const PROTOCOL_LIMITS: SitemapFileLimits = { urls: SITEMAP_URL_LIMIT, bytes: 50 * 1024 * 1024 };

/** Limits as configured (smaller files are allowed), held within the protocol's. */
export function sitemapFileLimits(wanted: Partial<SitemapFileLimits> = {}): SitemapFileLimits {
  return {
    urls: Math.max(1, Math.min(wanted.urls ?? SITEMAP_URL_LIMIT, PROTOCOL_LIMITS.urls)),
    bytes: Math.max(1, Math.min(wanted.bytes ?? SITEMAP_BYTE_LIMIT, PROTOCOL_LIMITS.bytes)),
  };
}

/** One file of a store's sitemap: its URLs, and the latest of their `lastmod` (for the index). */
export interface SitemapFile {
  entries: SitemapEntry[];
  lastmod?: Date;
}

/**
 * Splits a store's pages into sitemap files of at most `urls` URLs and `bytes` bytes each, keeping
 * their order. A page is its addresses in every locale; they stay together in one file.
 */
export function packSitemapFiles(
  pages: readonly (readonly SitemapEntry[])[],
  limits: SitemapFileLimits = sitemapFileLimits(),
): SitemapFile[] {
  const frame = Buffer.byteLength(urlsetOpen(true)) + Buffer.byteLength(URLSET_CLOSE);
  const files: SitemapFile[] = [];
  let current: SitemapFile = { entries: [] };
  let bytes = frame;
  for (const page of pages) {
    // Each URL and the newline before the next one.
    const pageBytes = page.reduce((sum, e) => sum + Buffer.byteLength(urlElement(e)) + 1, 0);
    const full = current.entries.length + page.length > limits.urls || bytes + pageBytes > limits.bytes;
    if (full && current.entries.length > 0) {
      files.push(current);
      current = { entries: [] };
      bytes = frame;
    }
    for (const entry of page) {
      current.entries.push(entry);
      if (entry.lastmod && (!current.lastmod || entry.lastmod > current.lastmod))
        current.lastmod = entry.lastmod;
    }
    bytes += pageBytes;
  }
  if (current.entries.length > 0 || files.length === 0) files.push(current);
  return files;
}

/** A sitemap index: the installation's list of store sitemaps, or a large store's numbered files. */
export function renderSitemapIndex(sitemaps: readonly { loc: string; lastmod?: Date }[]): string {
  const items = sitemaps.map(
    (s) =>
      `<sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod.toISOString()}</lastmod>` : ''}</sitemap>`,
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** Everything may be crawled except the admin console and the API. */
export function renderRobots(sitemapUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api',
    '',
    `Sitemap: ${sitemapUrl}`,
    '',
  ].join('\n');
}
