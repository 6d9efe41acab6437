import { type SQL, sql } from 'drizzle-orm';
import { products } from '../schema.ts';
import type { ListingQuery, MissingContent, OptionFilter } from './search-request.ts';
import { everyVariantAvailable, type StockSource } from './stock-source.ts';

/**
 * A search's filters as SQL over `products p` and, per variant, `product_variants v`. A product
 * matches when it passes the product filters (store, status, category, text, vendor, type) and has
 * one variant passing every variant filter at once (options, price, stock): "Red in M, in stock"
 * needs a red M variant in stock, not a red one and an M one.
 */
export interface ListingFilters {
  /** Store, statuses, category, collection, tags, missing content and text: the set every count starts from. */
  base: SQL;
  vendor: SQL | null;
  productType: SQL | null;
  options: { filter: OptionFilter; condition: SQL }[];
  price: SQL | null;
  stock: SQL | null;
  /** The availability test, whether or not the shopper filters by it (for the in-stock count). */
  available: SQL;
  /** True when the source says every variant is available, so stock needs no look at variants. */
  everyVariantAvailable: boolean;
}

const variant = sql.raw('v');

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** The variant's value for the option called `name` (its position differs between products). */
export function optionValueCondition(filter: OptionFilter, names: readonly SQL[]): SQL {
  const values = textArray(filter.values);
  const columns = [sql`v.option1`, sql`v.option2`, sql`v.option3`];
  const branches = names.map(
    (name, i) => sql`when ${name} = ${filter.name} then ${columns[i]} = any(${values})`,
  );
  return sql`(case ${sql.join(branches, sql` `)} else false end)`;
}

/** Markup, non-breaking spaces and white space: what is left of a description without text is ''. */
const NOT_TEXT = '<[^>]*>|&nbsp;|&#160;|\\s';

/** The condition "product `p` lacks this content". The first gallery image is kept on the row. */
function missingCondition(missing: MissingContent): SQL {
  switch (missing) {
    case 'image':
      return sql`p.image_url is null`;
    case 'description':
      return sql`regexp_replace(p.description, ${NOT_TEXT}, '', 'g') = ''`;
    case 'category':
      return sql`p.category_id is null`;
  }
}

/** The option names of product `p`, by position. */
export const productOptionNames = [
  sql`p.options->0->>'name'`,
  sql`p.options->1->>'name'`,
  sql`p.options->2->>'name'`,
];

export function listingFilters(
  search: ListingQuery,
  text: SQL | null,
  categoryIds: readonly string[] | null,
): ListingFilters {
  const stock: StockSource = search.stock ?? everyVariantAvailable;
  const base: SQL[] = [sql`p.store_id = ${search.store.id}`];
  if (search.statuses) base.push(sql`p.status = any(${textArray(search.statuses)})`);
  if (categoryIds) base.push(sql`p.category_id = any(${textArray(categoryIds)})`);
  if (search.collectionId) {
    base.push(sql`p.id in (select cp.product_id from collection_products cp
      where cp.collection_id = ${search.collectionId})`);
  }
  if (search.productsWhere) {
    base.push(sql`p.id in (select ${products.id} from ${products} where ${search.productsWhere})`);
  }
  if (search.tags?.length) {
    // Tags compare without case (imports bring "Sale" and "sale" alike), as collection rules do.
    base.push(sql`lower(p.tags::text)::text[] && lower(${textArray(search.tags)}::text)::text[]`);
  }
  for (const missing of new Set(search.missing ?? [])) base.push(missingCondition(missing));
  if (text) base.push(text);
  const price: SQL[] = [];
  if (search.price?.min !== undefined) price.push(sql`v.price_amount >= ${search.price.min}`);
  if (search.price?.max !== undefined) price.push(sql`v.price_amount <= ${search.price.max}`);
  const available = stock.variantAvailable(variant);
  return {
    base: sql.join(base, sql` and `),
    vendor: search.vendors?.length ? sql`p.vendor = any(${textArray(search.vendors)})` : null,
    productType: search.productTypes?.length
      ? sql`p.product_type = any(${textArray(search.productTypes)})`
      : null,
    options: (search.options ?? []).map((filter) => ({
      filter,
      condition: optionValueCondition(filter, productOptionNames),
    })),
    price: price.length ? sql.join(price, sql` and `) : null,
    stock: search.inStock && !stock.everyVariantAvailable ? available : null,
    available,
    everyVariantAvailable: Boolean(stock.everyVariantAvailable),
  };
}

/** Every variant filter except the ones left out, joined with AND (`true` when none remain). */
export function variantConditions(
  filters: ListingFilters,
  leaveOut: { option?: string; price?: boolean; stock?: boolean } = {},
): SQL {
  const parts: SQL[] = [];
  for (const { filter, condition } of filters.options)
    if (filter.name !== leaveOut.option) parts.push(condition);
  if (filters.price && !leaveOut.price) parts.push(filters.price);
  if (filters.stock && !leaveOut.stock) parts.push(filters.stock);
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

export function hasVariantFilters(filters: ListingFilters): boolean {
  return filters.options.length > 0 || filters.price !== null || filters.stock !== null;
}

/** The whole match: product filters, and one variant passing all variant filters when there are any. */
export function matchCondition(filters: ListingFilters): SQL {
  const parts = [filters.base];
  if (filters.vendor) parts.push(filters.vendor);
  if (filters.productType) parts.push(filters.productType);
  if (hasVariantFilters(filters)) {
    parts.push(
      sql`exists (select 1 from product_variants v where v.product_id = p.id and ${variantConditions(filters)})`,
    );
  }
  return sql.join(parts, sql` and `);
}
