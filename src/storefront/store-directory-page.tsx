import type { ComponentChildren } from 'preact';
import type { Store } from '../modules/access/index.ts';
import { Document, renderDocument } from './document.tsx';

/** Header and footer of pages that belong to no one store (the installation's own front door). */
export function InstallationLayout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <header class="site-header">
        <div class="wrap">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">
              S
            </span>
            <span>Storepilot</span>
          </a>
          <nav class="nav" aria-label="Main">
            <a href="/admin/">Admin</a>
          </nav>
        </div>
      </header>
      <main id="content">{children}</main>
      <footer class="site-footer">
        <div class="wrap">
          <span>Storepilot — open-source e-commerce</span>
          <nav aria-label="Footer">
            <a href="/admin/">Admin</a>
            <a href="/api/docs">API</a>
          </nav>
        </div>
      </footer>
    </>
  );
}

/** `/` on a host that is no store's domain: every store of the installation, by its path address. */
export function renderStoreDirectoryPage(stores: Store[]): string {
  return renderDocument(
    <Document lang="en" title="Stores" description="The stores of this Storepilot installation.">
      <InstallationLayout>
        <section class="hero">
          <div class="wrap">
            <p class="eyebrow">Storepilot</p>
            <h1>Our stores</h1>
            <p>
              {stores.length === 0
                ? 'No store has been created yet.'
                : `This installation runs ${stores.length === 1 ? 'one store' : `${stores.length} stores`}. Pick one to start shopping.`}
            </p>
          </div>
        </section>
        <section class="wrap" aria-label="Stores">
          {stores.length > 0 ? (
            <ul class="stores">
              {stores.map((store) => (
                <li key={store.id}>
                  <a class="store-card" href={`/s/${store.handle}/`}>
                    <h2>{store.name}</h2>
                    <p>
                      /s/{store.handle}/ · {store.baseCurrency}
                      {store.domains.length > 0 ? ` · ${store.domains[0]}` : ''}
                    </p>
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">
              Create one with{' '}
              <code>npx storepilot store create --handle my-shop --name "My Shop" --currency EUR</code>.
            </p>
          )}
        </section>
      </InstallationLayout>
    </Document>,
  );
}
