import type { Store } from './stores.ts';

/** The store as the API shows it. */
export function publicStore(store: Store) {
  return {
    id: store.id,
    handle: store.handle,
    name: store.name,
    baseCurrency: store.baseCurrency,
    locale: store.locale,
    timezone: store.timezone,
    domains: store.domains,
  };
}
