import { queryOptions, useMutation } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { type DraftInput, useRefresh } from '../purchasing/purchasing-queries.ts';
import type { Money, PurchaseOrderDetail } from '../purchasing/purchasing-types.ts';
import { storeApiPath } from '../stores/current-store.tsx';

/** Shapes of GET /inventory/reorder-suggestions (src/modules/inventory/purchase-orders/reorder-suggestions.ts). */

export interface ReorderSupplier {
  id: string;
  name: string;
  currency: string;
  leadTimeDays: number;
  minimumOrderQuantity: number | null;
}

export type ReorderReason = 'order' | 'covered' | 'no_sales' | 'no_supplier' | 'untracked';

export interface ReorderSuggestion {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  reason: ReorderReason;
  quantity: number;
  supplier: ReorderSupplier | null;
  supplierChoice: 'preferred' | 'cheapest' | 'only' | null;
  unitCost: Money | null;
  calculation: {
    soldPerDay: number;
    available: number;
    incoming: number;
    leadTimeDays: number | null;
    bufferDays: number;
    coverDays: number | null;
    targetUnits: number;
    shortfall: number;
    packSize: number | null;
    packs: number;
    minimumOrderQuantity: number | null;
    roundedUpBy: 'nothing' | 'packs' | 'minimum';
  };
  drafts: { id: string; label: string; supplierId: string; quantity: number }[];
}

export interface ReorderGroup {
  supplier: ReorderSupplier;
  variantIds: string[];
  units: number;
  total: Money;
  belowSupplierMinimum: boolean;
}

export interface ReorderSuggestions {
  bufferDays: number;
  items: ReorderSuggestion[];
  groups: ReorderGroup[];
}

/**
 * Suggestions for some variants or for every one running out. Kept under the inventory key, so any
 * stock or purchasing change refreshes them.
 */
export const reorderSuggestionsQuery = (
  store: string,
  args: { variantIds: string[] } | { state: 'running-out' },
) =>
  queryOptions({
    queryKey: ['stores', store, 'inventory', 'reorder-suggestions', args],
    queryFn: () =>
      api.get<ReorderSuggestions>(
        storeApiPath(store, '/inventory/reorder-suggestions'),
        'variantIds' in args ? { variantIds: args.variantIds.join(',') } : { state: args.state },
      ),
  });

/** One draft to create: a supplier and what to order from it. */
export interface DraftToCreate {
  supplierId: string;
  input: DraftInput;
}

/** What became of each draft asked for, in order: the order made, or why it was refused. */
export type DraftOutcome =
  | { supplierId: string; order: PurchaseOrderDetail }
  | { supplierId: string; error: Error };

/**
 * Creates drafts one after the other through the ordinary create endpoint; one refused does not
 * stop the others, and each outcome is reported so the refused ones can be corrected and retried.
 */
export function useCreateDrafts(store: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: async (drafts: DraftToCreate[]): Promise<DraftOutcome[]> => {
      const outcomes: DraftOutcome[] = [];
      for (const { supplierId, input } of drafts) {
        try {
          const { purchaseOrder } = await api.post<{ purchaseOrder: PurchaseOrderDetail }>(
            storeApiPath(store, '/inventory/purchase-orders'),
            { supplierId, ...input },
          );
          outcomes.push({ supplierId, order: purchaseOrder });
        } catch (error) {
          outcomes.push({ supplierId, error: error instanceof Error ? error : new Error(String(error)) });
        }
      }
      return outcomes;
    },
    onSettled: refresh,
  });
}
