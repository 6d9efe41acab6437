import { z } from 'zod';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { isCurrencyCode } from '../../platform/money/currencies.ts';
import { collectionsOfProducts, findProductIds } from '../catalog/index.ts';
import { loadDiscountCandidates } from './candidates.ts';
import { customerKey } from './customer-key.ts';
import { applyDiscounts } from './engine/apply-discounts.ts';
import type { CartLine, DiscountContext, DiscountResult } from './engine/types.ts';

/** A cart as the checkout (or the admin's evaluate endpoint) hands it over: no collections yet. */
export interface CartToPrice {
  currency: string;
  lines: Omit<CartLine, 'collectionIds'>[];
  shippingAmount: number;
}

/**
 * What the store's discounts take off a cart, for the checkout: the collections of each line's
 * product come from the catalog, the candidates from `loadDiscountCandidates`, the answer from the
 * engine (`applyDiscounts`). Reading only; reserve the applied discounts' usage when the order is
 * placed (`reserveDiscountUsage` with `result.applied`).
 */
export async function evaluateDiscounts(
  db: Db,
  storeId: string,
  cart: CartToPrice,
  context: DiscountContext,
): Promise<DiscountResult> {
  const [collections, candidates] = await Promise.all([
    collectionsOfProducts(
      db,
      storeId,
      cart.lines.map((l) => l.productId),
    ),
    loadDiscountCandidates(db, storeId, {
      codes: context.codes,
      customerKey: context.customerKey,
      now: context.now,
    }),
  ]);
  const lines = cart.lines.map((line) => ({ ...line, collectionIds: collections.get(line.productId) ?? [] }));
  return applyDiscounts({ ...cart, lines }, candidates, context);
}

const id = z.string().min(1).max(64);

/** The evaluate endpoint's body: a cart to try the store's discounts on, before checkouts exist. */
export const evaluateCartInput = z
  .object({
    /** The store's currency when left out. */
    currency: z.string().refine(isCurrencyCode, 'Not an ISO 4217 currency code (upper case).').optional(),
    lines: z
      .array(
        z
          .object({
            lineId: z.string().min(1).max(64).optional(),
            variantId: id.optional(),
            productId: id,
            quantity: z.number().int().min(1).max(1_000_000),
            unitAmount: z
              .number()
              .int('Send amounts in minor units (an integer).')
              .min(0)
              .max(1_000_000_000_000),
          })
          .strict(),
      )
      .max(250)
      .refine(
        (lines) =>
          new Set(lines.flatMap((l) => l.lineId ?? [])).size === lines.filter((l) => l.lineId).length,
        'Line ids must differ.',
      ),
    shippingAmount: z.number().int().min(0).max(1_000_000_000_000).default(0),
    customerKey: customerKey.nullable().default(null),
    segments: z.array(z.string().trim().toLowerCase().min(1).max(64)).max(50).default([]),
    codes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
    /** Evaluate as at this time (to try a scheduled discount); now when left out. */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type EvaluateCartInput = z.input<typeof evaluateCartInput>;

/** Runs the evaluate endpoint's cart; products must be the store's (422 `unknown_products`, naming them). */
export async function evaluateCart(
  db: Db,
  storeId: string,
  storeCurrency: string,
  input: EvaluateCartInput,
): Promise<DiscountResult> {
  const body = evaluateCartInput.parse(input);
  const productIds = body.lines.map((l) => l.productId);
  const known = await findProductIds(db, storeId, productIds);
  const unknown = [...new Set(productIds.filter((p) => !known.has(p)))];
  if (unknown.length > 0) {
    throw unprocessable('unknown_products', 'Some products do not exist in this store.', { unknown });
  }
  const lines = body.lines.map((line, index) => ({
    lineId: line.lineId ?? `line-${index + 1}`,
    variantId: line.variantId ?? null,
    productId: line.productId,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
  }));
  return evaluateDiscounts(
    db,
    storeId,
    { currency: body.currency ?? storeCurrency, lines, shippingAmount: body.shippingAmount },
    {
      now: body.at ? new Date(body.at) : clock.now(),
      customerKey: body.customerKey,
      segments: body.segments,
      codes: body.codes,
    },
  );
}
