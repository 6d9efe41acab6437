import { ApiError } from '../api/http.ts';
import { moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import type { RateInput, RatePrice, RateType, ShippingRate } from './shipping-types.ts';
import { kgText, parseKgText } from './weight-text.ts';

/**
 * A shipping rate as its form holds it: every amount and weight as typed (money in its currency's
 * decimals, weights in kg), bands as rows, one price section per currency. `rateInputOf` reads it
 * into the API's shape (minor units, grams) or says which input is wrong.
 */

export interface BandDraft {
  key: number;
  /** Weight bands: "up to" in kg (empty on the last: no limit). Subtotal bands: "from", money. */
  limit: string;
  amount: string;
}

export interface PriceDraft {
  key: number;
  currency: string;
  amount: string;
  bands: BandDraft[];
  freeAbove: string;
  minSubtotal: string;
  maxSubtotal: string;
}

export interface RateDraft {
  name: string;
  type: RateType;
  minDays: number | string;
  maxDays: number | string;
  minWeight: string;
  maxWeight: string;
  active: boolean;
  prices: PriceDraft[];
}

export type RateField = 'name' | 'type' | 'minDays' | 'maxDays' | 'minWeight' | 'maxWeight' | 'prices';
export type PriceField = 'currency' | 'amount' | 'freeAbove' | 'minSubtotal' | 'maxSubtotal' | 'bands';
export type BandField = 'limit' | 'amount';

export interface RateFormErrors {
  fields: Partial<Record<RateField, string>>;
  /** By price section index. */
  prices: Record<number, Partial<Record<PriceField, string>>>;
  /** By `${price index}.${band index}`. */
  bands: Record<string, Partial<Record<BandField, string>>>;
  general: string | null;
}

export const noRateErrors = (): RateFormErrors => ({ fields: {}, prices: {}, bands: {}, general: null });

let nextKey = 1;
export const draftKey = () => nextKey++;

export function emptyBand(): BandDraft {
  return { key: draftKey(), limit: '', amount: '' };
}

export function emptyPrice(currency: string): PriceDraft {
  return {
    key: draftKey(),
    currency,
    amount: '',
    bands: [emptyBand()],
    freeAbove: '',
    minSubtotal: '',
    maxSubtotal: '',
  };
}

function priceDraftOf(price: RatePrice, type: RateType): PriceDraft {
  const money = (amount: number | null | undefined) => moneyText(amount ?? null, price.currency);
  const bands: BandDraft[] =
    type === 'weight_bands'
      ? (price.weightBands ?? []).map((b) => ({
          key: draftKey(),
          limit: kgText(b.upToGrams),
          amount: money(b.amount),
        }))
      : type === 'subtotal_bands'
        ? (price.subtotalBands ?? []).map((b) => ({
            key: draftKey(),
            limit: money(b.fromSubtotal),
            amount: money(b.amount),
          }))
        : [emptyBand()];
  return {
    key: draftKey(),
    currency: price.currency,
    amount: type === 'flat' ? money(price.amount) : '',
    bands: bands.length > 0 ? bands : [emptyBand()],
    freeAbove: money(price.freeAbove),
    minSubtotal: money(price.minSubtotal),
    maxSubtotal: money(price.maxSubtotal),
  };
}

/** The form's start: the rate as it is, or a new flat rate in the given currency. */
export function rateDraftOf(rate: ShippingRate | null, currency: string): RateDraft {
  if (!rate) {
    return {
      name: '',
      type: 'flat',
      minDays: '',
      maxDays: '',
      minWeight: '',
      maxWeight: '',
      active: true,
      prices: [emptyPrice(currency)],
    };
  }
  return {
    name: rate.name,
    type: rate.type,
    minDays: rate.estimate?.minDays ?? '',
    maxDays: rate.estimate?.maxDays ?? '',
    minWeight: kgText(rate.minWeightGrams),
    maxWeight: kgText(rate.maxWeightGrams),
    active: rate.active,
    prices: rate.prices.map((p) => priceDraftOf(p, rate.type)),
  };
}

const wholeDays = (value: number | string): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 365 ? value : null;

/** The draft in the API's shape, or what the form itself finds wrong (the server checks the rest). */
export function rateInputOf(
  draft: RateDraft,
): { ok: true; input: RateInput } | { ok: false; errors: RateFormErrors } {
  const errors = noRateErrors();
  if (!draft.name.trim()) errors.fields.name = 'Name the rate as shoppers see it, e.g. Standard.';
  const minWeight = parseKgText(draft.minWeight, { optional: true });
  const maxWeight = parseKgText(draft.maxWeight, { optional: true });
  if (!minWeight.ok) errors.fields.minWeight = minWeight.message;
  if (!maxWeight.ok) errors.fields.maxWeight = maxWeight.message;
  const noDays = draft.minDays === '' && draft.maxDays === '';
  const minDays = wholeDays(draft.minDays);
  const maxDays = wholeDays(draft.maxDays);
  if (!noDays && minDays === null) errors.fields.minDays = 'Whole days from 0 to 365.';
  if (!noDays && maxDays === null) errors.fields.maxDays = 'Whole days from 0 to 365.';
  if (draft.prices.length === 0) errors.fields.prices = 'Give the amounts in at least one currency.';

  const prices: RatePrice[] = draft.prices.map((price, i) => {
    const problems: Partial<Record<PriceField, string>> = {};
    const money = (text: string, field: PriceField, optional: boolean) => {
      const parsed = parseMoneyText(text, price.currency, { optional });
      if (!parsed.ok) problems[field] = parsed.message;
      return parsed.ok ? parsed.amount : null;
    };
    const out: RatePrice = {
      currency: price.currency,
      freeAbove: money(price.freeAbove, 'freeAbove', true),
      minSubtotal: money(price.minSubtotal, 'minSubtotal', true),
      maxSubtotal: money(price.maxSubtotal, 'maxSubtotal', true),
    };
    if (draft.type === 'flat') out.amount = money(price.amount, 'amount', false) ?? 0;
    else {
      const bands = price.bands.map((band, j) => {
        const bandProblems: Partial<Record<BandField, string>> = {};
        const amount = parseMoneyText(band.amount, price.currency);
        if (!amount.ok) bandProblems.amount = amount.message;
        let limit: number | null = null;
        if (draft.type === 'weight_bands') {
          const last = j === price.bands.length - 1;
          const weight = parseKgText(band.limit, { optional: last });
          if (!weight.ok)
            bandProblems.limit = last ? weight.message : `${weight.message} Only the last band may be open.`;
          else limit = weight.grams;
        } else if (j === 0) {
          limit = 0;
        } else {
          const from = parseMoneyText(band.limit, price.currency);
          if (!from.ok) bandProblems.limit = from.message;
          else limit = from.amount;
        }
        if (Object.keys(bandProblems).length > 0) errors.bands[`${i}.${j}`] = bandProblems;
        const bandAmount = amount.ok ? (amount.amount ?? 0) : 0;
        return { limit, amount: bandAmount };
      });
      if (draft.type === 'weight_bands')
        out.weightBands = bands.map((b) => ({ upToGrams: b.limit, amount: b.amount }));
      else out.subtotalBands = bands.map((b) => ({ fromSubtotal: b.limit ?? 0, amount: b.amount }));
    }
    if (Object.keys(problems).length > 0) errors.prices[i] = problems;
    return out;
  });

  const found =
    Object.keys(errors.fields).length + Object.keys(errors.prices).length + Object.keys(errors.bands).length;
  if (found > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name: draft.name.trim(),
      type: draft.type,
      prices,
      minWeightGrams: minWeight.ok ? minWeight.grams : null,
      maxWeightGrams: maxWeight.ok ? maxWeight.grams : null,
      estimate: noDays ? null : { minDays: minDays!, maxDays: maxDays! },
      active: draft.active,
    },
  };
}

const rateFieldOf: Record<string, RateField> = {
  name: 'name',
  type: 'type',
  minWeightGrams: 'minWeight',
  maxWeightGrams: 'maxWeight',
  minDays: 'minDays',
  maxDays: 'maxDays',
  prices: 'prices',
};
const priceFieldOf: Record<string, PriceField> = {
  currency: 'currency',
  amount: 'amount',
  freeAbove: 'freeAbove',
  minSubtotal: 'minSubtotal',
  maxSubtotal: 'maxSubtotal',
  weightBands: 'bands',
  subtotalBands: 'bands',
};

/**
 * Puts the server's refusal of a rate on the inputs its paths name: `prices.1.weightBands.2.upToGrams`
 * on that band's limit, `prices.0.freeAbove` on that currency's threshold, `estimate.maxDays` on the
 * days; what names no input is the general message.
 */
export function rateFormErrorsFrom(error: unknown): RateFormErrors {
  const errors = noRateErrors();
  if (!(error instanceof ApiError)) {
    errors.general = error instanceof Error ? error.message : String(error);
    return errors;
  }
  const place = (path: string, message: string): boolean => {
    const parts = path.split('.');
    if (parts[0] === 'prices' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
      const i = Number(parts[1]);
      const key = parts[2];
      if ((key === 'weightBands' || key === 'subtotalBands') && parts[3] && /^\d+$/.test(parts[3])) {
        const field: BandField = parts[4] === 'amount' ? 'amount' : 'limit';
        const at = `${i}.${parts[3]}`;
        errors.bands[at] = { ...errors.bands[at], [field]: errors.bands[at]?.[field] ?? message };
        return true;
      }
      const field = key ? priceFieldOf[key] : undefined;
      if (field) {
        errors.prices[i] = { ...errors.prices[i], [field]: errors.prices[i]?.[field] ?? message };
        return true;
      }
      return false;
    }
    const last = parts.at(-1) ?? '';
    const field = Object.hasOwn(rateFieldOf, last) ? rateFieldOf[last] : undefined;
    if (field) {
      errors.fields[field] ??= message;
      return true;
    }
    return false;
  };
  const problems = error.fieldProblems;
  if (problems.length > 0) {
    const unplaced = problems
      .filter((p) => !place(p.path, p.message))
      .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    if (unplaced.length > 0) errors.general = `${error.message} ${unplaced.join('; ')}`;
    return errors;
  }
  const path = (error.details as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || !place(path, error.message)) errors.general = error.message;
  return errors;
}
