import type { PageEvent } from '../../modules/analytics/index.ts';
import type { ProductDetail } from '../../modules/catalog/index.ts';
import type { PricedCart } from '../../modules/checkout/index.ts';
import type { Order } from '../../modules/orders/index.ts';
import type { StorefrontSite } from '../site.ts';

/**
 * view_item for a product page: the variant shown (the one asked for, else the first) at the
 * price the shopper's market shows, as GA4's item.
 */
export function viewItemEvent(
  site: StorefrontSite,
  detail: ProductDetail,
  variantId: string | undefined,
): PageEvent {
  const variant = detail.variants.find((v) => v.id === variantId) ?? detail.variants[0];
  const shown = variant ? site.market?.variantPrices?.get(variant.id) : undefined;
  return {
    name: 'view_item',
    productId: detail.product.id,
    variantId: variant?.id ?? null,
    value: shown?.amount ?? null,
    currency: shown?.currency ?? null,
    items: [
      {
        productId: detail.product.id,
        ...(variant ? { variantId: variant.id } : {}),
        ...(variant?.sku ? { sku: variant.sku } : {}),
        name: detail.product.title,
        quantity: 1,
        ...(shown ? { price: shown.amount } : {}),
      },
    ],
  };
}

/** view_item_list for a listing (home, collection, category, search results) with the products it shows. */
export function viewItemListEvent(listName: string, productIds: readonly string[]): PageEvent {
  return {
    name: 'view_item_list',
    listName,
    resultsCount: productIds.length,
    items: productIds.map((productId) => ({ productId, quantity: 1 })),
  };
}

/** search, with how many products matched (searches with none are a report of their own). */
export function searchEvent(term: string, resultsCount: number): PageEvent {
  return { name: 'search', searchTerm: term.slice(0, 200), resultsCount };
}

/**
 * A checkout step (begin_checkout, add_shipping_info) with the cart's lines; the value is the
 * lines' total after their discounts (GA4: without shipping), in the cart's currency.
 */
export function checkoutEvent(name: 'begin_checkout' | 'add_shipping_info', priced: PricedCart): PageEvent {
  return {
    name,
    value: priced.totals.subtotal - priced.totals.lineDiscountTotal,
    currency: priced.currency,
    items: priced.lines.map((l) => ({
      ...(l.productId ? { productId: l.productId } : {}),
      variantId: l.variantId,
      quantity: l.quantity,
      price: l.unitAmount,
    })),
  };
}

/**
 * purchase: the order placed in this session. Its value is the order's subtotal less its discounts
 * (GA4's value leaves out shipping); reports of revenue read the orders themselves, not this event.
 */
export function purchaseEvent(order: Order): PageEvent {
  return {
    name: 'purchase',
    orderId: order.id,
    value: order.subtotal - order.discountTotal,
    currency: order.currency,
  };
}
