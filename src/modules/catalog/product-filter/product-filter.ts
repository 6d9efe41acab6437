import { z } from 'zod';
import { productStatuses } from '../product-input.ts';
import { missingContent, searchLimits } from '../search/index.ts';

/**
 * What narrows the admin product list: the one filter shape shared by the list's query string, a
 * bulk operation's "every product the filter matches" and saved views, so the three always mean the
 * same products. Lists of values are alternatives (vendor A or B); different fields combine.
 */

/** One value or several: a query string repeats the parameter (?vendor=A&vendor=B), JSON sends an array. */
function oneOrMany<T extends z.ZodType<string>>(item: T) {
  return z
    .union([item, z.array(item).max(searchLimits.filterValues)])
    .transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));
}

/** Where products stand in the publishing workflow's review, as the list can narrow to it. */
export const reviewFilters = ['waiting'] as const;

const value = z.string().trim().min(1, 'Give a value.').max(255);
const entityId = z.string().min(1).max(64);

/** Minor units of the store currency; a query string sends digits, JSON a number. */
const minorUnits = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,13}$/, 'Send the price in minor units (an integer).')
      .transform(Number),
  ])
  .pipe(z.number().int('Send the price in minor units (an integer).').min(0).max(1_000_000_000_000));

/** The fields of the filter, to compose into a route's query string or a request body. */
export const productFilterFields = {
  /** Words of the title, description, vendor, type, tags or option values, or the start of a SKU. */
  q: z.string().trim().max(searchLimits.textLength).optional(),
  status: z.enum(productStatuses).optional(),
  vendor: oneOrMany(value).optional(),
  productType: oneOrMany(value).optional(),
  /** Any of these tags, in any case. */
  tag: oneOrMany(value).optional(),
  /** This category and every category below it. */
  categoryId: entityId.optional(),
  /** The members of a manual collection, or the products a rule collection's rules match. */
  collectionId: entityId.optional(),
  /** Inclusive bounds; a product matches when one of its variants' prices is within them. */
  priceMin: minorUnits.optional(),
  priceMax: minorUnits.optional(),
  /** Products lacking all of this content. */
  missing: oneOrMany(z.enum(missingContent)).optional(),
  /** `waiting`: products with changes waiting for a reviewer (the daily briefing links here). */
  review: z.enum(reviewFilters).optional(),
};

/** A price range whose minimum is above its maximum matches nothing: it is a mistake, said so. */
export function checkPriceRange(
  filter: { priceMin?: number | undefined; priceMax?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (filter.priceMin !== undefined && filter.priceMax !== undefined && filter.priceMin > filter.priceMax) {
    ctx.addIssue({
      code: 'custom',
      path: ['priceMax'],
      message: 'The highest price is below the lowest.',
    });
  }
}

/** The filter on its own (saved views keep it). */
export const productListFilter = z.object(productFilterFields).strict().superRefine(checkPriceRange);

export type ProductListFilter = z.output<typeof productListFilter>;

const listFields = ['vendor', 'productType', 'tag', 'missing'] as const;

/**
 * The filter written one way: no empty values, lists without repeats in a fixed order, fields in a
 * fixed order. Equal filters give equal JSON, which is what cache keys and saved views compare.
 */
export function canonicalProductFilter(filter: ProductListFilter): ProductListFilter {
  const out: ProductListFilter = {};
  if (filter.q) out.q = filter.q;
  if (filter.status) out.status = filter.status;
  for (const field of listFields) {
    const values = filter[field];
    if (values?.length) {
      (out as Record<string, string[]>)[field] = [...new Set<string>(values)].sort();
    }
  }
  if (filter.categoryId) out.categoryId = filter.categoryId;
  if (filter.collectionId) out.collectionId = filter.collectionId;
  if (filter.priceMin !== undefined) out.priceMin = filter.priceMin;
  if (filter.priceMax !== undefined) out.priceMax = filter.priceMax;
  if (filter.review) out.review = filter.review;
  return out;
}

/** A string naming the filter (with every field), for cache keys. */
export function productFilterKey(filter: ProductListFilter): string {
  return JSON.stringify(canonicalProductFilter(filter));
}
