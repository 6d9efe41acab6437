import { unprocessable } from '../../platform/errors.ts';
import { allocate } from '../../platform/money.ts';
import { checkTaxInput } from './compute-tax-input.ts';
import {
  type AppliedTaxRate,
  compareRates,
  type RateFactors,
  rateFactors,
  splitOverRates,
  taxOfAmount,
} from './rate-factors.ts';
import { type ShippingTaxation, standardTaxClass, type TaxRounding } from './schema.ts';
import { type ShippingPart, shippingTaxParts } from './shipping-tax.ts';

export interface TaxableLine {
  lineId: string;
  /** The line's amount after discounts, in minor units: net or gross as the store's prices are. */
  amount: number;
  quantity: number;
  /** Null or left out: the standard class. */
  taxClass?: string | null;
}

export interface TaxableShipping {
  amount: number;
  taxation: ShippingTaxation;
  /** The class shipping is taxed as; needed when `taxation` is 'class'. */
  taxClass?: string | null;
}

export interface ComputeTaxInput {
  currency: string;
  pricesIncludeTax: boolean;
  /** 'per_line' when left out. */
  rounding?: TaxRounding;
  lines: readonly TaxableLine[];
  shipping?: TaxableShipping | null;
  /** The destination's rates for every class the cart uses (resolveRates gives every class). */
  rates: { byClass: Readonly<Record<string, readonly AppliedTaxRate[]>> };
}

/** One rate's tax on a line, on shipping, or in the totals. */
export interface RateAmount {
  rateId: string;
  name: string;
  ratePpm: number;
  compound: boolean;
  priority: number;
  amount: number;
}

export interface LineTax {
  lineId: string;
  quantity: number;
  taxClass: string;
  net: number;
  tax: number;
  gross: number;
  taxes: RateAmount[];
}

export interface ShippingTax {
  taxation: ShippingTaxation;
  /** How the shipping amount was taxed, by class (empty when not taxed). */
  parts: (ShippingPart & { tax: number })[];
  net: number;
  tax: number;
  gross: number;
  taxes: RateAmount[];
}

/** A rate's total, with `net`: the net amount of the lines and shipping taxed at it. */
export interface RateTotal extends RateAmount {
  net: number;
}

export interface TaxComputation {
  currency: string;
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  lines: LineTax[];
  shipping: ShippingTax | null;
  totals: { net: number; tax: number; gross: number; byRate: RateTotal[] };
}

/** An amount taxed as one class: a line, or a part of the shipping. */
interface TaxedItem {
  amount: number;
  factors: RateFactors;
}

/**
 * The tax of a cart, with no database: per line and per rate, on shipping, and in total
 * (docs/tax.md, "The calculation"). Every amount is whole minor units and the sums always hold:
 * each line's rate amounts sum to its tax, net + tax = gross on every line, on shipping and in
 * total, and the lines and shipping sum to the totals. Errors: 400 `invalid_tax_input`,
 * 422 `unknown_currency`, 422 `unknown_tax_class`, 422 `shipping_tax_class_required`.
 */
export function computeTax(input: ComputeTaxInput): TaxComputation {
  checkTaxInput(input);
  const rounding = input.rounding ?? 'per_line';
  const inclusive = input.pricesIncludeTax;
  const factorsOf = classFactors(input.rates.byClass);
  const lines = input.lines.map((line) => ({ ...line, taxClass: line.taxClass ?? standardTaxClass }));
  const shippingParts = input.shipping
    ? shippingTaxParts(
        {
          amount: input.shipping.amount,
          taxation: input.shipping.taxation,
          taxClass: input.shipping.taxClass ?? null,
        },
        lines,
        factorsOf,
      )
    : [];
  const items: TaxedItem[] = [
    ...lines.map((line) => ({ amount: line.amount, factors: factorsOf(line.taxClass) })),
    ...shippingParts.map((part) => ({ amount: part.amount, factors: factorsOf(part.taxClass) })),
  ];
  const taxes =
    rounding === 'per_line'
      ? items.map((item) => taxOfAmount(item.amount, item.factors, inclusive))
      : taxPerTotal(items, inclusive);
  const taxed = items.map((item, i) => describeItem(item, taxes[i]!, inclusive));

  const lineResults: LineTax[] = lines.map((line, i) => ({
    lineId: line.lineId,
    quantity: line.quantity,
    taxClass: line.taxClass,
    ...taxed[i]!,
  }));
  const shippingItems = taxed.slice(lines.length);
  let shipping: ShippingTax | null = null;
  if (input.shipping) {
    const { amount, taxation } = input.shipping;
    shipping = {
      taxation,
      parts: shippingParts.map((part, i) => ({ ...part, tax: shippingItems[i]!.tax })),
      net: shippingParts.length === 0 ? amount : sum(shippingItems.map((item) => item.net)),
      tax: sum(shippingItems.map((item) => item.tax)),
      gross: shippingParts.length === 0 ? amount : sum(shippingItems.map((item) => item.gross)),
      taxes: rateTotals(shippingItems).map(({ net: _net, ...rate }) => rate),
    };
  }
  const all = [...lineResults, ...(shipping ? [shipping] : [])];
  return {
    currency: input.currency,
    pricesIncludeTax: inclusive,
    rounding,
    lines: lineResults,
    shipping,
    totals: {
      net: sum(all.map((x) => x.net)),
      tax: sum(all.map((x) => x.tax)),
      gross: sum(all.map((x) => x.gross)),
      byRate: rateTotals(taxed),
    },
  };
}

/**
 * Per-total rounding: items taxed at the same rates are one group; the group's tax is rounded
 * once from the sum of its amounts and spread back over its items with `allocate` in proportion to
 * their amounts, so the items always sum to the group's tax.
 */
function taxPerTotal(items: readonly TaxedItem[], inclusive: boolean): number[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = item.factors.rates.map((rate) => rate.rateId).join('\n');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const taxes = items.map(() => 0);
  for (const members of groups.values()) {
    const amounts = members.map((i) => items[i]!.amount);
    const groupTax = taxOfAmount(sum(amounts), items[members[0]!]!.factors, inclusive);
    allocate(groupTax, amounts).forEach((tax, j) => {
      taxes[members[j]!] = tax;
    });
  }
  return taxes;
}

interface TaxedAmounts {
  net: number;
  tax: number;
  gross: number;
  taxes: RateAmount[];
}

function describeItem(item: TaxedItem, tax: number, inclusive: boolean): TaxedAmounts {
  const byRate = splitOverRates(tax, item.factors);
  return {
    net: inclusive ? item.amount - tax : item.amount,
    tax,
    gross: inclusive ? item.amount : item.amount + tax,
    taxes: item.factors.rates.map((rate, i) => ({
      rateId: rate.rateId,
      name: rate.name,
      ratePpm: rate.ratePpm,
      compound: rate.compound,
      priority: rate.priority,
      amount: byRate[i]!,
    })),
  };
}

/** Each rate's tax and taxed net over the items, ordered as rates apply (priority, name, id). */
function rateTotals(items: readonly TaxedAmounts[]): RateTotal[] {
  const totals = new Map<string, RateTotal>();
  for (const item of items) {
    for (const rate of item.taxes) {
      const total = totals.get(rate.rateId);
      if (total) {
        total.amount += rate.amount;
        total.net += item.net;
      } else {
        totals.set(rate.rateId, { ...rate, net: item.net });
      }
    }
  }
  return [...totals.values()].sort(compareRates);
}

/** The rate factors of each class, made once per class. Errors: 422 `unknown_tax_class`. */
function classFactors(byClass: ComputeTaxInput['rates']['byClass']): (taxClass: string) => RateFactors {
  const made = new Map<string, RateFactors>();
  return (taxClass) => {
    let factors = made.get(taxClass);
    if (!factors) {
      const rates = Object.hasOwn(byClass, taxClass) ? byClass[taxClass] : undefined;
      if (!rates) {
        throw unprocessable('unknown_tax_class', `There is no tax class ${JSON.stringify(taxClass)}.`, {
          taxClass,
        });
      }
      factors = rateFactors(rates);
      made.set(taxClass, factors);
    }
    return factors;
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
