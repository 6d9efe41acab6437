import { allocate } from '../../platform/money.ts';
import type { NewOrder } from './new-order-input.ts';
import type { Order, OrderLine } from './order-read.ts';
import type { OrderLineDiscountAllocation, OrderTaxLine } from './order-types.ts';

/** A replacement: `quantity` units of `variantId` in exchange for units of the returned line `orderLineId`. */
export interface ExchangeRequestLine {
  orderLineId: string;
  variantId: string;
  quantity: number;
}

/** What the new order shows of a replacement variant (from the catalog). */
export interface ReplacementVariant {
  productId: string;
  productTitle: string;
  /** "Navy / M"; empty for a product's only variant. */
  title: string;
  sku: string | null;
  requiresShipping: boolean;
  weightGrams: number | null;
}

export type ExchangeOrderPricing = Pick<NewOrder, 'lines' | 'discounts' | 'totals' | 'shipping'>;

/** `amount × part / whole`, rounded half up, exactly (BigInt: amounts × units can pass 2^53). */
function scaled(amount: number, part: number, whole: number): number {
  const numerator = BigInt(amount) * BigInt(part) * 2n + BigInt(whole);
  return Number(numerator / (BigInt(whole) * 2n));
}

/**
 * The share of `part` of a line's `whole` units in each of its parts (discount allocations, tax
 * lines): the line's amount is scaled once and spread over the parts by their amounts, so the
 * parts sum to the scaled amount and never exceed what `part` units carry.
 */
function shareOf(
  parts: readonly { amount: number }[],
  amount: number,
  part: number,
  whole: number,
): number[] {
  if (parts.length === 0 || part === 0 || amount === 0) return parts.map(() => 0);
  return allocate(
    scaled(amount, part, whole),
    parts.map((p) => p.amount),
  );
}

/**
 * The exchange order's lines and totals (docs/orders.md, "Exchanges"). Each replacement is priced
 * at the unit amount of the returned line it replaces. Units up to those received back on that
 * line (in this return) are paid for already: an "exchange credit" discount takes their whole
 * amount off, so a like-for-like exchange costs nothing. Units beyond them are charged what the
 * customer paid per unit of the returned line: its unit amount less its per-unit share of the
 * line's discounts, with its per-unit share of the line's tax. Shipping keeps the original method
 * at no charge. `credits` is the units received back per returned line; `creditDiscountId` names
 * the credit among the order's discounts.
 */
export function priceExchangeOrder(
  original: Pick<Order, 'taxesIncluded' | 'discounts' | 'shipping'>,
  returnedLines: ReadonlyMap<string, OrderLine>,
  credits: ReadonlyMap<string, number>,
  requests: readonly ExchangeRequestLine[],
  variants: ReadonlyMap<string, ReplacementVariant>,
  credit: { discountId: string; title: string },
): ExchangeOrderPricing {
  const creditLeft = new Map(credits);
  const taxAdded = original.taxesIncluded ? 0 : 1;
  const discountTotals = new Map<string, number>();
  const addDiscount = (discountId: string, amount: number) => {
    if (amount > 0) discountTotals.set(discountId, (discountTotals.get(discountId) ?? 0) + amount);
  };

  const lines = requests.map((request) => {
    const returned = returnedLines.get(request.orderLineId)!;
    const variant = variants.get(request.variantId)!;
    const credited = Math.min(request.quantity, creditLeft.get(request.orderLineId) ?? 0);
    creditLeft.set(request.orderLineId, (creditLeft.get(request.orderLineId) ?? 0) - credited);
    const charged = request.quantity - credited;

    const allocations: OrderLineDiscountAllocation[] = [];
    const creditAmount = returned.unitAmount * credited;
    if (creditAmount > 0) allocations.push({ discountId: credit.discountId, amount: creditAmount });
    const chargedDiscounts = shareOf(
      returned.discountAllocations,
      returned.discount,
      charged,
      returned.quantity,
    );
    returned.discountAllocations.forEach((a, i) => {
      if (chargedDiscounts[i]! > 0)
        allocations.push({ discountId: a.discountId, amount: chargedDiscounts[i]! });
    });
    for (const a of allocations) addDiscount(a.discountId, a.amount);
    const chargedTaxes = shareOf(returned.taxLines, returned.tax, charged, returned.quantity);
    const taxLines: OrderTaxLine[] = returned.taxLines
      .map((t, i) => ({ ...t, amount: chargedTaxes[i]! }))
      .filter((t) => t.amount > 0);

    const subtotal = returned.unitAmount * request.quantity;
    const discount = allocations.reduce((sum, a) => sum + a.amount, 0);
    const tax = taxLines.reduce((sum, t) => sum + t.amount, 0);
    return {
      variantId: request.variantId,
      productId: variant.productId,
      title: variant.productTitle,
      variantTitle: variant.title || null,
      sku: variant.sku,
      quantity: request.quantity,
      unitAmount: returned.unitAmount,
      subtotal,
      discount,
      discountAllocations: allocations,
      tax,
      taxLines,
      total: subtotal - discount + taxAdded * tax,
      requiresShipping: variant.requiresShipping,
      weightGrams: variant.weightGrams,
    };
  });

  const known = new Map(original.discounts.map((d) => [d.discountId, d]));
  const discounts = [...discountTotals].map(([discountId, amount]) =>
    discountId === credit.discountId
      ? { discountId, title: credit.title, code: null, amount }
      : {
          discountId,
          title: known.get(discountId)?.title ?? 'Discount',
          code: known.get(discountId)?.code ?? null,
          amount,
        },
  );
  const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const shipping = original.shipping
    ? {
        optionKey: original.shipping.optionKey,
        title: original.shipping.title,
        kind: original.shipping.kind,
        locationId: original.shipping.locationId,
        amount: 0,
        discount: 0,
        tax: 0,
        taxLines: [],
        total: 0,
        estimate: null,
      }
    : null;
  return {
    lines,
    discounts,
    shipping,
    totals: {
      subtotal: sum((l) => l.subtotal),
      discountTotal: sum((l) => l.discount),
      shippingTotal: 0,
      taxTotal: sum((l) => l.tax),
      total: sum((l) => l.total),
    },
  };
}
