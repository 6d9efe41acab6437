import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import type { Store } from '../../access/index.ts';
import { findStockVariants, stockVariantRelation } from '../../catalog/index.ts';
import { incomingStock } from '../levels.ts';
import { requireLocations } from '../locations/locations.ts';
import {
  daysOfCover,
  roundRate,
  runningOutCondition,
  supplierLeadTimes,
  variantSalesRates,
} from '../sales-rate.ts';
import type { StockState } from '../stock-states.ts';

/** `runs-out`: soonest to run out at the current rate of sale first; variants that do not sell last. */
export const stockListSorts = ['title', 'sku', 'available', 'available-desc', 'runs-out'] as const;
export type StockListSort = (typeof stockListSorts)[number];

/**
 * `overstock`: available above the variant's overstock threshold. `running-out`: still available
 * but lasting no longer than the running-out horizon or the quickest supplier's lead time.
 */
export const stockListStates = ['low', 'out', 'overstock', 'running-out'] as const;

export const stockListQuery = z
  .object({
    /** Title or SKU, as the admin product search reads it. */
    q: z.string().trim().max(200).optional(),
    /** Numbers (and so states) of this location only; otherwise of all active locations. */
    locationId: z.string().min(1).max(64).optional(),
    state: z.enum(stockListStates).optional(),
    /**
     * `untracked`: variants whose stock is not tracked yet (or no longer), to start tracking one;
     * the inventory table itself lists tracked variants.
     */
    tracking: z.enum(['tracked', 'untracked']).default('tracked'),
    sort: z.enum(stockListSorts).default('title'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type StockListQuery = z.input<typeof stockListQuery>;

export interface StockListRow {
  variantId: string;
  productId: string;
  productTitle: string;
  /** "Navy / M"; empty for a product's only variant. */
  title: string;
  sku: string | null;
  imageUrl: string | null;
  tracked: boolean;
  /** From the numbers of the row (the location's, when one is chosen). */
  state: StockState | 'untracked';
  overstock: boolean;
  lowStockThreshold: number | null;
  overstockThreshold: number | null;
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  /** Units sold per day lately (see sales-rate.ts). */
  soldPerDay: number;
  /** Days the available units last at that rate; null when nothing sells. */
  daysOfCover: number | null;
  /** The row is "running out" (see `stockListStates`). */
  runningOut: boolean;
}

export interface StockList {
  items: StockListRow[];
  total: number;
}

interface PageRow {
  variant_id: string;
  tracked: boolean;
  low_stock_threshold: number | null;
  overstock_threshold: number | null;
  on_hand: string | number;
  reserved: string | number;
  state: StockState | 'untracked';
  overstock: boolean;
  per_day: number;
  running_out: boolean;
  total: string | number;
}

function orderOf(sort: StockListSort): SQL {
  const byTitle = sql`lower(s.product_title), s.variant_position, s.variant_id`;
  switch (sort) {
    case 'title':
      return byTitle;
    case 'sku':
      // SKUs are codes: compared byte by byte, so the order is the same on every database.
      return sql`s.sku collate "C" nulls last, s.variant_id`;
    case 'available':
      return sql`s.on_hand - s.reserved, ${byTitle}`;
    case 'available-desc':
      return sql`s.on_hand - s.reserved desc, ${byTitle}`;
    case 'runs-out':
      return sql`s.cover nulls last, s.per_day desc, ${byTitle}`;
  }
}

function stateCondition(state: (typeof stockListStates)[number] | undefined): SQL {
  switch (state) {
    case undefined:
      return sql`true`;
    case 'overstock':
      return sql`s.overstock`;
    case 'running-out':
      return sql`s.running_out`;
    default:
      return sql`s.state = ${state}`;
  }
}

/**
 * The inventory table: one row per tracked variant with its product, SKU and image, on hand,
 * reserved, available, incoming, rate of sale, days of cover and state, filtered by location,
 * state and text, sorted and paged.
 * One statement reads the page and the total (stock joined with the catalog's variants, so text
 * and titles sort and filter in the database); two more read what the page shows (the variants'
 * titles and images, incoming units). The state follows the row's numbers: with a location chosen,
 * a variant is "out" there when that location has none available, whatever other locations hold.
 */
export async function listStock(
  db: Db,
  store: Pick<Store, 'id' | 'locale' | 'baseCurrency' | 'enabledLocales'>,
  input: StockListQuery,
): Promise<StockList> {
  const query = stockListQuery.parse(input);
  if (query.locationId) await requireLocations(db, store.id, [query.locationId]);
  const variants = await stockVariantRelation(db, store, query.q ? { text: query.q } : {});
  const levelScope = query.locationId ? sql`l.location_id = ${query.locationId}` : sql`loc.active`;
  const rateScope = query.locationId ? sql`loc.id = ${query.locationId}` : sql`loc.active`;
  const tracking = query.tracking === 'tracked' ? sql`i.tracked` : sql`not coalesce(i.tracked, false)`;

  const statement = (limit: number, offset: number) => sql`
    with levels as (
      select l.variant_id, sum(l.on_hand) as on_hand, sum(l.reserved) as reserved
      from inventory_levels l join inventory_locations loc on loc.id = l.location_id
      where l.store_id = ${store.id} and ${levelScope}
      group by l.variant_id
    ),
    rates as ${variantSalesRates(store.id, rateScope)},
    lead_times as ${supplierLeadTimes(store.id)},
    stock as (
      select cv.variant_id, cv.product_title, cv.variant_position, cv.sku,
        coalesce(i.tracked, false) as tracked, i.low_stock_threshold, i.overstock_threshold,
        coalesce(lv.on_hand, 0) as on_hand, coalesce(lv.reserved, 0) as reserved,
        coalesce(rt.per_day, 0)::float8 as per_day, lt.days as lead_time_days
      from ${variants} cv
      left join inventory_items i on i.variant_id = cv.variant_id and i.store_id = ${store.id}
      left join levels lv on lv.variant_id = cv.variant_id
      left join rates rt on rt.variant_id = cv.variant_id
      left join lead_times lt on lt.variant_id = cv.variant_id
      where ${tracking}
    ),
    covered as (
      select r.*,
        case when r.per_day > 0 then greatest(r.on_hand - r.reserved, 0) / r.per_day end as cover
      from stock r
    ),
    stated as (
      select r.*,
        -- The same rule as stockStateOf.
        case
          when not r.tracked then 'untracked'
          when r.on_hand - r.reserved <= 0 then 'out'
          when r.low_stock_threshold is not null and r.on_hand - r.reserved <= r.low_stock_threshold then 'low'
          else 'ok'
        end as state,
        (r.tracked and r.overstock_threshold is not null
          and r.on_hand - r.reserved > r.overstock_threshold) as overstock,
        r.tracked and ${runningOutCondition(sql`r.on_hand - r.reserved`, sql`r.per_day`, sql`r.lead_time_days`)}
          as running_out
      from covered r
    )
    select s.variant_id, s.tracked, s.low_stock_threshold, s.overstock_threshold, s.on_hand, s.reserved,
      s.state, s.overstock, s.per_day, s.running_out, count(*) over () as total
    from stated s
    where ${stateCondition(query.state)}
    order by ${orderOf(query.sort)}
    limit ${limit} offset ${offset}`;

  const page = resultRows<PageRow>(await db.execute(statement(query.limit, query.offset)));
  let total = Number(page[0]?.total ?? 0);
  if (page.length === 0 && query.offset > 0) {
    // Past the last page: the window count needs a row, so read one from the start.
    total = Number(resultRows<PageRow>(await db.execute(statement(1, 0)))[0]?.total ?? 0);
  }
  const ids = page.map((row) => row.variant_id);
  const [shown, incoming] = await Promise.all([
    findStockVariants(db, store.id, ids),
    incomingStock(db, store.id, ids),
  ]);
  // A variant deleted between the statements is left out rather than shown half.
  const items = page.flatMap((row): StockListRow[] => {
    const variant = shown.get(row.variant_id);
    if (!variant) return [];
    let units = 0;
    for (const [key, n] of incoming) {
      const [variantId, locationId] = key.split(' ');
      if (variantId === row.variant_id && (!query.locationId || locationId === query.locationId)) units += n;
    }
    const onHand = Number(row.on_hand);
    const reserved = Number(row.reserved);
    return [
      {
        variantId: row.variant_id,
        productId: variant.productId,
        productTitle: variant.productTitle,
        title: variant.title,
        sku: variant.sku,
        imageUrl: variant.imageUrl,
        tracked: row.tracked,
        state: row.state,
        overstock: row.overstock,
        lowStockThreshold: row.low_stock_threshold,
        overstockThreshold: row.overstock_threshold,
        onHand,
        reserved,
        available: onHand - reserved,
        incoming: units,
        soldPerDay: roundRate(row.per_day),
        daysOfCover: daysOfCover(onHand - reserved, row.per_day),
        runningOut: row.running_out,
      },
    ];
  });
  return { items, total };
}
