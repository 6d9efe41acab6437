import type { ComponentChildren } from 'preact';
import { searchPath } from './listing/listing-paths.ts';
import { LanguageSwitcher } from './locales/locale-links.tsx';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import { homePath, type StorefrontSite, sitemapPath } from './site.ts';

/** Header and footer around every page of one store. */
export function StoreLayout({ site, children }: { site: StorefrontSite; children: ComponentChildren }) {
  const { store } = site;
  const t = messagesFor(site.locale);
  const initial = Array.from(store.name.trim())[0]?.toUpperCase() ?? '•';
  return (
    <>
      <a class="skip" href="#content">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <a class="brand" href={homePath(site)}>
            <span class="brand-mark" aria-hidden="true">
              {initial}
            </span>
            <span>{store.name}</span>
          </a>
          <nav class="nav" aria-label={t.mainNavigation}>
            <a href={`${homePath(site)}#products`}>{t.shopAll}</a>
            <a href={searchPath(site)}>{t.search}</a>
          </nav>
        </div>
      </header>
      <main id="content">{children}</main>
      <footer class="site-footer">
        <div class="wrap">
          <span>
            © {new Date().getFullYear()} {store.name}
          </span>
          <nav aria-label={t.footerNavigation}>
            <a href={homePath(site)}>{t.home}</a>
            <a href={sitemapPath(site)}>{t.sitemap}</a>
            <span>{t.poweredBy}</span>
          </nav>
          <LanguageSwitcher site={site} />
        </div>
      </footer>
    </>
  );
}
