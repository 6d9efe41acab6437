import { z } from 'zod';
import { conditionMatches, productConditions } from '../collections/product-conditions.ts';
import { checkPriceRange, productFilterFields } from '../product-filter/index.ts';
import { productStatuses } from '../product-input.ts';

/** What a bulk operation asks for, as the API takes it. */

export const MAX_SELECTED_IDS = 5_000;

/**
 * "Every product the list shows": the product list's own filter (same fields, same meaning, so the
 * selection is the set the person saw), plus optional rule conditions as collections take them.
 */
export const productFilter = z
  .object({
    ...productFilterFields,
    match: z.enum(conditionMatches).default('all'),
    conditions: productConditions.default([]),
  })
  .strict()
  .superRefine(checkPriceRange);

export const bulkSelection = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_SELECTED_IDS).optional(),
    filter: productFilter.optional(),
  })
  .strict()
  .refine((s) => (s.ids === undefined) !== (s.filter === undefined), {
    message: 'Select products either by ids or by filter.',
  });

export type ProductFilter = z.output<typeof productFilter>;
export type BulkSelection = z.output<typeof bulkSelection>;

const tagList = z.array(z.string().trim().min(1).max(255)).min(1).max(50);

/** Percent with at most two decimals, more than -100 (a price never goes to or below zero by percent). */
const percent = z
  .number()
  .gt(-100)
  .max(1_000)
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'Use at most two decimals.');

export const priceChange = z.discriminatedUnion('by', [
  z.object({ by: z.literal('percent'), percent }).strict(),
  z
    .object({
      by: z.literal('amount'),
      /** Minor units to add (negative to lower prices). */
      amount: z.number().int('Send the amount in minor units (an integer).').min(-1e12).max(1e12),
    })
    .strict(),
]);

/**
 * How a changed price is rounded: to the nearest minor unit, to whole currency units, or to the
 * nearest price ending in `ending` minor units (99 → 12.99) repeating every `step` minor units
 * (default one whole unit; e.g. ending 980, step 1000 for ¥1,980).
 */
export const priceRounding = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }).strict(),
  z.object({ mode: z.literal('whole') }).strict(),
  z
    .object({
      mode: z.literal('ending'),
      ending: z.number().int().min(0).max(1_000_000),
      step: z.number().int().min(1).max(10_000_000).optional(),
    })
    .strict(),
]);

export const bulkActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_status'), status: z.enum(productStatuses) }).strict(),
  z.object({ type: z.literal('add_tags'), tags: tagList }).strict(),
  z.object({ type: z.literal('remove_tags'), tags: tagList }).strict(),
  z.object({ type: z.literal('add_to_collection'), collectionId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('remove_from_collection'), collectionId: z.string().min(1).max(64) }).strict(),
  z
    .object({
      type: z.literal('change_price'),
      change: priceChange,
      rounding: priceRounding.default({ mode: 'none' }),
    })
    .strict(),
  z.object({ type: z.literal('delete') }).strict(),
]);

export const createBulkOperationInput = z
  .object({ selection: bulkSelection, action: bulkActionInput })
  .strict();

export type PriceChange = z.output<typeof priceChange>;
export type PriceRounding = z.output<typeof priceRounding>;
export type BulkActionInput = z.output<typeof bulkActionInput>;
/** An undo is an operation too; it is created by asking to undo another, never sent as an action. */
export type BulkAction = BulkActionInput | { type: 'undo' };
export type CreateBulkOperationInput = z.input<typeof createBulkOperationInput>;
