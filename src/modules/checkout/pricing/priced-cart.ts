/*
 * What a cart costs: the answer of `priceCart`, the one calculation behind the cart page, every
 * checkout step and order placement (docs/checkout.md, "The one calculation"). Every amount is
 * integer minor units of `currency`. What always holds (property-tested):
 *
 *   line:      subtotal = unitAmount × quantity; discount = Σ allocations;
 *              total = subtotal − discount (+ tax when prices exclude tax)
 *   shipping:  total = amount − discount (+ tax when prices exclude tax)
 *   cart:      total = Σ line totals + shipping.total
 *              = subtotal − discountTotal + shippingTotal (+ taxTotal when prices exclude tax)
 *              discountTotal = Σ line discounts + shipping discount = Σ applied discount amounts
 *              taxTotal = Σ line taxes + shipping tax
 */
import type { StockAvailabilityStatus } from '../../inventory/index.ts';
import type { Allocation, AppliedDiscount, DiscountClass, RejectionReason } from '../../promotions/index.ts';
import type { DeliveryEstimate, PickupEstimate, UnavailableReason } from '../../shipping/index.ts';
import type { TaxBasis } from '../../tax/index.ts';

export interface PricedCart {
  cartId: string;
  storeId: string;
  /** The moment the cart was priced at: discount windows, the exchange rate's day, delivery days. */
  pricedAt: Date;
  market: PricedMarket;
  /** ISO 4217: the market's currency. */
  currency: string;
  /** The rate converted prices were made with (base currency → `currency`); null when none was needed. */
  exchangeRate: { baseCurrency: string; rate: string; effectiveOn: string } | null;
  locale: string;
  /** Where the cart ships or is estimated for: the shipping address's country, else the cart's. */
  country: string | null;
  /** Who is buying for discount limits: the customer id, else the lower-cased e-mail, else null. */
  customerKey: string | null;
  /** Lines in the order they were added; lines that cannot be bought are priced at 0 with a problem. */
  lines: PricedCartLine[];
  shipping: PricedShipping;
  discounts: { applied: CartDiscount[]; rejected: RejectedCartCode[] };
  tax: CartTax;
  totals: CartTotals;
  problems: CartProblem[];
  /** Units in the cart (every line, buyable or not). */
  itemCount: number;
  /**
   * Nothing in the cart stands in the way of an order: it has lines, all can be bought in their
   * quantities, and shipping is possible (contact and address are the checkout's to ask for).
   */
  purchasable: boolean;
}

export interface PricedMarket {
  id: string;
  handle: string;
  name: string;
  currency: string;
  /** Why this market: the country is in it, or none is (the primary market). */
  matchedBy: 'country' | 'currency' | 'primary';
}

export interface PricedCartLine {
  lineId: string;
  variantId: string;
  /** Null when the variant no longer exists. */
  productId: string | null;
  /** The product's handle in the cart's locale (its page's address). */
  productHandle: string | null;
  /** The product's handle in the store's default locale. */
  defaultHandle: string | null;
  title: string | null;
  /** "Navy / M"; empty for a product's only variant. */
  variantTitle: string;
  options: { name: string; value: string }[];
  sku: string | null;
  /** Grams per unit, from the catalog; null when it has none (the order keeps it per line). */
  weightGrams: number | null;
  imageUrl: string | null;
  quantity: number;
  /** The market's price of one unit (before discounts; with tax when prices include it). */
  unitAmount: number;
  compareAtAmount: number | null;
  /** How the market priced it, and the exchange rate of a converted price (markets' `priceVariants`). */
  priceSource: 'base' | 'explicit' | 'converted' | null;
  priceRate: string | null;
  subtotal: number;
  discount: number;
  allocations: Allocation[];
  /** The tax class the line was taxed as; null when no tax was worked out. */
  taxClass: string | null;
  tax: number;
  taxes: LineTaxRate[];
  /** subtotal − discount without tax. */
  net: number;
  total: number;
  requiresShipping: boolean;
  /** What inventory says now; null for a variant that no longer exists. */
  availability: { status: StockAvailabilityStatus; available: number | null } | null;
  /** Why the line cannot be bought as it is; null when it can. */
  problem: CartProblemCode | null;
}

export interface LineTaxRate {
  rateId: string;
  name: string;
  ratePpm: number;
  amount: number;
}

export type ShippingChoice =
  | {
      type: 'delivery';
      /** The shipping rate's id: what `selectCartShippingOption` takes. */
      key: string;
      name: string;
      amount: number;
      freeAboveApplied: boolean;
      estimate: DeliveryEstimate | null;
    }
  | {
      type: 'pickup';
      key: string;
      name: string;
      amount: number;
      location: { id: string; name: string; address: Record<string, string | undefined> };
      instructions: string | null;
      estimate: PickupEstimate | null;
    };

export interface PricedShipping {
  /** False when nothing in the cart is shipped (gift cards, downloads): no shipping line at all. */
  required: boolean;
  /** Where the options are for: the shipping address, else the cart's country; null with neither. */
  destination: { country: string; region: string | null } | null;
  /**
   * `selected`: the shopper's choice, checked against a fresh quote; `estimate`: no choice yet, the
   * cheapest delivery for the country stands in; `none`: nothing to charge (no destination, nothing
   * shipped, or no option).
   */
  mode: 'selected' | 'estimate' | 'none';
  /** The options for the destination: delivery cheapest first, then pick-up. */
  options: ShippingChoice[];
  /** The chosen option (`selected`) or the estimate's cheapest delivery (`estimate`). */
  option: ShippingChoice | null;
  /** A full address may bring other rates (a zone names regions of the country). */
  mayVaryByRegion: boolean;
  /** Delivery amounts for the destination ("€4.90–€9.90"); null without delivery options. */
  range: { min: number; max: number } | null;
  /** What the shipping line charges, entered like prices (with tax when prices include it). */
  amount: number;
  discount: number;
  allocations: Allocation[];
  tax: number;
  taxes: LineTaxRate[];
  net: number;
  total: number;
  /** When the cart's chosen option is no longer offered: why (shipping's reason). */
  unavailableReason: UnavailableReason | 'unknown_option' | null;
}

export interface CartDiscount {
  discountId: string;
  title: string;
  /** The code that unlocked it, as the discount stores it; null for an automatic discount. */
  code: string | null;
  type: AppliedDiscount['type'];
  class: DiscountClass;
  /** lineAmount + shippingAmount. */
  amount: number;
  lineAmount: number;
  shippingAmount: number;
}

export interface RejectedCartCode {
  /** As the shopper typed it. */
  code: string;
  reason: RejectionReason;
  /** The class of the discount the code belongs to; null for an unknown code. */
  discountClass: DiscountClass | null;
  /** The reason in plain English (the storefront shows its own words per language). */
  message: string;
  details?: Record<string, unknown>;
  /** True for a code on the cart that stopped applying; false for the last code tried, which was not kept. */
  kept: boolean;
}

export interface CartTax {
  /** False when there is no address or country to tax for yet: every tax amount is 0. */
  computed: boolean;
  /** Worked out for the cart's country alone (no address yet): a region's own rates may change it. */
  estimated: boolean;
  pricesIncludeTax: boolean;
  address: { country: string; region: string | null; source: TaxBasis } | null;
  byRate: { rateId: string; name: string; ratePpm: number; net: number; amount: number }[];
}

export interface CartTotals {
  /** Σ line subtotals (before discounts). */
  subtotal: number;
  /** Σ line discounts + the shipping discount. */
  discountTotal: number;
  lineDiscountTotal: number;
  shippingDiscountTotal: number;
  /** The shipping amount before its discount (0 with no shipping line). */
  shippingTotal: number;
  taxTotal: number;
  total: number;
  /** Prices (and shipping) include tax: `taxTotal` is part of the amounts, not added to them. */
  taxesIncluded: boolean;
}

export type CartProblemCode =
  | 'variant_unavailable'
  | 'out_of_stock'
  | 'insufficient_stock'
  | 'no_shipping_to_country'
  | 'shipping_option_unavailable';

export interface CartProblem {
  code: CartProblemCode;
  lineId?: string;
  variantId?: string;
  /** For stock problems: units that can be bought now. */
  available?: number;
  message: string;
}
