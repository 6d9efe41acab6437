/** Shapes of the sales channel API's answers (src/modules/inventory/channels). */

export type ChannelKind = 'storefront' | 'marketplace' | 'pos' | 'other';

export interface SalesChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** Units per variant held back from what the channel may sell. */
  safetyBuffer: number;
  /** The locations whose stock it sells; empty: every active location. */
  locationIds: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a channel may sell of one variant (GET …/channels/:id/stock). */
export interface ChannelStockRow {
  variantId: string;
  sku: string | null;
  productTitle: string | null;
  variantTitle: string | null;
  sellable: number;
  /** The variant keeps selling when out of stock: 0 does not mean "stop selling". */
  backorder: boolean;
  updatedAt: string;
}

export interface ChannelStockPage {
  channel: SalesChannel;
  items: ChannelStockRow[];
  nextCursor: string | null;
}

export interface ChannelInput {
  name: string;
  kind: ChannelKind;
  safetyBuffer: number;
  locationIds: string[];
  active: boolean;
}
