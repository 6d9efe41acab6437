import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../access/index.ts';

/**
 * Stock quantities in product files, kept by a module the catalog does not know: the inventory
 * module depends on the catalog, so the catalog's import and export reach stock through this
 * interface, and the composition root (src/app.ts, the CLI) hands them the inventory module's
 * implementation. Without one, product files carry no stock.
 */
export interface ProductStockPort {
  /**
   * Sets each variant's on hand, in all active locations, to its quantity, in the caller's
   * transaction: the difference goes to the store's first active location through the stock ledger,
   * and each variant is tracked from then on. Equal quantities write nothing.
   */
  setOnHand(tx: Db, storeId: string, actor: Actor, request: StockSetRequest): Promise<StockSetOutcome>;
  /** On hand over the active locations of the tracked variants among `variantIds` (untracked ones are left out). */
  onHandOf(db: Db, storeId: string, variantIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * The tables `setOnHand` grows: a bulk import refreshes their planner statistics as they grow, as
   * it does the catalog's, or every batch reads more of them than the one before.
   */
  writtenTables: readonly PgTable[];
}

export interface VariantStockQuantity {
  variantId: string;
  /** On hand wanted, summed over the store's active locations. */
  quantity: number;
  /** The variant as the catalog now has it (spares looking it up again). */
  sku: string | null;
  /** 'continue' keeps selling when out of stock (and may go below what is reserved). */
  inventoryPolicy: string;
  /** Made in the caller's transaction, so no stock of it exists yet (spares looking for it). */
  created: boolean;
}

export interface StockSetRequest {
  /** The import the quantities come from: the ledger's reference for its movements. */
  importId: string;
  quantities: readonly VariantStockQuantity[];
}

export type StockSetOutcome =
  | {
      /** The store has no active location: nothing was set. */
      location: null;
    }
  | {
      location: { id: string; name: string };
      /** Variants whose on hand changed (one ledger movement each). */
      changed: number;
      /** Variants that already had the quantity. */
      unchanged: number;
      /** Variants left as they were, with the reason. */
      refused: Array<{ variantId: string; message: string }>;
    };
