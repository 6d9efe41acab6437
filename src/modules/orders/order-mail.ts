import type { Db } from '../../platform/db/database.ts';
import type { Payment, PaymentSettings } from '../payments/index.ts';
import type { Fulfilment, Order, OrderLine } from './order-read.ts';
import { getOrderSettings } from './order-settings.ts';
import type { OrderAddress } from './order-types.ts';

/**
 * What an order e-mail needs, put in the event's payload (`payload.mail`) so the transactional-mail
 * consumer never reads the orders' tables: the recipient, the language, and the template's
 * variables in the shape docs/transactional-mail.md ("Variables") documents — snake_case, money as
 * `{ amount, currency }` (the template formats it in the customer's language), links ending in
 * `_url` as paths the mail module puts under the store's storefront address.
 */
export interface OrderMail {
  to: string;
  locale: string;
  variables: Record<string, unknown>;
}

export interface MailMoney {
  amount: number;
  currency: string;
}

export function orderName(order: Pick<Order, 'number' | 'id'>, prefix = '#'): string {
  return order.number === null ? `Draft ${order.id.slice(-6)}` : `${prefix}${order.number}`;
}

/**
 * The order number in what someone typed: the number alone, or as the store names it (its prefix,
 * any case, e.g. "aa-1001"), or after a "#". Null when it is not one.
 */
export function numberFromName(typed: string, prefix: string): number | null {
  let text = typed.trim();
  if (prefix && text.toLowerCase().startsWith(prefix.toLowerCase())) text = text.slice(prefix.length);
  text = text.trim().replace(/^#/, '');
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export function orderStatusPath(order: Pick<Order, 'token'>): string {
  return `/orders/${order.token}`;
}

/**
 * `customer` and `order`: what every order e-mail offers; each adds its own block (payment, parcel,
 * refund, return). `order.name` carries the store's number prefix, as the admin and storefront write it.
 */
export async function orderMailVariables(
  db: Db,
  order: Order,
  lines: readonly OrderLine[],
): Promise<Record<string, unknown>> {
  const { numberPrefix } = await getOrderSettings(db, order.storeId);
  const money = (amount: number): MailMoney => ({ amount, currency: order.currency });
  const address = order.shippingAddress ?? order.billingAddress;
  return {
    customer: {
      first_name: address?.firstName ?? '',
      last_name: address?.lastName ?? '',
      email: order.email,
    },
    order: {
      name: orderName(order, numberPrefix),
      number: order.number === null ? '' : String(order.number),
      placed_at: (order.placedAt ?? order.createdAt).toISOString(),
      status_url: orderStatusPath(order),
      currency: order.currency,
      lines: lines.map((l) => ({
        title: l.title,
        variant_title: l.variantTitle,
        sku: l.sku,
        quantity: l.quantity,
        unit_price: money(l.unitAmount),
        subtotal: money(l.subtotal),
        discount: money(l.discount),
        total: money(l.total),
      })),
      subtotal: money(order.subtotal),
      discount_total: money(order.discountTotal),
      discount_codes: order.discounts.map((d) => d.code).filter((c): c is string => c !== null),
      shipping_method: order.shipping?.title ?? null,
      shipping_total: money(order.shippingTotal),
      tax_total: money(order.taxTotal),
      taxes_included: order.taxesIncluded,
      total: money(order.total),
      shipping_address: mailAddress(order.shippingAddress),
      billing_address: mailAddress(order.billingAddress),
    },
  };
}

/** The `payment` block: how the customer pays (or paid), and for a transfer the store's instructions. */
export function paymentMailVariables(
  order: Order,
  payment: Payment | null,
  settings: PaymentSettings,
): Record<string, unknown> {
  const manual = payment?.provider === 'manual';
  return {
    provider: payment?.provider ?? null,
    method_name: manual
      ? settings.providers.manual.title
      : payment?.card
        ? `${payment.card.brand} •••• ${payment.card.last4}`
        : 'Card',
    status: payment === null || payment.state === 'captured' ? 'paid' : payment.state,
    amount: { amount: order.total, currency: order.currency },
    reference: order.number === null ? null : String(order.number),
    instructions: manual ? settings.providers.manual.instructions : null,
  };
}

/** The `fulfilment` block of the shipping and delivery e-mails: carrier, tracking and what the parcel holds. */
export function parcelMailVariables(
  parcel: Fulfilment,
  lines: readonly OrderLine[],
): Record<string, unknown> {
  return {
    carrier: parcel.carrier,
    tracking_number: parcel.trackingNumber,
    tracking_url: parcel.trackingUrl,
    shipped_at: parcel.shippedAt.toISOString(),
    delivered_at: parcel.deliveredAt?.toISOString() ?? null,
    lines: parcel.lines.map((pl) => {
      const line = lines.find((l) => l.id === pl.orderLineId);
      return { title: line?.title ?? '', variant_title: line?.variantTitle ?? null, quantity: pl.quantity };
    }),
  };
}

/** An address as the mail templates print it. */
function mailAddress(address: OrderAddress | null): Record<string, unknown> | null {
  if (!address) return null;
  return {
    name: `${address.firstName} ${address.lastName}`.trim(),
    company: address.company,
    line1: address.line1,
    line2: address.line2,
    postal_code: address.postalCode,
    city: address.city,
    region: address.region,
    country: address.country,
    phone: address.phone,
  };
}

export function orderMail(order: Order, variables: Record<string, unknown>): OrderMail {
  return { to: order.email, locale: order.locale, variables };
}
