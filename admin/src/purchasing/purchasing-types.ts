/** Shapes of the purchasing API's answers (src/modules/inventory/suppliers, …/purchase-orders). */
import type { LocationAddress } from '../inventory/inventory-types.ts';

export type OrderFormat = 'pdf' | 'csv';
export type PurchaseOrderState = 'draft' | 'sent' | 'partially_received' | 'received' | 'cancelled';

export interface Money {
  amount: number;
  currency: string;
}

export interface Supplier {
  id: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  address: LocationAddress;
  currency: string;
  leadTimeDays: number;
  minimumOrderQuantity: number | null;
  orderFormat: OrderFormat;
  notes: string | null;
  active: boolean;
  variantCount?: number;
}

/** A variant in a supplier's catalog: its price and terms there. */
export interface SupplierVariant {
  variantId: string;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  supplierSku: string | null;
  cost: Money;
  packSize: number;
  minimumOrderQuantity: number;
  preferred: boolean;
}

/** A row of GET /inventory/purchase-orders. */
export interface PurchaseOrderRow {
  id: string;
  number: number;
  label: string;
  state: PurchaseOrderState;
  currency: string;
  expectedOn: string | null;
  createdAt: string;
  supplier: { id: string; name: string };
  location: { id: string; name: string };
  lineCount: number;
  unitsOrdered: number;
  unitsReceived: number;
  total: Money;
}

export interface PurchaseOrderLine {
  id: string;
  variantId: string;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  supplierSku: string | null;
  quantityOrdered: number;
  quantityReceived: number;
  quantityOpen: number;
  unitCost: Money;
  lineTotal: Money;
}

export interface MailAttachment {
  index: number;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface MailSummary {
  id: string;
  to: string[];
  subject: string;
  state: string;
  createdAt: string;
  sentAt: string | null;
  attachments: MailAttachment[];
}

export interface PurchaseOrderDetail {
  id: string;
  number: number;
  label: string;
  state: PurchaseOrderState;
  currency: string;
  exchangeRate: number;
  expectedOn: string | null;
  note: string | null;
  sentAt: string | null;
  closedAt: string | null;
  createdAt: string;
  supplier: { id: string; name: string; email: string | null; currency: string; orderFormat: OrderFormat };
  location: { id: string; name: string };
  total: Money;
  unitsOrdered: number;
  unitsReceived: number;
  lines: PurchaseOrderLine[];
  receipts: {
    movementId: string;
    lineId: string | null;
    quantity: number;
    unitCost: Money | null;
    actorLabel: string | null;
    createdAt: string;
  }[];
  mail: MailSummary[];
}
