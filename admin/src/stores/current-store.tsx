import { createContext, type ReactNode, use } from 'react';
import type { Permission, StoreMembership } from '../api/types.ts';

export interface CurrentStore {
  store: StoreMembership;
  can: (permission: Permission) => boolean;
}

const CurrentStoreContext = createContext<CurrentStore | null>(null);

export function CurrentStoreProvider({ store, children }: { store: StoreMembership; children: ReactNode }) {
  const value: CurrentStore = { store, can: (permission) => store.permissions.includes(permission) };
  return <CurrentStoreContext value={value}>{children}</CurrentStoreContext>;
}

/** The store the page is about, with the signed-in user's permissions in it. */
export function useCurrentStore(): CurrentStore {
  const current = use(CurrentStoreContext);
  if (!current) throw new Error('useCurrentStore must be used inside a store page.');
  return current;
}

export function storeApiPath(handle: string, rest = ''): string {
  return `/api/admin/stores/${encodeURIComponent(handle)}${rest}`;
}
