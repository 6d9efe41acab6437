import type { ComponentChildren } from 'preact';
import { Document, renderDocument } from './document.tsx';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import { homePath, type StorefrontSite } from './site.ts';
import { InstallationLayout } from './store-directory-page.tsx';
import { StoreLayout } from './store-layout.tsx';

function Notice({
  title,
  children,
  home,
  homeLabel = 'Back to the shop',
}: {
  title: string;
  children: ComponentChildren;
  home: string;
  homeLabel?: string;
}) {
  return (
    <section class="notice wrap">
      <p class="code">404</p>
      <h1>{title}</h1>
      <p>{children}</p>
      <a class="button" href={home}>
        {homeLabel}
      </a>
    </section>
  );
}

/** A missing page inside a store: the store's own header and footer, and a way back. */
export function renderStoreNotFoundPage(site: StorefrontSite, what: 'product' | 'page'): string {
  const t = messagesFor(site.locale);
  const title = what === 'product' ? t.productUnavailable : t.pageNotFound;
  return renderDocument(
    <Document lang={site.locale} title={`${title} | ${site.store.name}`} noindex>
      <StoreLayout site={site}>
        <Notice title={title} home={homePath(site)} homeLabel={t.backToShop}>
          {what === 'product' ? t.productUnavailableDetail : t.pageNotFoundDetail}
        </Notice>
      </StoreLayout>
    </Document>,
  );
}

/** A missing page outside any store, e.g. `/s/<handle>/` for a handle no store has. */
export function renderInstallationNotFoundPage(message: string): string {
  return renderDocument(
    <Document lang="en" title="Not found" noindex>
      <InstallationLayout>
        <Notice title="Not found" home="/">
          {message}
        </Notice>
      </InstallationLayout>
    </Document>,
  );
}
