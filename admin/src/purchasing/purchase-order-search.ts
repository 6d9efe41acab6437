import { orderStates } from './purchasing-labels.ts';
import type { PurchaseOrderState } from './purchasing-types.ts';

export interface PurchaseOrdersSearch {
  state?: PurchaseOrderState;
  supplierId?: string;
  page?: number;
}

/** The list's filters and page, kept in the URL so a reload or a shared link shows the same list. */
export function parsePurchaseOrdersSearch(search: Record<string, unknown>): PurchaseOrdersSearch {
  const page = Number(search.page);
  return {
    state:
      typeof search.state === 'string' && (orderStates as string[]).includes(search.state)
        ? (search.state as PurchaseOrderState)
        : undefined,
    supplierId: typeof search.supplierId === 'string' && search.supplierId ? search.supplierId : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
