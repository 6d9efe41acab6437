import { badRequest } from '../../../platform/errors.ts';
import { isCurrencyCode } from '../../../platform/money/currencies.ts';
import { applicationOrder, bestCombination, combines, discountClassOf } from './combination.ts';
import { type DiscountShare, discountShare } from './discount-amounts.ts';
import { ineligibility } from './eligibility.ts';
import type {
  AppliedDiscount,
  Cart,
  DiscountCandidate,
  DiscountContext,
  DiscountResult,
  RejectedDiscount,
} from './types.ts';

const normalCode = (code: string) => code.trim().toLowerCase();

/**
 * Works out which discounts apply to a cart and what each takes off each line and off shipping.
 * Pure and deterministic: the same cart, candidates (in any order) and context give the same answer.
 *
 * 1. Automatic discounts are considered as they are; a code discount only when one of its codes
 *    was entered (case ignored). Entered codes no candidate has are `unknown_code`.
 * 2. Each considered discount is checked on its own (`ineligibility`) and priced alone on the
 *    full cart; one that would take nothing is `nothing_to_discount`.
 * 3. They are ranked by that saving (then code discounts before automatic ones, then id), and the
 *    combinable set that saves the most is chosen (`bestCombination`); the others are
 *    `does_not_combine`, naming the chosen discounts they clash with.
 * 4. The chosen discounts are applied in order (product, then order, then shipping discounts), each
 *    on what the ones before left of each line (`discountShare`).
 *
 * Every line's discount is the sum of its allocations, never more than the line; the totals are
 * sums of the lines, so they always agree. Errors: 400 `invalid_cart`.
 */
export function applyDiscounts(
  cart: Cart,
  candidates: readonly DiscountCandidate[],
  context: DiscountContext,
): DiscountResult {
  assertCart(cart);
  const rejected: RejectedDiscount[] = [];
  const { considered, unknownCodes } = consider(candidates, context.codes);
  for (const code of unknownCodes) rejected.push({ discountId: null, code, reason: 'unknown_code' });

  const subtotals = cart.lines.map((line) => line.unitAmount * line.quantity);
  const codeOf = new Map(considered.map((c) => [c.discount.id, c.code]));
  const alone: { discount: DiscountCandidate; saving: number }[] = [];
  for (const { discount, code } of considered) {
    const blocked = ineligibility(discount, cart, context);
    if (blocked) {
      rejected.push({ discountId: discount.id, code, ...blocked });
      continue;
    }
    const share = discountShare(discount, cart, subtotals, cart.shippingAmount);
    const saving = total(share);
    if (saving === 0) rejected.push({ discountId: discount.id, code, reason: 'nothing_to_discount' });
    else alone.push({ discount, saving });
  }
  const ranked = alone
    .sort(
      (a, b) =>
        b.saving - a.saving ||
        Number(b.discount.kind === 'code') - Number(a.discount.kind === 'code') ||
        compare(a.discount.id, b.discount.id),
    )
    .map((entry) => entry.discount);

  const chosen = bestCombination(ranked, (set) => applySet(set, cart, subtotals).saving);
  const chosenIds = new Set(chosen.map((d) => d.id));
  for (const discount of ranked) {
    if (chosenIds.has(discount.id)) continue;
    const clashes = chosen.filter((c) => !combines(c, discount)).map((c) => c.id);
    rejected.push({
      discountId: discount.id,
      code: codeOf.get(discount.id) ?? null,
      ...(clashes.length > 0
        ? { reason: 'does_not_combine' as const, details: { conflictsWith: clashes } }
        : { reason: 'nothing_to_discount' as const }),
    });
  }

  const outcome = applySet(chosen, cart, subtotals);
  const applied: AppliedDiscount[] = [];
  for (const { discount, share } of outcome.steps) {
    const lineAmount = share.lines.reduce((sum, part) => sum + part, 0);
    if (lineAmount + share.shipping === 0) {
      // Earlier discounts left nothing for it to take.
      rejected.push({
        discountId: discount.id,
        code: codeOf.get(discount.id) ?? null,
        reason: 'nothing_to_discount',
      });
      continue;
    }
    applied.push({
      discountId: discount.id,
      title: discount.title,
      code: codeOf.get(discount.id) ?? null,
      type: discount.type,
      class: discountClassOf(discount),
      amount: lineAmount + share.shipping,
      lineAmount,
      shippingAmount: share.shipping,
    });
  }

  const lines = cart.lines.map((line, i) => {
    const allocations = outcome.steps
      .map(({ discount, share }) => ({ discountId: discount.id, amount: share.lines[i]! }))
      .filter((a) => a.amount > 0);
    const discount = allocations.reduce((sum, a) => sum + a.amount, 0);
    return {
      lineId: line.lineId,
      subtotal: subtotals[i]!,
      discount,
      total: subtotals[i]! - discount,
      allocations,
    };
  });
  const shippingAllocations = outcome.steps
    .map(({ discount, share }) => ({ discountId: discount.id, amount: share.shipping }))
    .filter((a) => a.amount > 0);
  const shippingDiscount = shippingAllocations.reduce((sum, a) => sum + a.amount, 0);
  const subtotal = subtotals.reduce((sum, s) => sum + s, 0);
  const lineDiscountTotal = lines.reduce((sum, line) => sum + line.discount, 0);
  return {
    currency: cart.currency,
    lines,
    shipping: {
      amount: cart.shippingAmount,
      discount: shippingDiscount,
      total: cart.shippingAmount - shippingDiscount,
      allocations: shippingAllocations,
    },
    subtotal,
    lineDiscountTotal,
    shippingDiscountTotal: shippingDiscount,
    discountTotal: lineDiscountTotal + shippingDiscount,
    total: subtotal - lineDiscountTotal + cart.shippingAmount - shippingDiscount,
    applied,
    rejected,
  };
}

/** The discounts to look at, with the code that unlocked each, and the entered codes nothing has. */
function consider(candidates: readonly DiscountCandidate[], entered: readonly string[]) {
  const codes = [...new Set(entered.map(normalCode).filter((c) => c.length > 0))];
  const byId = new Map<string, DiscountCandidate>();
  for (const c of [...candidates].sort((a, b) => compare(a.id, b.id))) if (!byId.has(c.id)) byId.set(c.id, c);
  const matched = new Set<string>();
  const considered: { discount: DiscountCandidate; code: string | null }[] = [];
  for (const discount of byId.values()) {
    if (discount.kind === 'automatic') {
      considered.push({ discount, code: null });
      continue;
    }
    const own = new Map(discount.codes.map((c) => [normalCode(c), c]));
    const hit = codes.find((c) => own.has(c));
    if (hit === undefined) continue;
    for (const c of codes) if (own.has(c)) matched.add(c);
    considered.push({ discount, code: own.get(hit)! });
  }
  // Reported as the customer typed them (trimmed), in the order entered.
  const unknownCodes: string[] = [];
  const reported = new Set<string>();
  for (const raw of entered) {
    const key = normalCode(raw);
    if (key.length === 0 || matched.has(key) || reported.has(key)) continue;
    reported.add(key);
    unknownCodes.push(raw.trim());
  }
  return { considered, unknownCodes };
}

/** Applies the set in application order, each discount on what the ones before left. */
function applySet(set: readonly DiscountCandidate[], cart: Cart, subtotals: readonly number[]) {
  const remaining = [...subtotals];
  let shippingRemaining = cart.shippingAmount;
  const steps: { discount: DiscountCandidate; share: DiscountShare }[] = [];
  let saving = 0;
  for (const discount of applicationOrder(set)) {
    const share = discountShare(discount, cart, remaining, shippingRemaining);
    share.lines.forEach((part, i) => {
      remaining[i]! -= part;
    });
    shippingRemaining -= share.shipping;
    saving += total(share);
    steps.push({ discount, share });
  }
  return { steps, saving };
}

const total = (share: DiscountShare) => share.lines.reduce((sum, part) => sum + part, share.shipping);

/** Code-point order, not the locale's, so ids sort the same everywhere. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assertCart(cart: Cart): void {
  const fail = (message: string, details: Record<string, unknown>) => {
    throw badRequest('invalid_cart', message, details);
  };
  if (!isCurrencyCode(cart.currency))
    fail('The cart currency is not an ISO 4217 code.', { currency: cart.currency });
  if (!Number.isSafeInteger(cart.shippingAmount) || cart.shippingAmount < 0) {
    fail('Shipping must be a whole, non-negative number of minor units.', {
      shippingAmount: cart.shippingAmount,
    });
  }
  const ids = new Set<string>();
  let sum = cart.shippingAmount;
  for (const [index, line] of cart.lines.entries()) {
    if (!line.lineId || ids.has(line.lineId)) fail('Each line needs its own lineId.', { index });
    ids.add(line.lineId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1)
      fail('Quantities are whole numbers from 1.', { index });
    if (!Number.isSafeInteger(line.unitAmount) || line.unitAmount < 0) {
      fail('Unit amounts are whole, non-negative minor units.', { index });
    }
    sum += line.unitAmount * line.quantity;
    if (!Number.isSafeInteger(sum)) fail('The cart total is too large.', { index });
  }
}
