import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { candidate, context } from '../testing/engine-fixtures.ts';
import { applyDiscounts } from './apply-discounts.ts';
import { combines } from './combination.ts';
import type {
  Allocation,
  Cart,
  DiscountCandidate,
  DiscountContext,
  DiscountTarget,
  ItemTarget,
} from './types.ts';

const currencies = ['JPY', 'EUR', 'KWD'] as const;
const productIds = ['p1', 'p2', 'p3', 'p4'];
const collectionIds = ['c1', 'c2', 'c3'];
const now = context().now;

const amount = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 5_000 }),
  fc.integer({ min: 0, max: 2_000_000_000 }),
);
/** Mostly true: discounts that combine stack, which is where the arithmetic gets interesting. */
const often = fc.constantFrom(true, true, false);
/** Mostly null: most discounts in a scenario should be able to apply, so the rules get exercised. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: arb, weight: 1 });

const cartArb: fc.Arbitrary<Cart> = fc
  .record({
    currency: fc.constantFrom(...currencies),
    lines: fc.array(
      fc.record({
        productId: fc.constantFrom(...productIds),
        collectionIds: fc.subarray(collectionIds),
        quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1000 })),
        unitAmount: amount,
      }),
      { minLength: 0, maxLength: 6 },
    ),
    shippingAmount: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ lines, ...rest }) => ({
    ...rest,
    lines: lines.map((l, i) => ({ ...l, lineId: `l${i}`, variantId: `v${i}` })),
  }));

const itemTarget: fc.Arbitrary<ItemTarget> = fc.oneof(
  fc.record({
    scope: fc.constant('products' as const),
    productIds: fc.subarray(productIds, { minLength: 1 }),
  }),
  fc.record({
    scope: fc.constant('collections' as const),
    collectionIds: fc.subarray(collectionIds, { minLength: 1 }),
  }),
);
const target: fc.Arbitrary<DiscountTarget> = fc.oneof(fc.constant({ scope: 'order' as const }), itemTarget);
/** Amounts in some of the currencies, so carts in the others meet `wrong_currency`. */
const perCurrency = (max: number) =>
  fc
    .subarray([...currencies], { minLength: 1 })
    .chain((codes) =>
      fc.tuple(...codes.map(() => fc.integer({ min: 1, max }))).map((v) => [codes, v] as const),
    )
    .map(([codes, values]) => Object.fromEntries(codes.map((c, i) => [c, values[i]!])));

const discountArb = (id: string): fc.Arbitrary<DiscountCandidate> =>
  fc
    .record({
      kind: fc.constantFrom('code' as const, 'automatic' as const),
      type: fc.constantFrom(
        'percentage' as const,
        'fixed_amount' as const,
        'free_shipping' as const,
        'buy_x_get_y' as const,
      ),
      percentBp: fc.integer({ min: 1, max: 10000 }),
      amounts: perCurrency(50_000_000),
      appliesTo: target,
      oncePerOrder: fc.boolean(),
      buys: itemTarget,
      buysQuantity: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      buysMinimum: perCurrency(20_000),
      gets: itemTarget,
      getsQuantity: fc.integer({ min: 1, max: 3 }),
      getsBp: fc.integer({ min: 1, max: 10000 }),
      maxUses: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      minimumSubtotal: rarely(perCurrency(100_000)),
      minimumQuantity: rarely(fc.integer({ min: 1, max: 10 })),
      startsInHours: fc.oneof(
        { arbitrary: fc.integer({ min: -100, max: 0 }), weight: 5 },
        fc.integer({ min: 1, max: 5 }),
      ),
      endsInHours: rarely(fc.integer({ min: -5, max: 100 })),
      usageLimit: rarely(fc.integer({ min: 1, max: 5 })),
      used: fc.integer({ min: 0, max: 5 }),
      perCustomerLimit: rarely(fc.integer({ min: 1, max: 2 })),
      customerUsed: fc.integer({ min: 0, max: 2 }),
      combinesWith: fc.record({ order: often, product: often, shipping: often }),
      enabled: fc.constantFrom(true, true, true, true, true, true, true, false),
    })
    .map((d) =>
      candidate({
        id,
        kind: d.kind,
        codes: d.kind === 'code' ? [`CODE-${id}`] : [],
        type: d.type,
        percentBp: d.type === 'percentage' ? d.percentBp : null,
        amounts: d.type === 'fixed_amount' ? d.amounts : null,
        appliesTo: d.type === 'percentage' || d.type === 'fixed_amount' ? d.appliesTo : { scope: 'order' },
        oncePerOrder: d.oncePerOrder,
        buyXGetY:
          d.type === 'buy_x_get_y'
            ? {
                buys: {
                  items: d.buys,
                  quantity: d.buysQuantity,
                  minimumAmounts: d.buysQuantity === null ? d.buysMinimum : null,
                },
                gets: { items: d.gets, quantity: d.getsQuantity, percentBp: d.getsBp },
                maxUsesPerOrder: d.maxUses,
              }
            : null,
        minimumSubtotal: d.minimumSubtotal,
        minimumQuantity: d.minimumQuantity,
        startsAt: new Date(now.getTime() + d.startsInHours * 3_600_000),
        endsAt: d.endsInHours === null ? null : new Date(now.getTime() + d.endsInHours * 3_600_000),
        usageLimit: d.usageLimit,
        used: d.used,
        perCustomerLimit: d.perCustomerLimit,
        customerUsed: d.customerUsed,
        combinesWith: d.combinesWith,
        enabled: d.enabled,
      }),
    );

const scenario = fc
  .integer({ min: 0, max: 6 })
  .chain((n) =>
    fc.record({
      cart: cartArb,
      discounts: fc.tuple(...Array.from({ length: n }, (_, i) => discountArb(`d${i}`))),
      // Most codes entered (in any case), sometimes one no discount has.
      entered: fc
        .tuple(...Array.from({ length: n }, () => fc.constantFrom(true, true, true, false)), fc.boolean())
        .map((picks) => picks.flatMap((pick, i) => (!pick ? [] : i === n ? ['NOPE'] : [`code-d${i}`]))),
      customerKey: fc.option(fc.constant('ada@example.test'), { nil: null, freq: 4 }),
      shuffle: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    }),
  )
  .map((s) => ({
    ...s,
    context: { ...context(), customerKey: s.customerKey, codes: s.entered } satisfies DiscountContext,
    shuffled: s.discounts
      .map((d, i) => ({ d, k: s.shuffle[i]! }))
      .sort((a, b) => a.k - b.k)
      .map((e) => e.d),
  }));

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

test('for any cart and mix of discounts, the money always adds up and never goes below zero', () => {
  fc.assert(
    fc.property(scenario, ({ cart, discounts, context, shuffled }) => {
      const result = applyDiscounts(cart, discounts, context);
      const numbers = [
        result.subtotal,
        result.total,
        result.discountTotal,
        result.lineDiscountTotal,
        result.shippingDiscountTotal,
        ...result.lines.flatMap((l) => [
          l.subtotal,
          l.discount,
          l.total,
          ...l.allocations.map((a) => a.amount),
        ]),
        ...result.applied.flatMap((a) => [a.amount, a.lineAmount, a.shippingAmount]),
      ];
      for (const n of numbers) assert.ok(Number.isSafeInteger(n), `not whole minor units: ${n}`);

      for (const [i, l] of result.lines.entries()) {
        assert.equal(l.subtotal, cart.lines[i]!.unitAmount * cart.lines[i]!.quantity);
        assert.equal(l.discount, sum(l.allocations.map((a) => a.amount)));
        assert.ok(l.discount >= 0 && l.discount <= l.subtotal, `line ${l.lineId} below zero`);
        assert.equal(l.total, l.subtotal - l.discount);
        for (const a of l.allocations) assert.ok(a.amount > 0);
      }
      assert.ok(result.shipping.discount >= 0 && result.shipping.total >= 0);
      assert.equal(result.lineDiscountTotal, sum(result.lines.map((l) => l.discount)));
      assert.equal(result.shippingDiscountTotal, result.shipping.discount);
      assert.equal(result.discountTotal, result.lineDiscountTotal + result.shippingDiscountTotal);
      assert.equal(result.discountTotal, sum(result.applied.map((a) => a.amount)));
      assert.equal(result.total, result.subtotal + cart.shippingAmount - result.discountTotal);

      // Each applied discount is exactly the sum of what it took off lines and shipping.
      for (const a of result.applied) {
        assert.ok(a.amount > 0);
        const of = (allocations: Allocation[]) =>
          sum(allocations.filter((x) => x.discountId === a.discountId).map((x) => x.amount));
        assert.equal(sum(result.lines.map((l) => of(l.allocations))), a.lineAmount);
        assert.equal(of(result.shipping.allocations), a.shippingAmount);
      }
      // Applied discounts all combine with each other; each considered discount is told once.
      for (const a of result.applied) {
        for (const b of result.applied) {
          if (a !== b) assert.ok(combines(byId(discounts, a.discountId), byId(discounts, b.discountId)));
        }
      }
      const told = [
        ...result.applied.map((a) => a.discountId),
        ...result.rejected.flatMap((r) => r.discountId ?? []),
      ];
      assert.equal(new Set(told).size, told.length);

      // Deterministic, whatever order the candidates come in.
      assert.deepEqual(applyDiscounts(cart, shuffled, context), result);
      assert.deepEqual(applyDiscounts(cart, discounts, context), result);

      // The chosen set saves at least as much as any one discount alone.
      for (const d of discounts) {
        assert.ok(applyDiscounts(cart, [d], context).discountTotal <= result.discountTotal);
      }
    }),
    { numRuns: 1500 },
  );
});

function byId(discounts: readonly DiscountCandidate[], id: string): DiscountCandidate {
  return discounts.find((d) => d.id === id)!;
}
