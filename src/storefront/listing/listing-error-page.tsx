import { Document, renderDocument } from '../document.tsx';
import { homePath, type StorefrontSite } from '../site.ts';
import { StoreLayout } from '../store-layout.tsx';
import { searchPath } from './listing-paths.ts';

/** A listing address that cannot be read (a malformed filter or page): 400, with a way on. */
export function renderListingErrorPage(site: StorefrontSite, message: string): string {
  return renderDocument(
    <Document lang={site.locale} title={`Page not understood | ${site.store.name}`} noindex>
      <StoreLayout site={site}>
        <section class="notice wrap">
          <p class="code">400</p>
          <h1>This address could not be read</h1>
          <p>{message}</p>
          <a class="button" href={searchPath(site)}>
            Search the shop
          </a>
          <p>
            <a href={homePath(site)}>Back to the shop</a>
          </p>
        </section>
      </StoreLayout>
    </Document>,
  );
}
