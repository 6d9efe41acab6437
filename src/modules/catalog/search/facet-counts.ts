import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import {
  hasVariantFilters,
  type ListingFilters,
  optionValueCondition,
  variantConditions,
} from './listing-filters.ts';
import { priceBuckets } from './price-buckets.ts';
import { orderKeys, type PageOrder } from './result-page.ts';
import type { CatalogSearch, FacetValue, SearchFacets } from './search-request.ts';
import { type CategoryEntry, rollUpCounts } from './store-categories.ts';

interface FacetRow {
  facet: 'vendor' | 'type' | 'category' | 'price' | 'summary' | 'option' | 'page';
  value: string | null;
  detail: string | null;
  n: number;
  /** On the summary row: products with a variant that can be sold now. */
  sellable: number | null;
}

/** The page wanted along with the counts: its order (over `p`, see result-page.ts) and bounds. */
export interface PageWanted {
  order: PageOrder;
  limit: number;
  offset: number;
}

/** The columns a page's order needs, carried through the statement so the page comes out of it. */
function orderColumns(order: PageOrder): SQL {
  return sql`p.id, p.price_amount, p.published_at, p.created_at, p.updated_at,
    ${order.rank ?? sql`0`} as rank, ${order.sort === 'title' || order.sort === 'title-desc' ? order.title : sql`null::text`} as sort_title`;
}

/** The page's ids, numbered in order, from the relation `from` (aliased p) filtered by `where`. */
function pageRows(from: SQL, where: SQL, page: PageWanted): SQL {
  const keys = orderKeys(
    page.order.sort,
    page.order.rank ? sql`p.rank` : null,
    sql`p.sort_title`,
    page.order.collectionId,
  );
  return sql`
    select 'page', p.id, null, (row_number() over (order by ${keys}))::int, null
    from (select * from ${from} as p where ${where} order by ${keys}
      limit ${page.limit} offset ${page.offset}) as p`;
}

/** Values shown per facet; the rest are the long tail a shopper would search for instead. */
const MAX_FACET_VALUES = 30;

/**
 * Facet counts when no variant filter is chosen: everything is known from the product rows, read
 * once. The product facets are counted in one pass (grouping sets), each with the filters of the
 * other facets only; option values come from the product's option list (`facet_options`, kept by
 * the database), which is what its variants offer.
 */
function productFacetStatement(filters: ListingFilters, ladder: number[], page: PageWanted): SQL {
  const sellable = filters.everyVariantAvailable
    ? sql`true`
    : sql`exists (select 1 from product_variants v where v.product_id = p.id and ${filters.available})`;
  return sql`
    with base as materialized (
      select ${orderColumns(page.order)}, p.vendor, p.product_type, p.category_id, p.facet_options,
        width_bucket(p.price_amount, ${sql.param(ladder)}::bigint[]) as step,
        ${filters.vendor ?? sql`true`} as vendor_ok,
        ${filters.productType ?? sql`true`} as type_ok,
        ${sellable} as sellable
      from products p
      where ${filters.base}
    )
    select
      case when grouping(vendor) = 0 then 'vendor' when grouping(product_type) = 0 then 'type'
        when grouping(category_id) = 0 then 'category' else 'price' end as facet,
      coalesce(vendor, product_type, category_id, step::text) as value,
      null as detail,
      (case when grouping(vendor) = 0 then count(*) filter (where type_ok)
        when grouping(product_type) = 0 then count(*) filter (where vendor_ok)
        else count(*) filter (where vendor_ok and type_ok) end)::int as n,
      null::int as sellable
    from base
    group by grouping sets ((vendor), (product_type), (category_id), (step))
    union all
    select 'summary', min(price_amount)::text, max(price_amount)::text, count(*)::int,
      count(*) filter (where sellable)::int
    from base where vendor_ok and type_ok
    union all
    select 'option', split_part(pair, chr(31), 1), split_part(pair, chr(31), 2), count(*)::int, null
    from (select unnest(facet_options) as pair from base where vendor_ok and type_ok) as pairs
    group by pair
    union all
    ${pageRows(sql`base`, sql`vendor_ok and type_ok`, page)}`;
}

/**
 * Facet counts under variant filters (options, price, stock). The matching products are read once
 * (`base`, with their product-filter flags) and their variants once (`variants`, one flag per
 * variant filter); each facet is then counted with every filter except its own, at variant level.
 */
function variantFacetStatement(filters: ListingFilters, ladder: number[], page: PageWanted): SQL {
  const names = [sql`p.name1`, sql`p.name2`, sql`p.name3`];
  const optionFlags = filters.options.map(
    ({ filter }, i) => sql`${optionValueCondition(filter, names)} as option_ok_${sql.raw(String(i))}`,
  );
  // Inside `variants` each variant filter is one column; the conditions below combine the columns.
  const flagged: ListingFilters = {
    ...filters,
    options: filters.options.map((o, i) => ({ ...o, condition: sql.raw(`option_ok_${i}`) })),
    price: filters.price ? sql.raw('price_ok') : null,
    stock: filters.stock ? sql.raw('stock_ok') : null,
  };
  const all = variantConditions(flagged);
  const allButPrice = variantConditions(flagged, { price: true });
  const allButStock = variantConditions(flagged, { stock: true });
  // A variant row counts towards the option value in position i when it passes every variant filter
  // except the one on that option's own name.
  const optionOk = (i: number) => {
    const branches = filters.options.map(
      ({ filter }) =>
        sql`when v.name${sql.raw(String(i))} = ${filter.name} then ${variantConditions(flagged, { option: filter.name })}`,
    );
    return branches.length ? sql`(case ${sql.join(branches, sql` `)} else ${all} end)` : all;
  };
  return sql`
    with base as materialized (
      select ${orderColumns(page.order)}, p.vendor, p.product_type, p.category_id,
        p.options->0->>'name' as name1, p.options->1->>'name' as name2, p.options->2->>'name' as name3,
        ${filters.vendor ?? sql`true`} as vendor_ok,
        ${filters.productType ?? sql`true`} as type_ok
      from products p
      where ${filters.base}
    ),
    variants as materialized (
      select v.product_id, p.vendor_ok, p.type_ok, p.name1, p.name2, p.name3,
        v.option1, v.option2, v.option3, v.price_amount,
        ${filters.available} as available_ok,
        ${filters.price ?? sql`true`} as price_ok
        ${filters.stock ? sql`, ${filters.stock} as stock_ok` : sql``}
        ${optionFlags.length ? sql`, ${sql.join(optionFlags, sql`, `)}` : sql``}
      from base p join product_variants v on v.product_id = p.id
    ),
    per_variant as (
      select product_id,
        bool_or(${all}) as variant_ok,
        bool_or(${allButStock} and available_ok) as sellable,
        min(price_amount) filter (where ${allButPrice}) as price
      from variants group by product_id
    ),
    per_product as materialized (
      select p.id, p.price_amount, p.published_at, p.created_at, p.updated_at, p.rank, p.sort_title,
        p.vendor, p.product_type, p.category_id, p.vendor_ok, p.type_ok,
        coalesce(a.variant_ok, false) as variant_ok, coalesce(a.sellable, false) as sellable, a.price
      from base p left join per_variant a on a.product_id = p.id
    )
    select
      case when grouping(vendor) = 0 then 'vendor' when grouping(product_type) = 0 then 'type'
        else 'category' end as facet,
      coalesce(vendor, product_type, category_id) as value,
      null as detail,
      (case when grouping(vendor) = 0 then count(*) filter (where variant_ok and type_ok)
        when grouping(product_type) = 0 then count(*) filter (where variant_ok and vendor_ok)
        else count(*) filter (where variant_ok and vendor_ok and type_ok) end)::int as n,
      null::int as sellable
    from per_product
    group by grouping sets ((vendor), (product_type), (category_id))
    union all
    select 'price', width_bucket(price, ${sql.param(ladder)}::bigint[])::text, null, count(*)::int, null
      from per_product where vendor_ok and type_ok and price is not null group by 2
    union all
    select 'summary', min(price)::text, max(price)::text,
      count(*) filter (where variant_ok)::int, count(*) filter (where sellable)::int
      from per_product where vendor_ok and type_ok
    union all
    select 'option', name, value, count(*)::int, null
    from (
      -- Each product once per value: hashing distinct rows is much cheaper than count(distinct).
      select distinct v.product_id, o.name, o.value
      from variants v
      cross join lateral (values (v.name1, v.option1, ${optionOk(1)}),
        (v.name2, v.option2, ${optionOk(2)}), (v.name3, v.option3, ${optionOk(3)})) as o(name, value, ok)
      where v.vendor_ok and v.type_ok and o.ok and o.name is not null and o.value <> ''
    ) as offered
    group by name, value
    union all
    ${pageRows(sql`per_product`, sql`variant_ok and vendor_ok and type_ok`, page)}`;
}

function values(
  counts: Map<string, number>,
  selected: readonly string[] | undefined,
  order: 'count' | 'natural' = 'count',
): FacetValue[] {
  const chosen = new Set(selected ?? []);
  // A chosen value stays listed even when nothing matches it any more, so it can be unchosen.
  for (const value of chosen) if (!counts.has(value)) counts.set(value, 0);
  const list = [...counts.entries()].map(([value, count]) => ({ value, count, selected: chosen.has(value) }));
  list.sort((a, b) =>
    order === 'count' && b.count !== a.count ? b.count - a.count : a.value.localeCompare(b.value, 'en'),
  );
  const shown = list.slice(0, MAX_FACET_VALUES);
  for (const value of list.slice(MAX_FACET_VALUES)) if (value.selected) shown.push(value);
  return shown;
}

/** The order a shopper expects for option values: sizes small to large, the rest alphabetically. */
const SIZE_ORDER = ['xxs', 'xs', 's', 'm', 'l', 'xl', 'xxl', 'xxxl', '2xl', '3xl', '4xl'];

function optionValueOrder(a: FacetValue, b: FacetValue): number {
  const sa = SIZE_ORDER.indexOf(a.value.toLowerCase());
  const sb = SIZE_ORDER.indexOf(b.value.toLowerCase());
  if (sa >= 0 && sb >= 0) return sa - sb;
  if (sa >= 0 !== sb >= 0) return sa >= 0 ? -1 : 1;
  return a.value.localeCompare(b.value, 'en', { numeric: true });
}

/**
 * The facet counts, the number of matches and the ids of the wanted page, in one statement: the
 * matching products are read once for all three.
 */
export async function countFacets(
  db: Db,
  search: CatalogSearch,
  filters: ListingFilters,
  categories: readonly CategoryEntry[],
  ladder: number[],
  page: PageWanted,
): Promise<{ facets: SearchFacets; total: number; pageIds: string[] }> {
  const statement = hasVariantFilters(filters)
    ? variantFacetStatement(filters, ladder, page)
    : productFacetStatement(filters, ladder, page);
  const rows = resultRows<FacetRow>(await db.execute(statement));
  const vendors = new Map<string, number>();
  const types = new Map<string, number>();
  const direct = new Map<string, number>();
  const steps = new Map<number, number>();
  const options = new Map<string, Map<string, number>>();
  let range: { min: number; max: number } | null = null;
  let total = 0;
  let inStock = 0;
  const ordinals = new Map<string, number>();
  for (const row of rows) {
    const n = Number(row.n);
    if (row.facet === 'page') {
      ordinals.set(row.value!, n);
      continue;
    }
    // Products without a vendor, type or category are counted in the total, not as a value; values
    // that only products filtered out by another facet have are not offered.
    if (row.value === null || row.value === '' || (n === 0 && row.facet !== 'summary')) continue;
    if (row.facet === 'vendor') vendors.set(row.value, n);
    else if (row.facet === 'type') types.set(row.value, n);
    else if (row.facet === 'category') direct.set(row.value, n);
    else if (row.facet === 'price') steps.set(Number(row.value), n);
    else if (row.facet === 'summary') {
      total = n;
      inStock = Number(row.sellable ?? 0);
      range = { min: Number(row.value), max: Number(row.detail) };
    } else if (row.facet === 'option' && row.detail) {
      const byValue = options.get(row.value) ?? new Map<string, number>();
      byValue.set(row.detail, n);
      options.set(row.value, byValue);
    }
  }
  for (const filter of search.options ?? [])
    if (!options.has(filter.name)) options.set(filter.name, new Map());
  const totals = rollUpCounts(categories, direct);
  const facets: SearchFacets = {
    categories: categories
      .filter((c) => (totals.get(c.id) ?? 0) > 0)
      .map((c) => ({ ...c, count: totals.get(c.id)! })),
    vendors: values(vendors, search.vendors),
    productTypes: values(types, search.productTypes),
    options: [...options.entries()]
      .map(([name, counts]) => ({
        name,
        values: values(counts, search.options?.find((o) => o.name === name)?.values, 'natural').sort(
          optionValueOrder,
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    price: range ? { ...range, buckets: priceBuckets(ladder, steps) } : null,
    inStock,
  };
  const pageIds = [...ordinals.keys()].sort((a, b) => ordinals.get(a)! - ordinals.get(b)!);
  return { facets, total, pageIds };
}
