import { queryOptions, useMutation } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import { purchasingKey, useRefresh } from './purchasing-queries.ts';
import type { Supplier, SupplierVariant } from './purchasing-types.ts';

/** GET /inventory/suppliers/:id: the supplier's terms and its catalog. */
export interface SupplierWithCatalog {
  supplier: Supplier;
  variants: SupplierVariant[];
}

const supplierPath = (store: string, supplierId: string, rest = '') =>
  storeApiPath(store, `/inventory/suppliers/${encodeURIComponent(supplierId)}${rest}`);

export const supplierQuery = (store: string, supplierId: string) =>
  queryOptions({
    queryKey: [...purchasingKey(store), 'suppliers', supplierId, 'with-catalog'],
    queryFn: () => api.get<SupplierWithCatalog>(supplierPath(store, supplierId)),
  });

/** One row of the catalog as PUT takes it; the cost in minor units of the supplier's currency. */
export interface SupplierVariantInput {
  variantId: string;
  supplierSku: string | null;
  cost: { amount: number };
  packSize: number;
  minimumOrderQuantity: number;
  /** Sent as it is when editing: the server sets a left-out flag to false. */
  preferred: boolean;
}

/**
 * Adds a variant to the supplier's catalog or changes its terms there. One row per request, so a
 * refused row names its own fields (`items.0.packSize`).
 */
export function useSaveSupplierVariant(store: string, supplierId: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: async (item: SupplierVariantInput) =>
      (
        await api.put<{ items: SupplierVariant[] }>(supplierPath(store, supplierId, '/variants'), {
          items: [item],
        })
      ).items,
    onSuccess: refresh,
  });
}

export function useRemoveSupplierVariant(store: string, supplierId: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: (variantId: string) =>
      api.delete(supplierPath(store, supplierId, `/variants/${encodeURIComponent(variantId)}`)),
    onSuccess: refresh,
  });
}
