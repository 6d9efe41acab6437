import { and, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { productStatuses } from '../product-input.ts';
import { categories, products } from '../schema.ts';

/**
 * Conditions on products, used by rule collections ("tag = sale AND price < 50.00") and by bulk
 * operations that select products by filter. They are turned into one SQL predicate on `products`
 * so that matching always happens in the database against the current rows.
 *
 * Text comparisons ignore case (imports bring "Sale" and "sale" alike); a missing vendor or type
 * counts as empty text, so "vendor is not Acme" matches products without a vendor.
 */
const text = z.string().trim().min(1, 'Give a value.').max(255);

export const textOperators = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
] as const;
export const amountOperators = ['lt', 'lte', 'gt', 'gte', 'equals', 'not_equals'] as const;

export const productCondition = z.discriminatedUnion('field', [
  z.object({ field: z.literal('tag'), operator: z.enum(['equals', 'not_equals']), value: text }).strict(),
  z
    .object({
      field: z.enum(['title', 'vendor', 'productType']),
      operator: z.enum(textOperators),
      value: text,
    })
    .strict(),
  z
    .object({
      /** The lowest variant price, in minor units of the store currency. */
      field: z.literal('price'),
      operator: z.enum(amountOperators),
      value: z.number().int('Send the price in minor units (an integer).').min(0).max(1_000_000_000_000),
    })
    .strict(),
  z
    .object({
      /** In the category or any category below it. */
      field: z.literal('category'),
      operator: z.enum(['in', 'not_in']),
      value: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({
      field: z.literal('status'),
      operator: z.enum(['equals', 'not_equals']),
      value: z.enum(productStatuses),
    })
    .strict(),
]);

export type ProductCondition = z.output<typeof productCondition>;
export const conditionMatches = ['all', 'any'] as const;
export type ConditionMatch = (typeof conditionMatches)[number];

export const MAX_CONDITIONS = 25;
export const productConditions = z.array(productCondition).max(MAX_CONDITIONS);

function textPredicate(column: SQL, operator: (typeof textOperators)[number], value: string): SQL {
  // Both sides are lowered by PostgreSQL (one notion of case); strpos, starts_with and right compare
  // literally, so a % or _ in the value is never a wildcard.
  const v = sql`lower(${value}::text)`;
  switch (operator) {
    case 'equals':
      return sql`lower(${column}) = ${v}`;
    case 'not_equals':
      return sql`lower(${column}) <> ${v}`;
    case 'contains':
      return sql`strpos(lower(${column}), ${v}) > 0`;
    case 'not_contains':
      return sql`strpos(lower(${column}), ${v}) = 0`;
    case 'starts_with':
      return sql`starts_with(lower(${column}), ${v})`;
    case 'ends_with':
      return sql`right(lower(${column}), length(${v})) = ${v}`;
  }
}

const amountSql: Record<(typeof amountOperators)[number], string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  equals: '=',
  not_equals: '<>',
};

function conditionSql(storeId: string, condition: ProductCondition): SQL {
  switch (condition.field) {
    case 'tag': {
      // Lowering the array's text form and reading it back lowers every tag (quoting and escapes
      // have no letters); it costs less per row than unnesting the tags in a subquery.
      const hasTag = sql`lower(${condition.value}::text) = any(lower(${products.tags}::text)::text[])`;
      return condition.operator === 'equals' ? hasTag : sql`not ${hasTag}`;
    }
    case 'title':
      return textPredicate(sql`${products.title}`, condition.operator, condition.value);
    case 'vendor':
      return textPredicate(sql`coalesce(${products.vendor}, '')`, condition.operator, condition.value);
    case 'productType':
      return textPredicate(sql`coalesce(${products.productType}, '')`, condition.operator, condition.value);
    case 'price':
      return sql`${products.priceAmount} ${sql.raw(amountSql[condition.operator])} ${condition.value}`;
    case 'category': {
      // The category is named by id; its subtree is found by path at read time, so renaming or
      // moving categories never leaves a rule pointing at a stale list.
      const inTree = sql`${products.categoryId} in (
        select d.id from ${categories} d join ${categories} r on r.store_id = d.store_id
        where r.id = ${condition.value} and r.store_id = ${storeId}
          and (d.path = r.path or starts_with(d.path, r.path || ' > ')))`;
      return condition.operator === 'in' ? inTree : sql`(${products.categoryId} is null or not ${inTree})`;
    }
    case 'status':
      return condition.operator === 'equals'
        ? sql`${products.status} = ${condition.value}`
        : sql`${products.status} <> ${condition.value}`;
  }
}

/**
 * The predicate "a product of this store that meets the conditions". No conditions match every
 * product with `all` and none with `any`, like an empty AND and an empty OR.
 */
export function productConditionsSql(
  storeId: string,
  match: ConditionMatch,
  conditions: readonly ProductCondition[],
): SQL {
  const inStore = sql`${products.storeId} = ${storeId}`;
  if (conditions.length === 0) return match === 'all' ? inStore : sql`false`;
  const parts = conditions.map((c) => conditionSql(storeId, c));
  return and(inStore, match === 'all' ? and(...parts) : or(...parts))!;
}
