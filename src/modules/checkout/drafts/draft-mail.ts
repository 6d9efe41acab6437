import type { Customer } from '../../customers/index.ts';
import type { CartAddress } from '../cart-address.ts';
import type { Cart } from '../carts.ts';
import type { PricedCart } from '../pricing/priced-cart.ts';

/**
 * The variables of the `draft_invoice` e-mail, in the shape docs/transactional-mail.md documents
 * (an order's, with the draft's name instead of a number): what the draft costs now, as the
 * checkout behind `payment_url` will charge it. `payment_url` is a path; the mail module puts it
 * under the store's storefront address.
 */
export function draftInvoiceVariables(input: {
  cart: Cart;
  priced: PricedCart;
  customer: Customer | null;
  paymentPath: string;
  message: string | null;
}): Record<string, unknown> {
  const { cart, priced, customer } = input;
  const money = (amount: number) => ({ amount, currency: priced.currency });
  const address = cart.shippingAddress ?? cart.billingAddress;
  const option = priced.shipping.required ? priced.shipping.option : null;
  return {
    customer: {
      first_name: customer?.firstName ?? address?.firstName ?? '',
      last_name: customer?.lastName ?? address?.lastName ?? '',
      email: cart.email,
    },
    order: {
      name: cart.draftName,
      currency: priced.currency,
      lines: priced.lines.map((line) => ({
        title: line.title ?? line.sku ?? '',
        variant_title: line.variantTitle || null,
        sku: line.sku,
        quantity: line.quantity,
        unit_price: money(line.unitAmount),
        subtotal: money(line.subtotal),
        discount: money(line.discount),
        total: money(line.total),
      })),
      subtotal: money(priced.totals.subtotal),
      discount_total: money(priced.totals.discountTotal),
      discount_codes: priced.discounts.applied.flatMap((d) => (d.code ? [d.code] : [])),
      shipping_method: option?.name ?? null,
      // As on an order: the shipping line after its discount.
      shipping_total: money(option ? priced.shipping.total : 0),
      tax_total: money(priced.totals.taxTotal),
      taxes_included: priced.totals.taxesIncluded,
      total: money(priced.totals.total),
      shipping_address: mailAddress(cart.shippingAddress),
      billing_address: mailAddress(cart.billingAddress ?? cart.shippingAddress),
    },
    payment_url: input.paymentPath,
    message: input.message,
  };
}

/** An address as the mail templates print it (`format_address`). */
function mailAddress(address: CartAddress | null): Record<string, unknown> | null {
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
