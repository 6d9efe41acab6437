/** Shapes of the inventory API's answers (src/modules/inventory). */

export type StockState = 'ok' | 'low' | 'out';
export type LocationKind = 'warehouse' | 'retail' | '3pl' | 'dropship';
export type AdjustmentReason = 'damaged' | 'lost' | 'found' | 'correction';
export type ReservationStrategy = 'priority' | 'split';

export interface LocationAddress {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface InventoryLocation {
  id: string;
  name: string;
  kind: LocationKind;
  address: LocationAddress;
  /** Lower goes first when stock is reserved for an order. */
  fulfilmentPriority: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A row of the inventory table (GET /inventory/stock). */
export interface StockRow {
  variantId: string;
  productId: string;
  productTitle: string;
  /** "Navy / M"; empty for a product's only variant. */
  title: string;
  sku: string | null;
  imageUrl: string | null;
  tracked: boolean;
  state: StockState | 'untracked';
  overstock: boolean;
  lowStockThreshold: number | null;
  overstockThreshold: number | null;
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  /** Units sold per day over the last four weeks. */
  soldPerDay: number;
  /** Days the available units last at that rate; null when nothing sells. */
  daysOfCover: number | null;
  /** Lasts no longer than two weeks or its supplier's lead time. */
  runningOut: boolean;
}

export interface LocationStock {
  locationId: string;
  locationName: string;
  active: boolean;
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  soldPerDay: number;
  daysOfCover: number | null;
}

export interface VariantStock {
  variantId: string;
  tracked: boolean;
  lowStockThreshold: number | null;
  overstockThreshold: number | null;
  averageCostAmount: number | null;
  state: StockState | 'untracked';
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  soldPerDay: number;
  daysOfCover: number | null;
  locations: LocationStock[];
}

export interface StockVariant {
  variantId: string;
  productId: string;
  productTitle: string;
  productHandle: string;
  title: string;
  sku: string | null;
  imageUrl: string | null;
  inventoryPolicy: string;
}

export type MovementKind =
  | 'receive'
  | 'sale'
  | 'return'
  | 'adjustment'
  | 'transfer_out'
  | 'transfer_in'
  | 'count';

export interface LedgerEntry {
  id: string;
  seq: number;
  locationId: string;
  locationName: string;
  kind: MovementKind;
  /** Change of on hand, signed. */
  quantity: number;
  onHandAfter: number;
  reason: AdjustmentReason | null;
  referenceType: string | null;
  referenceId: string | null;
  note: string | null;
  actorLabel: string;
  createdAt: string;
}

/** GET /inventory/variants/:variantId */
export interface VariantStockPage {
  variant: StockVariant;
  stock: VariantStock;
  ledger: { items: LedgerEntry[]; nextBefore: number | null };
}

export interface InventorySettings {
  reservationStrategy: ReservationStrategy;
  reservationTtlSeconds: number;
}
