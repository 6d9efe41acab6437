import { DateTime } from 'luxon';
import { formatMinorAsDecimal } from '../../platform/money.ts';
import { guardFormula } from '../catalog/index.ts';
import type { Order, OrderLine } from './order-read.ts';
import type { OrderAddress } from './order-types.ts';

/**
 * Shopify's orders export, column for column (Shopify admin → Orders → Export, "CSV for Excel,
 * Numbers, or other spreadsheet programs"), checked against the header of real exports. One row
 * per line item; the order's own columns are filled on its first row only, and `Name` on every row
 * so each row says which order it belongs to (docs/orders.md, "Export").
 */
export const shopifyOrdersHeader = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
] as const;

type Column = (typeof shopifyOrdersHeader)[number];

/** Columns that describe the line item: filled on every row. */
const lineColumns = new Set<Column>([
  'Name',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Vendor',
  'Lineitem discount',
]);

/** What the export knows of an order besides its row and lines (from other modules, per order). */
export interface OrderCsvFacts {
  name: string;
  /** When the order became paid; null while it is not. */
  paidAt: Date | null;
  /** When its last parcel left, once everything shipped. */
  fulfilledAt: Date | null;
  acceptsMarketing: boolean;
  paymentMethod: string;
  paymentIds: string[];
  paymentReferences: string[];
  /** Still to be paid: the total less what was captured. */
  outstanding: number;
  timezone: string;
}

/** Our payment status in Shopify's words (it spells "authorized"; it has no "requires action"). */
const financialWords: Record<Order['financialStatus'], string> = {
  pending: 'pending',
  requires_action: 'pending',
  authorised: 'authorized',
  partially_paid: 'partially_paid',
  paid: 'paid',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
  failed: 'failed',
};

const fulfilmentWords: Record<Order['fulfilmentStatus'], string> = {
  unfulfilled: 'unfulfilled',
  partially_fulfilled: 'partial',
  fulfilled: 'fulfilled',
  delivered: 'fulfilled',
};

const sourceWords: Record<Order['source'], string> = { storefront: 'web', admin: 'admin', api: 'api' };

/** "2024-01-31 14:05:00 +0100": Shopify's timestamps, in the store's time zone. */
export function shopifyTimestamp(at: Date | null, timezone: string): string {
  return at ? DateTime.fromJSDate(at, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm:ss ZZZ') : '';
}

const text = (value: string | null | undefined) => guardFormula(value ?? '');
const yesNo = (value: boolean) => (value ? 'true' : 'false');

/** An address in the ten columns Shopify gives it, under `Billing …` or `Shipping …`. */
function addressCells(
  prefix: 'Billing' | 'Shipping',
  address: OrderAddress | null,
): Partial<Record<Column, string>> {
  const a = address;
  // ISO 3166-2 "US-CA" → Shopify's province code "CA".
  const province = a?.region?.includes('-') ? a.region.split('-').slice(1).join('-') : (a?.region ?? '');
  const cells: Record<string, string> = {
    Name: a ? text(`${a.firstName} ${a.lastName}`.trim()) : '',
    Street: a ? text([a.line1, a.line2].filter(Boolean).join(', ')) : '',
    Address1: text(a?.line1),
    Address2: text(a?.line2),
    Company: text(a?.company),
    City: text(a?.city),
    Zip: text(a?.postalCode),
    Province: text(province),
    Country: a?.country ?? '',
    Phone: text(a?.phone),
  };
  return Object.fromEntries(Object.entries(cells).map(([key, value]) => [`${prefix} ${key}`, value]));
}

/** A line's status in Shopify's words: every unit shipped, some, or none yet. */
function lineFulfilment(line: OrderLine): string {
  if (line.fulfilledQuantity >= line.quantity - line.removedQuantity && line.fulfilledQuantity > 0)
    return 'fulfilled';
  return line.fulfilledQuantity > 0 ? 'partial' : 'pending';
}

function taxName(tax: { name: string; ratePpm: number }): string {
  const percent = (tax.ratePpm / 10_000).toString();
  return text(`${tax.name} ${percent}%`);
}

/** The CSV rows of one order: one per line, the order's columns on the first. */
export function orderCsvRows(order: Order, lines: readonly OrderLine[], facts: OrderCsvFacts): string[][] {
  const money = (amount: number) => formatMinorAsDecimal(amount, order.currency);
  const when = (at: Date | null) => shopifyTimestamp(at, facts.timezone);
  const taxes = order.taxLines.slice(0, 5);
  const orderCells: Record<Column, string> = {
    Name: text(facts.name),
    Email: text(order.email),
    'Financial Status': financialWords[order.financialStatus],
    'Paid at': when(facts.paidAt),
    'Fulfillment Status': fulfilmentWords[order.fulfilmentStatus],
    'Fulfilled at': when(facts.fulfilledAt),
    'Accepts Marketing': facts.acceptsMarketing ? 'yes' : 'no',
    Currency: order.currency,
    Subtotal: money(order.subtotal),
    Shipping: money(order.shippingTotal),
    Taxes: money(order.taxTotal),
    Total: money(order.total),
    'Discount Code': text(order.discounts.flatMap((d) => (d.code ? [d.code] : [])).join(', ')),
    'Discount Amount': money(order.discountTotal),
    'Shipping Method': text(order.shipping?.title),
    'Created at': when(order.placedAt ?? order.createdAt),
    'Lineitem quantity': '',
    'Lineitem name': '',
    'Lineitem price': '',
    'Lineitem compare at price': '',
    'Lineitem sku': '',
    'Lineitem requires shipping': '',
    'Lineitem taxable': '',
    'Lineitem fulfillment status': '',
    ...addressCells('Billing', order.billingAddress),
    ...addressCells('Shipping', order.shippingAddress),
    Notes: text(order.note),
    'Note Attributes': '',
    'Cancelled at': when(order.cancelledAt),
    'Payment Method': text(facts.paymentMethod),
    'Payment Reference': text(facts.paymentReferences[0]),
    'Refunded Amount': money(order.refundedAmount),
    Vendor: '',
    'Outstanding Balance': money(facts.outstanding),
    Employee: '',
    Location: '',
    'Device ID': '',
    Id: order.id,
    Tags: text(order.tags.join(', ')),
    'Risk Level': '',
    Source: sourceWords[order.source],
    'Lineitem discount': '',
    'Tax 1 Name': taxes[0] ? taxName(taxes[0]) : '',
    'Tax 1 Value': taxes[0] ? money(taxes[0].amount) : '',
    'Tax 2 Name': taxes[1] ? taxName(taxes[1]) : '',
    'Tax 2 Value': taxes[1] ? money(taxes[1].amount) : '',
    'Tax 3 Name': taxes[2] ? taxName(taxes[2]) : '',
    'Tax 3 Value': taxes[2] ? money(taxes[2].amount) : '',
    'Tax 4 Name': taxes[3] ? taxName(taxes[3]) : '',
    'Tax 4 Value': taxes[3] ? money(taxes[3].amount) : '',
    'Tax 5 Name': taxes[4] ? taxName(taxes[4]) : '',
    'Tax 5 Value': taxes[4] ? money(taxes[4].amount) : '',
    Phone: text(order.phone),
    'Receipt Number': '',
    Duties: '',
    'Billing Province Name': '',
    'Shipping Province Name': '',
    'Payment ID': text(facts.paymentIds.join(', ')),
    'Payment Terms Name': '',
    'Next Payment Due At': '',
    'Payment References': text(facts.paymentReferences.join(', ')),
  } as Record<Column, string>;

  return lines.map((line, i) => {
    const lineCells: Partial<Record<Column, string>> = {
      Name: text(facts.name),
      'Lineitem quantity': String(line.quantity),
      'Lineitem name': text(line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title),
      'Lineitem price': money(line.unitAmount),
      'Lineitem compare at price': '',
      'Lineitem sku': text(line.sku),
      'Lineitem requires shipping': yesNo(line.requiresShipping),
      'Lineitem taxable': yesNo(line.tax > 0 || line.taxLines.length > 0),
      'Lineitem fulfillment status': lineFulfilment(line),
      Vendor: '',
      'Lineitem discount': money(line.discount),
    };
    return shopifyOrdersHeader.map((column) =>
      lineColumns.has(column) ? (lineCells[column] ?? '') : i === 0 ? (orderCells[column] ?? '') : '',
    );
  });
}
