import type { ComponentChildren } from 'preact';
import { searchPath } from './listing/listing-paths.ts';
import { LanguageSwitcher } from './locales/locale-links.tsx';
import { homePath, type StorefrontSite, sitemapPath } from './site.ts';

/** Header and footer around every page of one store. */
export function StoreLayout({ site, children }: { site: StorefrontSite; children: ComponentChildren }) {
  const { store } = site;
  const initial = Array.from(store.name.trim())[0]?.toUpperCase() ?? '•';
  return (
    <>
      <a class="skip" href="#content">
        Skip to content
      </a>
      <header class="site-header">
        <div class="wrap">
          <a class="brand" href={homePath(site)}>
            <span class="brand-mark" aria-hidden="true">
              {initial}
            </span>
            <span>{store.name}</span>
          </a>
          <nav class="nav" aria-label="Main">
            <a href={`${homePath(site)}#products`}>Shop all</a>
            <a href={searchPath(site)}>Search</a>
          </nav>
        </div>
      </header>
      <main id="content">{children}</main>
      <footer class="site-footer">
        <div class="wrap">
          <span>
            © {new Date().getFullYear()} {store.name}
          </span>
          <nav aria-label="Footer">
            <a href={homePath(site)}>Home</a>
            <a href={sitemapPath(site)}>Sitemap</a>
            <span>Powered by Storepilot</span>
          </nav>
          <LanguageSwitcher site={site} />
        </div>
      </footer>
    </>
  );
}
