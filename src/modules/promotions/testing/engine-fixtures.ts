import type { Cart, CartLine, DiscountCandidate, DiscountContext } from '../engine/types.ts';

/** Test builders for the engine: a discount with everything off but what the test names. */
export function candidate(
  overrides: Partial<DiscountCandidate> & Pick<DiscountCandidate, 'id'>,
): DiscountCandidate {
  return {
    title: overrides.id,
    kind: 'automatic',
    codes: [],
    type: 'percentage',
    percentBp: 1000,
    amounts: null,
    appliesTo: { scope: 'order' },
    oncePerOrder: true,
    buyXGetY: null,
    minimumSubtotal: null,
    minimumQuantity: null,
    customerSegments: [],
    startsAt: new Date('2025-01-01T00:00:00Z'),
    endsAt: null,
    usageLimit: null,
    used: 0,
    perCustomerLimit: null,
    customerUsed: 0,
    combinesWith: { order: false, product: false, shipping: false },
    enabled: true,
    ...overrides,
  };
}

export function line(
  lineId: string,
  unitAmount: number,
  quantity = 1,
  more: Partial<Pick<CartLine, 'productId' | 'collectionIds'>> = {},
): CartLine {
  return {
    lineId,
    variantId: `var_${lineId}`,
    productId: more.productId ?? `prod_${lineId}`,
    collectionIds: more.collectionIds ?? [],
    quantity,
    unitAmount,
  };
}

export function cart(lines: CartLine[], shippingAmount = 0, currency = 'EUR'): Cart {
  return { currency, lines, shippingAmount };
}

export function context(overrides: Partial<DiscountContext> = {}): DiscountContext {
  return {
    now: new Date('2025-06-01T12:00:00Z'),
    customerKey: 'ada@example.test',
    segments: [],
    codes: [],
    ...overrides,
  };
}

export const allCombine = { order: true, product: true, shipping: true };
