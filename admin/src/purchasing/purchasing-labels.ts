import type { PurchaseOrderState } from './purchasing-types.ts';

export const orderStateLabels: Record<PurchaseOrderState, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_received: 'Partially received',
  received: 'Received',
  cancelled: 'Cancelled',
};

export const orderStateColors: Record<PurchaseOrderState, string> = {
  draft: 'gray',
  sent: 'blue',
  partially_received: 'yellow',
  received: 'teal',
  cancelled: 'red',
};

export const orderStates = Object.keys(orderStateLabels) as PurchaseOrderState[];
