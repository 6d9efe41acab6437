import { moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';
import type {
  CurrencyAmounts,
  Discount,
  DiscountDefinition,
  DiscountKind,
  DiscountType,
  ItemTarget,
} from './discount-types.ts';

/**
 * A discount as its form holds it: percentages and amounts as typed, times as the browser's
 * datetime-local text, targets by scope. `definitionOf` reads it into the API's shape (basis points,
 * minor units, ISO times) or names the inputs that are wrong; the server checks the rules between
 * fields and says so on them.
 */

export type Scope = 'order' | 'products' | 'collections';
export type ItemScope = 'products' | 'collections';
export type Minimum = 'none' | 'subtotal' | 'quantity';

export interface AmountDraft {
  key: number;
  currency: string;
  amount: string;
}

export interface ItemsDraft {
  scope: ItemScope;
  ids: string[];
}

export interface DiscountDraft {
  title: string;
  kind: DiscountKind;
  codes: string[];
  type: DiscountType;
  percent: string;
  amounts: AmountDraft[];
  scope: Scope;
  targetIds: string[];
  oncePerOrder: boolean;
  buys: ItemsDraft;
  buysBy: 'quantity' | 'amount';
  buysQuantity: number | string;
  buysAmounts: AmountDraft[];
  gets: ItemsDraft;
  getsQuantity: number | string;
  getsPercent: string;
  maxUsesPerOrder: number | string;
  minimum: Minimum;
  minimumAmounts: AmountDraft[];
  minimumQuantity: number | string;
  segments: string[];
  startsAt: string;
  endsAt: string;
  usageLimit: number | string;
  perCustomerLimit: number | string;
  combinesWith: { order: boolean; product: boolean; shipping: boolean };
  enabled: boolean;
}

export type DiscountField =
  | 'title'
  | 'codes'
  | 'percent'
  | 'amounts'
  | 'target'
  | 'oncePerOrder'
  | 'buys'
  | 'gets'
  | 'maxUsesPerOrder'
  | 'minimum'
  | 'segments'
  | 'startsAt'
  | 'endsAt'
  | 'usageLimit'
  | 'perCustomerLimit'
  | 'combinesWith';

/** The API's field names (the last part of their paths) → the form's inputs. */
export const discountFieldFor: Record<string, DiscountField> = {
  title: 'title',
  codes: 'codes',
  percentBp: 'percent',
  amounts: 'amounts',
  appliesTo: 'target',
  productIds: 'target',
  collectionIds: 'target',
  oncePerOrder: 'oncePerOrder',
  buyXGetY: 'buys',
  buys: 'buys',
  items: 'buys',
  quantity: 'buys',
  minimumAmounts: 'buys',
  gets: 'gets',
  maxUsesPerOrder: 'maxUsesPerOrder',
  minimumSubtotal: 'minimum',
  minimumQuantity: 'minimum',
  customerSegments: 'segments',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  usageLimit: 'usageLimit',
  perCustomerLimit: 'perCustomerLimit',
  combinesWith: 'combinesWith',
};

let nextKey = 1;
export const amountDraft = (currency: string, amount = ''): AmountDraft => ({
  key: nextKey++,
  currency,
  amount,
});

const amountDrafts = (amounts: CurrencyAmounts | null | undefined, fallback: string): AmountDraft[] =>
  amounts && Object.keys(amounts).length > 0
    ? Object.entries(amounts).map(([currency, amount]) => amountDraft(currency, moneyText(amount, currency)))
    : [amountDraft(fallback)];

/** An ISO time as a datetime-local input shows it, in the browser's time zone: "2025-06-01T09:30". */
export function localInputOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Basis points as the percent input shows them: 1250 → "12.5". */
const percentInputOf = (bp: number | null | undefined) =>
  bp === null || bp === undefined ? '' : formatMinorAsDecimal(bp, 2).replace(/\.?0+$/, '');

const itemsDraftOf = (items: ItemTarget | undefined): ItemsDraft =>
  !items
    ? { scope: 'products', ids: [] }
    : items.scope === 'products'
      ? { scope: 'products', ids: items.productIds }
      : { scope: 'collections', ids: items.collectionIds };

/** The form's start: the discount as it is, or a new 10 % code discount starting now. */
export function discountDraftOf(discount: Discount | null, currency: string): DiscountDraft {
  const offer = discount?.buyXGetY;
  const target = discount?.appliesTo;
  return {
    title: discount?.title ?? '',
    kind: discount?.kind ?? 'code',
    codes: discount?.codes ?? [],
    type: discount?.type ?? 'percentage',
    percent: discount ? percentInputOf(discount.percentBp) : '10',
    amounts: amountDrafts(discount?.amounts, currency),
    scope: target?.scope ?? 'order',
    targetIds:
      target?.scope === 'products'
        ? target.productIds
        : target?.scope === 'collections'
          ? target.collectionIds
          : [],
    oncePerOrder: discount?.oncePerOrder ?? true,
    buys: itemsDraftOf(offer?.buys.items),
    buysBy: offer?.buys.minimumAmounts ? 'amount' : 'quantity',
    buysQuantity: offer?.buys.quantity ?? 2,
    buysAmounts: amountDrafts(offer?.buys.minimumAmounts, currency),
    gets: itemsDraftOf(offer?.gets.items),
    getsQuantity: offer?.gets.quantity ?? 1,
    getsPercent: offer ? percentInputOf(offer.gets.percentBp) : '100',
    maxUsesPerOrder: offer?.maxUsesPerOrder ?? '',
    minimum: discount?.minimumSubtotal ? 'subtotal' : discount?.minimumQuantity ? 'quantity' : 'none',
    minimumAmounts: amountDrafts(discount?.minimumSubtotal, currency),
    minimumQuantity: discount?.minimumQuantity ?? '',
    segments: discount?.customerSegments ?? [],
    startsAt: localInputOf(discount?.startsAt ?? new Date().toISOString()),
    endsAt: localInputOf(discount?.endsAt),
    usageLimit: discount?.usageLimit ?? '',
    perCustomerLimit: discount?.perCustomerLimit ?? '',
    combinesWith: discount?.combinesWith ?? { order: false, product: false, shipping: false },
    enabled: discount?.enabled ?? true,
  };
}

type Found = Partial<Record<DiscountField, string>>;

function readPercent(text: string, found: Found, field: DiscountField): number | null {
  const parsed = parseDecimalToMinor(text.trim().replace(/\s*%$/, '').replace(',', '.'), 2);
  if (!parsed.ok || parsed.amount < 1 || parsed.amount > 10_000) {
    found[field] = 'A percentage from 0.01 to 100, at most two decimals.';
    return null;
  }
  return parsed.amount;
}

function readAmounts(drafts: AmountDraft[], found: Found, field: DiscountField): CurrencyAmounts | null {
  const amounts: CurrencyAmounts = {};
  for (const draft of drafts) {
    const parsed = parseMoneyText(draft.amount, draft.currency);
    if (!parsed.ok || parsed.amount === null || parsed.amount < 1) {
      found[field] = parsed.ok
        ? `Give an amount above 0 in ${draft.currency}.`
        : `${draft.currency}: ${parsed.message}`;
      return null;
    }
    if (amounts[draft.currency] !== undefined) {
      found[field] = `${draft.currency} is given twice.`;
      return null;
    }
    amounts[draft.currency] = parsed.amount;
  }
  if (drafts.length === 0) found[field] = 'Give an amount in at least one currency.';
  return amounts;
}

function readCount(
  value: number | string,
  found: Found,
  field: DiscountField,
  optional: boolean,
): number | null {
  if (value === '' && optional) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    found[field] = optional ? 'A whole number from 1, or empty for no limit.' : 'A whole number from 1.';
    return null;
  }
  return value;
}

function readTime(text: string, found: Found, field: DiscountField): string | null {
  const date = new Date(text);
  if (!text || Number.isNaN(date.getTime())) {
    found[field] = 'Choose a day and time.';
    return null;
  }
  return date.toISOString();
}

function targetOf(scope: ItemScope, ids: string[]): ItemTarget {
  return scope === 'products' ? { scope, productIds: ids } : { scope, collectionIds: ids };
}

/** The draft in the API's shape, or the inputs it finds wrong (the server checks the rest). */
export function definitionOf(
  draft: DiscountDraft,
): { ok: true; definition: DiscountDefinition } | { ok: false; found: Found } {
  const found: Found = {};
  if (!draft.title.trim()) found.title = 'Give the discount a title, e.g. Summer 10.';
  const type = draft.type;
  const percentBp = type === 'percentage' ? readPercent(draft.percent, found, 'percent') : null;
  const amounts = type === 'fixed_amount' ? readAmounts(draft.amounts, found, 'amounts') : null;
  const itemScoped = type === 'percentage' || type === 'fixed_amount';
  const scope = itemScoped ? draft.scope : 'order';
  if (scope !== 'order' && draft.targetIds.length === 0)
    found.target = `Choose at least one of the ${scope}.`;
  let buyXGetY: DiscountDefinition['buyXGetY'] = null;
  if (type === 'buy_x_get_y') {
    if (draft.buys.ids.length === 0) found.buys = `Choose the ${draft.buys.scope} to buy.`;
    if (draft.gets.ids.length === 0) found.gets = `Choose the ${draft.gets.scope} that get the discount.`;
    const quantity = draft.buysBy === 'quantity' ? readCount(draft.buysQuantity, found, 'buys', false) : null;
    const minimumAmounts = draft.buysBy === 'amount' ? readAmounts(draft.buysAmounts, found, 'buys') : null;
    const getsQuantity = readCount(draft.getsQuantity, found, 'gets', false);
    const getsPercent = readPercent(draft.getsPercent, found, 'gets');
    const maxUses = readCount(draft.maxUsesPerOrder, found, 'maxUsesPerOrder', true);
    buyXGetY = {
      buys: { items: targetOf(draft.buys.scope, draft.buys.ids), quantity, minimumAmounts },
      gets: {
        items: targetOf(draft.gets.scope, draft.gets.ids),
        quantity: getsQuantity ?? 1,
        percentBp: getsPercent ?? 10_000,
      },
      maxUsesPerOrder: maxUses,
    };
  }
  const minimumSubtotal =
    draft.minimum === 'subtotal' ? readAmounts(draft.minimumAmounts, found, 'minimum') : null;
  const minimumQuantity =
    draft.minimum === 'quantity' ? readCount(draft.minimumQuantity, found, 'minimum', false) : null;
  const startsAt = readTime(draft.startsAt, found, 'startsAt');
  const endsAt = draft.endsAt ? readTime(draft.endsAt, found, 'endsAt') : null;
  const usageLimit = readCount(draft.usageLimit, found, 'usageLimit', true);
  const perCustomerLimit = readCount(draft.perCustomerLimit, found, 'perCustomerLimit', true);
  if (Object.keys(found).length > 0) return { ok: false, found };
  return {
    ok: true,
    definition: {
      title: draft.title.trim(),
      kind: draft.kind,
      codes: draft.kind === 'code' ? draft.codes.map((c) => c.trim()).filter(Boolean) : [],
      type,
      percentBp,
      amounts,
      appliesTo: scope === 'order' ? { scope: 'order' } : targetOf(scope, draft.targetIds),
      oncePerOrder: type === 'fixed_amount' && scope !== 'order' ? draft.oncePerOrder : true,
      buyXGetY,
      minimumSubtotal,
      minimumQuantity,
      customerSegments: draft.segments.map((s) => s.trim().toLowerCase()).filter(Boolean),
      startsAt: startsAt!,
      endsAt,
      usageLimit,
      perCustomerLimit,
      combinesWith: draft.combinesWith,
      enabled: draft.enabled,
    },
  };
}
