import { Document, renderDocument } from '../document.tsx';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { homePath, type StorefrontSite } from '../site.ts';
import { StoreLayout } from '../store-layout.tsx';
import { searchPath } from './listing-paths.ts';

/**
 * A listing address that cannot be read (a malformed filter or page): 400, with a way on. `detail`
 * is the check's English sentence; other languages name the parameter in their own words.
 */
export function renderListingErrorPage(site: StorefrontSite, parameter: string, detail: string): string {
  const t = messagesFor(site.locale);
  return renderDocument(
    <Document lang={site.locale} title={`${t.pageNotUnderstood} | ${site.store.name}`} noindex>
      <StoreLayout site={site}>
        <section class="notice wrap">
          <p class="code">400</p>
          <h1>{t.addressUnreadable}</h1>
          <p>{t.addressProblem(parameter, detail)}</p>
          <a class="button" href={searchPath(site)}>
            {t.searchTheShop}
          </a>
          <p>
            <a href={homePath(site)}>{t.backToShop}</a>
          </p>
        </section>
      </StoreLayout>
    </Document>,
  );
}
