import { storeLocales } from './store-locales.ts';
import type { Store } from './stores.ts';

/** The store as the API shows it. */
export function publicStore(store: Store) {
  return {
    id: store.id,
    handle: store.handle,
    name: store.name,
    baseCurrency: store.baseCurrency,
    locale: store.locale,
    /** Every locale the storefront serves, the default first. */
    locales: storeLocales(store),
    timezone: store.timezone,
    domains: store.domains,
  };
}
