import type { StockVariant } from '../../catalog/index.ts';
import type { Location } from '../locations/locations.ts';
import type { LocationAddress } from '../schema.ts';
import type { Supplier } from '../suppliers/suppliers.ts';
import { type PurchaseOrder, type PurchaseOrderLine, purchaseOrderLabel } from './purchase-order-records.ts';

/** What a purchase order says to its supplier, whatever the file it is sent as. */
export interface OrderDocument {
  label: string;
  storeName: string;
  /** For money and dates in the PDF. */
  locale: string;
  currency: string;
  /** YYYY-MM-DD. */
  orderedOn: string;
  expectedOn: string | null;
  note: string | null;
  supplier: {
    name: string;
    contactName: string | null;
    email: string | null;
    phone: string | null;
    addressLines: string[];
  };
  deliverTo: { name: string; addressLines: string[] };
  lines: OrderDocumentLine[];
  units: number;
  totalAmount: number;
}

export interface OrderDocumentLine {
  supplierSku: string | null;
  /** The store's own SKU, so the supplier can quote it back. */
  sku: string | null;
  description: string;
  quantity: number;
  unitCostAmount: number;
  lineTotalAmount: number;
}

/** An address as lines of text, empty parts left out. */
export function addressLines(address: LocationAddress): string[] {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, address.country].filter(
    (part): part is string => Boolean(part),
  );
}

export function orderDocument(parts: {
  store: { name: string; locale: string };
  order: PurchaseOrder;
  supplier: Supplier;
  location: Location;
  lines: readonly PurchaseOrderLine[];
  variants: Map<string, StockVariant>;
  orderedAt: Date;
}): OrderDocument {
  const { order, supplier, location, variants } = parts;
  const lines = parts.lines.map((line) => {
    const variant = variants.get(line.variantId);
    const description = variant
      ? [variant.productTitle, variant.title].filter(Boolean).join(' – ')
      : line.variantId;
    return {
      supplierSku: line.supplierSku,
      sku: variant?.sku ?? null,
      description,
      quantity: line.quantityOrdered,
      unitCostAmount: line.unitCostAmount,
      lineTotalAmount: line.quantityOrdered * line.unitCostAmount,
    };
  });
  return {
    label: purchaseOrderLabel(order.number),
    storeName: parts.store.name,
    locale: parts.store.locale,
    currency: order.currency,
    orderedOn: parts.orderedAt.toISOString().slice(0, 10),
    expectedOn: order.expectedOn,
    note: order.note,
    supplier: {
      name: supplier.name,
      contactName: supplier.contactName,
      email: supplier.email,
      phone: supplier.phone,
      addressLines: addressLines(supplier.address),
    },
    deliverTo: { name: location.name, addressLines: addressLines(location.address) },
    lines,
    units: lines.reduce((n, l) => n + l.quantity, 0),
    totalAmount: lines.reduce((n, l) => n + l.lineTotalAmount, 0),
  };
}
