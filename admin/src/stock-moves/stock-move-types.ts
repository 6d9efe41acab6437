/** What the transfer and count APIs answer (src/modules/inventory/transfers, …/counts). */

export type TransferState = 'draft' | 'in_transit' | 'received' | 'cancelled';

export interface TransferSummary {
  id: string;
  name: string;
  state: TransferState;
  fromLocationName: string;
  toLocationName: string;
  lineCount: number;
  units: number;
  unitsReceived: number;
  createdAt: string;
}

export interface TransferLine {
  id: string;
  variantId: string;
  quantity: number;
  quantityReceived: number;
  /** Still on the way (in transit) or still to ship (draft). */
  quantityOutstanding: number;
  sku: string | null;
  productTitle: string | null;
  variantTitle: string | null;
}

export interface Transfer {
  id: string;
  name: string;
  state: TransferState;
  fromLocationId: string;
  fromLocationName: string;
  toLocationId: string;
  toLocationName: string;
  note: string | null;
  shippedAt: string | null;
  receivedAt: string | null;
  createdAt: string;
  lines: TransferLine[];
}

export type CountState = 'open' | 'applied' | 'cancelled';

export interface CountSummary {
  id: string;
  name: string;
  state: CountState;
  locationName: string;
  createdAt: string;
  appliedAt: string | null;
}

export interface CountListItem extends CountSummary {
  lineCount: number;
  countedLines: number;
}

/** A page of a list, newest first; `nextBefore` asks for the page after it. */
export interface CursorPage<T> {
  items: T[];
  nextBefore: number | null;
}

export interface CountReportLine {
  variantId: string;
  sku: string | null;
  productTitle: string | null;
  variantTitle: string | null;
  expectedQuantity: number;
  countedQuantity: number | null;
  onHand: number;
  /** Counted − on hand now (null until counted). */
  variance: number | null;
  varianceValueAmount: number | null;
  appliedDelta: number | null;
}

export interface CountReport {
  count: CountSummary & { locationId: string; note: string | null };
  lines: CountReportLine[];
  totals: {
    lines: number;
    countedLines: number;
    linesWithVariance: number;
    unitsOver: number;
    unitsShort: number;
    netUnits: number;
    netValueAmount: number;
    linesWithoutCost: number;
    currency: string;
  };
}

export const transferStateLabels: Record<TransferState, string> = {
  draft: 'Draft',
  in_transit: 'In transit',
  received: 'Received',
  cancelled: 'Cancelled',
};

export const countStateLabels: Record<CountState, string> = {
  open: 'Open',
  applied: 'Applied',
  cancelled: 'Cancelled',
};

/** "Wool Socks – 39-42" (a product's only variant has no title of its own). */
export function variantLabel(line: { productTitle: string | null; variantTitle: string | null }): string {
  const product = line.productTitle ?? 'Unknown variant';
  return line.variantTitle ? `${product} – ${line.variantTitle}` : product;
}
