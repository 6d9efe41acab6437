import type { ProductStatus } from '../../api/types.ts';
import type { ProductListFilter } from '../list/product-list-search.ts';

/** Bulk operations as the admin API takes and reports them. */

export type PriceRounding =
  | { mode: 'none' }
  | { mode: 'whole' }
  | { mode: 'ending'; ending: number; step?: number };

export type BulkAction =
  | { type: 'set_status'; status: ProductStatus }
  | { type: 'add_tags'; tags: string[] }
  | { type: 'remove_tags'; tags: string[] }
  | { type: 'add_to_collection'; collectionId: string }
  | { type: 'remove_from_collection'; collectionId: string }
  | {
      type: 'change_price';
      change: { by: 'percent'; percent: number } | { by: 'amount'; amount: number };
      rounding: PriceRounding;
    }
  | { type: 'delete' };

/** The products a bulk operation works on: some rows, or everything the list's filter matches. */
export type BulkSelection = { ids: string[] } | { filter: ProductListFilter };

export interface BulkOperation {
  id: string;
  action: BulkAction | { type: 'undo' };
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  failed: number;
  errors: { productId: string; title: string | null; code: string | null; message: string | null }[];
  /** Per product outcome counts (when the operation is read on its own): applied, staged for review… */
  outcomes?: { changed: number; staged: number; unchanged: number; failed: number; pending: number };
  /** Live products whose change waits for review (the requester cannot publish). */
  staged?: { productId: string; title: string | null }[];
  /**
   * Products whose review (in review or approved) the change sent back to draft: to be sent for
   * review again. `count` covers all of them, `products` lists the first ones.
   */
  reviewReset?: { count: number; products: { productId: string; title: string | null }[] };
  undoOf: string | null;
  undoneBy: string | null;
  canUndo: boolean;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const finished = (operation: BulkOperation) =>
  operation.status === 'completed' || operation.status === 'failed';
