/** sitemaps.org XML and robots.txt. */

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface SitemapEntry {
  loc: string;
  lastmod?: Date;
  /** Every language version of the page, itself included (xhtml:link rel="alternate"). */
  alternates?: { hreflang: string; href: string }[];
}

/** At most 50,000 URLs fit one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}${(
        e.alternates ?? []
      )
        .map(
          (a) =>
            `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`,
        )
        .join('')}</url>`,
  );
  const xhtml = entries.some((e) => e.alternates?.length)
    ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${urls.join('\n')}\n</urlset>\n`;
}

/** The installation's `/sitemap.xml` when no store owns the host: one sitemap per store. */
export function renderSitemapIndex(sitemapUrls: string[]): string {
  const items = sitemapUrls.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
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
