import type { ComponentChildren } from 'preact';
import { Document, renderDocument } from './document.tsx';
import { homePath, type StorefrontSite } from './site.ts';
import { InstallationLayout } from './store-directory-page.tsx';
import { StoreLayout } from './store-layout.tsx';

function Notice({ title, children, home }: { title: string; children: ComponentChildren; home: string }) {
  return (
    <section class="notice wrap">
      <p class="code">404</p>
      <h1>{title}</h1>
      <p>{children}</p>
      <a class="button" href={home}>
        Back to the shop
      </a>
    </section>
  );
}

/** A missing page inside a store: the store's own header and footer, and a way back. */
export function renderStoreNotFoundPage(site: StorefrontSite, what: 'product' | 'page'): string {
  const title = what === 'product' ? 'This product is not available' : 'Page not found';
  return renderDocument(
    <Document lang={site.locale} title={`${title} | ${site.store.name}`} noindex>
      <StoreLayout site={site}>
        <Notice title={title} home={homePath(site)}>
          {what === 'product'
            ? 'It may have been removed, renamed or not be on sale yet.'
            : 'The address may be mistyped, or the page has moved.'}
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
