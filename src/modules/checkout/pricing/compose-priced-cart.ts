import type { CartVariant } from '../../catalog/index.ts';
import type { StockAvailability } from '../../inventory/index.ts';
import type { VariantPrice } from '../../markets/index.ts';
import {
  applyDiscounts,
  type DiscountCandidate,
  type CartLine as DiscountLine,
  type DiscountResult,
  discountClassOf,
} from '../../promotions/index.ts';
import {
  type CartWeight,
  estimateShipping,
  type ShippingConfig,
  type ShippingOption,
  type ShippingOptions,
  shippingOptions,
} from '../../shipping/index.ts';
import {
  computeTax,
  type DestinationRates,
  type RateAmount,
  type TaxBasis,
  type TaxComputation,
  type TaxSettings,
} from '../../tax/index.ts';
import type { RejectedCodeAttempt } from '../schema.ts';
import { discountRejectionMessage } from './discount-reasons.ts';
import type {
  CartProblem,
  CartProblemCode,
  LineTaxRate,
  PricedCart,
  PricedCartLine,
  PricedMarket,
  PricedShipping,
  RejectedCartCode,
  ShippingChoice,
} from './priced-cart.ts';

/** One cart line with what the catalog, markets and inventory say of it now. */
export interface LineFacts {
  lineId: string;
  variantId: string;
  quantity: number;
  /** Undefined when the variant no longer exists. */
  variant: CartVariant | undefined;
  /** The market's price; undefined when the variant no longer exists. */
  price: VariantPrice | undefined;
  availability: StockAvailability | undefined;
  /** The collections of the product (discount targets). */
  collectionIds: readonly string[];
  /** The product's tax class. */
  taxClass: string;
}

/**
 * Everything one pricing of a cart reads, loaded by `loadCartFacts` (one reading per pricing);
 * `composePricedCart` turns it into the priced cart without a database or a clock.
 */
export interface CartFacts {
  cart: {
    id: string;
    storeId: string;
    locale: string;
    /** Codes kept on the cart, as typed. */
    discountCodes: readonly string[];
    rejectedCode: RejectedCodeAttempt | null;
    shippingOptionKey: string | null;
  };
  now: Date;
  market: PricedMarket;
  exchangeRate: PricedCart['exchangeRate'];
  customerKey: string | null;
  segments: readonly string[];
  lines: readonly LineFacts[];
  candidates: readonly DiscountCandidate[];
  shipping: {
    config: ShippingConfig;
    /** The weight of the lines that can be bought. */
    weight: CartWeight;
    /** The address's country and region, else the cart's country; null with neither. */
    destination: { country: string; region: string | null } | null;
  };
  tax: {
    settings: TaxSettings;
    /** The rates at the tax address; null when there is no address (or country) to tax for. */
    rates: DestinationRates | null;
    address: { country: string; region: string | null; source: TaxBasis } | null;
    /** The address is only the cart's country. */
    estimated: boolean;
  };
}

/** How often shipping and discounts are worked out in turn before their answer is taken (see below). */
const SHIPPING_ROUNDS = 3;

/**
 * The one calculation of what a cart costs (docs/checkout.md): markets' prices → promotions →
 * shipping → tax, with the sums of `PricedCart` always holding.
 *
 * Shipping rates look at the subtotal after discounts ("free above €50") and a free-shipping
 * discount looks at the shipping amount, so the two are worked out in turn: discounts without
 * shipping, then shipping for that subtotal, then discounts with that shipping amount, until the
 * discounted subtotal stops moving (at most three rounds). Whatever round it ends in, the amounts
 * come from one discount result over one shipping amount, so every sum holds.
 */
export function composePricedCart(facts: CartFacts): PricedCart {
  const { currency } = facts.market;
  const priced = facts.lines.map((line) => ({ line, buyable: buyableOf(line) }));
  const buyable = priced.flatMap(({ line, buyable }) => (buyable ? [{ line, ...buyable }] : []));
  const discountLines: DiscountLine[] = buyable.map(({ line, variant, price }) => ({
    lineId: line.lineId,
    variantId: line.variantId,
    productId: variant.productId,
    collectionIds: [...line.collectionIds],
    quantity: line.quantity,
    unitAmount: price.amount,
  }));
  const applyAt = (shippingAmount: number) =>
    applyDiscounts({ currency, lines: discountLines, shippingAmount }, facts.candidates, {
      now: facts.now,
      customerKey: facts.customerKey,
      segments: [...facts.segments],
      codes: [...facts.cart.discountCodes],
    });

  const shippingRequired = buyable.length > 0 && facts.shipping.weight.shippingRequired;
  const destination = shippingRequired ? facts.shipping.destination : null;
  let discounts = applyAt(0);
  let quote: ShippingOptions | null = null;
  if (destination) {
    for (let round = 0; round < SHIPPING_ROUNDS; round++) {
      const subtotal = discounts.subtotal - discounts.lineDiscountTotal;
      quote = shippingOptions(
        {
          destination,
          currency,
          subtotal,
          totalWeightGrams: facts.shipping.weight.totalGrams,
          now: facts.now,
        },
        facts.shipping.config,
      );
      discounts = applyAt(chosenOption(quote, facts.cart.shippingOptionKey).option?.amount ?? 0);
      if (discounts.subtotal - discounts.lineDiscountTotal === subtotal) break;
    }
  }
  const shippingChoice = quote ? chosenOption(quote, facts.cart.shippingOptionKey) : null;
  const tax = taxOf(facts, discounts, shippingChoice?.option ? discounts.shipping : null);
  const shipping = shippingOf(facts, shippingRequired, destination, quote, shippingChoice, discounts, tax);

  const lineResults = new Map(discounts.lines.map((l) => [l.lineId, l]));
  const lineTaxes = new Map(tax?.computation.lines.map((l) => [l.lineId, l]));
  const problems: CartProblem[] = [];
  const lines: PricedCartLine[] = priced.map(({ line, buyable }) => {
    const { variant, price } = line;
    const problem = problemOf(line, buyable !== null);
    if (problem) problems.push(lineProblem(line, problem));
    const result = lineResults.get(line.lineId);
    const taxed = lineTaxes.get(line.lineId);
    const afterDiscount = result ? result.total : 0;
    return {
      lineId: line.lineId,
      variantId: line.variantId,
      productId: variant?.productId ?? null,
      productHandle: variant?.productHandle ?? null,
      defaultHandle: variant?.defaultHandle ?? null,
      title: variant?.productTitle ?? null,
      variantTitle: variant?.title ?? '',
      options: variant?.options ?? [],
      sku: variant?.sku ?? null,
      weightGrams: variant?.weightGrams ?? null,
      imageUrl: variant?.imageUrl ?? null,
      quantity: line.quantity,
      unitAmount: buyable ? price!.amount : 0,
      compareAtAmount: buyable ? price!.compareAtAmount : null,
      priceSource: buyable ? price!.source : null,
      priceRate: buyable ? price!.rate : null,
      subtotal: result?.subtotal ?? 0,
      discount: result?.discount ?? 0,
      allocations: result?.allocations ?? [],
      taxClass: taxed ? taxed.taxClass : null,
      tax: taxed?.tax ?? 0,
      taxes: taxed ? rateAmounts(taxed.taxes) : [],
      net: taxed ? taxed.net : afterDiscount,
      total: taxed ? taxed.gross : afterDiscount,
      requiresShipping: variant?.requiresShipping ?? false,
      availability: line.availability
        ? { status: line.availability.status, available: line.availability.available }
        : null,
      problem,
    };
  });
  if (shippingRequired && destination && quote && quote.options.length === 0) {
    problems.push({
      code: 'no_shipping_to_country',
      message: `This store does not ship these items to ${destination.country}.`,
    });
  }
  if (shipping.unavailableReason) {
    problems.push({
      code: 'shipping_option_unavailable',
      message: 'The shipping option chosen is no longer available for this cart and address.',
    });
  }

  const lineDiscountTotal = sum(lines.map((l) => l.discount));
  const taxTotal = sum(lines.map((l) => l.tax)) + shipping.tax;
  return {
    cartId: facts.cart.id,
    storeId: facts.cart.storeId,
    pricedAt: facts.now,
    market: facts.market,
    currency,
    exchangeRate: facts.exchangeRate,
    locale: facts.cart.locale,
    country: facts.shipping.destination?.country ?? null,
    customerKey: facts.customerKey,
    lines,
    shipping,
    discounts: {
      applied: discounts.applied.map((d) => ({ ...d })),
      rejected: rejectedCodes(facts, discounts),
    },
    tax: {
      computed: tax !== null,
      estimated: tax !== null && facts.tax.estimated,
      pricesIncludeTax: facts.tax.settings.pricesIncludeTax,
      address: tax ? facts.tax.address : null,
      byRate: (tax?.computation.totals.byRate ?? []).map((r) => ({
        rateId: r.rateId,
        name: r.name,
        ratePpm: r.ratePpm,
        net: r.net,
        amount: r.amount,
      })),
    },
    totals: {
      subtotal: sum(lines.map((l) => l.subtotal)),
      discountTotal: lineDiscountTotal + shipping.discount,
      lineDiscountTotal,
      shippingDiscountTotal: shipping.discount,
      shippingTotal: shipping.amount,
      taxTotal,
      total: sum(lines.map((l) => l.total)) + shipping.total,
      taxesIncluded: facts.tax.settings.pricesIncludeTax,
    },
    problems,
    itemCount: sum(lines.map((l) => l.quantity)),
    purchasable: lines.length > 0 && problems.length === 0,
  };
}

/** A line that can be priced: its variant exists, its product is on sale, the market has its price. */
function buyableOf(line: LineFacts) {
  const { variant, price } = line;
  if (variant?.productStatus !== 'active' || !price) return null;
  return { variant, price };
}

function problemOf(line: LineFacts, buyable: boolean): CartProblemCode | null {
  if (!buyable) return 'variant_unavailable';
  const stock = line.availability;
  if (!stock || stock.available === null || line.variant?.inventoryPolicy === 'continue') return null;
  if (stock.available <= 0) return 'out_of_stock';
  return line.quantity > stock.available ? 'insufficient_stock' : null;
}

function lineProblem(line: LineFacts, code: CartProblemCode): CartProblem {
  const base = { code, lineId: line.lineId, variantId: line.variantId };
  if (code === 'variant_unavailable') return { ...base, message: 'This item is no longer for sale.' };
  const available = Math.max(0, line.availability?.available ?? 0);
  if (code === 'out_of_stock') return { ...base, available, message: 'This item is sold out.' };
  return { ...base, available, message: `Only ${available} of this item can be bought.` };
}

/**
 * The option the cart charges for: the shopper's choice when the quote still offers it, else the
 * cheapest delivery as an estimate. A choice no longer offered says why.
 */
function chosenOption(
  quote: ShippingOptions,
  key: string | null,
): { option: ShippingOption | null; selected: boolean; unavailable: PricedShipping['unavailableReason'] } {
  const cheapest = quote.options.find((o) => o.type === 'delivery') ?? null;
  if (!key) return { option: cheapest, selected: false, unavailable: null };
  const chosen = quote.options.find((o) => o.id === key);
  if (chosen) return { option: chosen, selected: true, unavailable: null };
  const reason = quote.unavailable.find((o) => o.id === key)?.reason ?? 'unknown_option';
  return { option: cheapest, selected: false, unavailable: reason };
}

function choiceOf(option: ShippingOption): ShippingChoice {
  if (option.type === 'delivery') {
    return {
      type: 'delivery',
      key: option.id,
      name: option.name,
      amount: option.amount,
      freeAboveApplied: option.freeAboveApplied,
      estimate: option.estimate,
    };
  }
  return {
    type: 'pickup',
    key: option.id,
    name: option.name,
    amount: option.amount,
    location: option.location,
    instructions: option.instructions,
    estimate: option.estimate,
  };
}

interface TaxOutcome {
  computation: TaxComputation;
}

/**
 * Tax on what is charged: each line after its discounts, and the shipping line after its discount,
 * at the rates of the tax address; null when there is none yet.
 */
function taxOf(
  facts: CartFacts,
  discounts: DiscountResult,
  shipping: DiscountResult['shipping'] | null,
): TaxOutcome | null {
  const { rates, settings } = facts.tax;
  if (!rates || (discounts.lines.length === 0 && !shipping)) return null;
  const byId = new Map(facts.lines.map((l) => [l.lineId, l]));
  const computation = computeTax({
    currency: discounts.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    rounding: settings.rounding,
    lines: discounts.lines.map((line) => ({
      lineId: line.lineId,
      amount: line.total,
      quantity: byId.get(line.lineId)!.quantity,
      taxClass: byId.get(line.lineId)!.taxClass,
    })),
    shipping: shipping
      ? { amount: shipping.total, taxation: settings.shippingTaxation, taxClass: settings.shippingTaxClass }
      : null,
    rates,
  });
  return { computation };
}

function shippingOf(
  facts: CartFacts,
  required: boolean,
  destination: { country: string; region: string | null } | null,
  quote: ShippingOptions | null,
  chosen: ReturnType<typeof chosenOption> | null,
  discounts: DiscountResult,
  tax: TaxOutcome | null,
): PricedShipping {
  const option = chosen?.option ?? null;
  const taxed = option ? tax?.computation.shipping : null;
  const amount = option ? discounts.shipping.amount : 0;
  const discount = option ? discounts.shipping.discount : 0;
  const afterDiscount = amount - discount;
  const delivery = quote?.options.filter((o) => o.type === 'delivery') ?? [];
  const amounts = delivery.map((o) => o.amount);
  const mayVaryByRegion =
    destination !== null && destination.region === null && quote !== null
      ? estimateShipping(
          {
            country: destination.country,
            currency: quote.currency,
            subtotal: discounts.subtotal - discounts.lineDiscountTotal,
            totalWeightGrams: facts.shipping.weight.totalGrams,
            now: facts.now,
          },
          facts.shipping.config,
        ).mayVaryByRegion
      : false;
  return {
    required,
    destination: required ? facts.shipping.destination : null,
    mode: option ? (chosen?.selected ? 'selected' : 'estimate') : 'none',
    options: (quote?.options ?? []).map(choiceOf),
    option: option ? choiceOf(option) : null,
    mayVaryByRegion,
    range: amounts.length > 0 ? { min: Math.min(...amounts), max: Math.max(...amounts) } : null,
    amount,
    discount,
    allocations: option ? discounts.shipping.allocations : [],
    tax: taxed?.tax ?? 0,
    taxes: taxed ? rateAmounts(taxed.taxes) : [],
    net: taxed ? taxed.net : afterDiscount,
    total: taxed ? taxed.gross : afterDiscount,
    unavailableReason: chosen?.unavailable ?? null,
  };
}

/**
 * Codes that do not apply, as the shopper typed them: those kept on the cart that stopped applying
 * (the cart changed), and the last code tried, which was not kept.
 */
function rejectedCodes(facts: CartFacts, discounts: DiscountResult): RejectedCartCode[] {
  const { currency } = discounts;
  const classOf = new Map(facts.candidates.map((c) => [c.id, discountClassOf(c)]));
  const typed = (code: string | null) =>
    facts.cart.discountCodes.find((c) => c.trim().toLowerCase() === code?.trim().toLowerCase());
  const kept: RejectedCartCode[] = discounts.rejected.flatMap((r) => {
    const code = typed(r.code);
    if (!code) return [];
    return [
      {
        code,
        reason: r.reason,
        discountClass: r.discountId ? (classOf.get(r.discountId) ?? null) : null,
        message: discountRejectionMessage(r.reason, r.details, currency),
        ...(r.details ? { details: r.details } : {}),
        kept: true,
      },
    ];
  });
  const last = facts.cart.rejectedCode;
  if (last && !typed(last.code)) {
    kept.push({
      code: last.code,
      reason: last.reason as RejectedCartCode['reason'],
      discountClass: null,
      message: discountRejectionMessage(last.reason as RejectedCartCode['reason'], last.details, currency),
      ...(last.details ? { details: last.details } : {}),
      kept: false,
    });
  }
  return kept;
}

function rateAmounts(taxes: readonly RateAmount[]): LineTaxRate[] {
  return taxes.map((t) => ({ rateId: t.rateId, name: t.name, ratePpm: t.ratePpm, amount: t.amount }));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
