import type { ComponentChildren } from 'preact';
import { accountPaths } from './account/account-paths.ts';
import { ConsentBanner } from './analytics/consent-banner.tsx';
import { CartLink, storefrontScript } from './cart/cart-link.tsx';
import { AnnouncementBanner } from './experiments/announcement-banner.tsx';
import { searchPath } from './listing/listing-paths.ts';
import { LanguageSwitcher } from './locales/locale-links.tsx';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import { MarketSelector } from './market/market-selector.tsx';
import { homePath, type StorefrontSite, sitemapPath } from './site.ts';

/**
 * Header and footer around every page of one store. `customerSignedIn` is known on the (never
 * cached) account pages only; cached pages are the same for everyone, so their link says "Account".
 */
export function StoreLayout({
  site,
  children,
  customerSignedIn,
  cartCount,
}: {
  site: StorefrontSite;
  children: ComponentChildren;
  customerSignedIn?: boolean;
  /** Units in the cart, on pages never cached (the cart); cached pages show it from a cookie. */
  cartCount?: number;
}) {
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
          <a class="account-link" href={accountPaths.account(site)}>
            {customerSignedIn === false ? t.accountSignInLink : t.accountLink}
          </a>
          <CartLink site={site} count={cartCount} />
        </div>
      </header>
      {site.askConsent ? <ConsentBanner site={site} /> : null}
      <AnnouncementBanner site={site} />
      <main id="content">{children}</main>
      <footer class="site-footer">
        <div class="wrap">
          <span>
            © {new Date().getFullYear()} {store.name}
          </span>
          <nav aria-label={t.footerNavigation}>
            <a href={homePath(site)}>{t.home}</a>
            <a href={sitemapPath(site)}>{t.sitemap}</a>
            <a href={`${site.basePath}/newsletter`}>{t.newsletterTitle}</a>
            <span>{t.poweredBy}</span>
          </nav>
          <LanguageSwitcher site={site} />
          <MarketSelector site={site} />
        </div>
      </footer>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant, never user data. */}
      <script dangerouslySetInnerHTML={{ __html: storefrontScript }} />
    </>
  );
}
