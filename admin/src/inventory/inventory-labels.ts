import type { AdjustmentReason, LocationKind, MovementKind } from './inventory-types.ts';

export const locationKindLabels: Record<LocationKind, string> = {
  warehouse: 'Warehouse',
  retail: 'Retail store',
  '3pl': '3PL (fulfilment partner)',
  dropship: 'Dropship supplier',
};

export const adjustmentReasonLabels: Record<AdjustmentReason, string> = {
  damaged: 'Damaged',
  lost: 'Lost',
  found: 'Found',
  correction: 'Correction',
};

export const movementKindLabels: Record<MovementKind, string> = {
  receive: 'Received',
  sale: 'Sold',
  return: 'Returned',
  adjustment: 'Adjusted',
  transfer_out: 'Transferred out',
  transfer_in: 'Transferred in',
  count: 'Counted',
};

/** "Apple Crate · S1", or the product's title for its only variant. */
export function variantLabel(row: { productTitle: string; title: string }): string {
  return row.title ? `${row.productTitle} · ${row.title}` : row.productTitle;
}

/** Signed, with a true minus sign: "+5", "−3". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}
