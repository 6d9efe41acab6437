import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { unprocessable } from '../../../platform/errors.ts';
import type { Store } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { variantStock } from '../levels.ts';
import { runningOutCondition, supplierLeadTimes, variantSalesRates } from '../sales-rate.ts';
import { purchaseOrderLabel } from './purchase-order-records.ts';
import {
  chooseSupplier,
  type ReorderQuantity,
  reorderBufferDays,
  reorderQuantity,
  type SupplierChoice,
  type SupplierOffer,
} from './reorder-quantity.ts';

/** As many variants as one purchase order takes lines. */
const maxVariants = 500;

export const reorderSuggestionQuery = z
  .object({
    /** Comma-separated variant ids. */
    variantIds: z
      .string()
      .transform((s) => [...new Set(s.split(',').filter(Boolean))])
      .pipe(z.array(z.string().min(1).max(64)).min(1).max(maxVariants))
      .optional(),
    /** Every tracked variant running out over the active locations (the inventory table's filter). */
    state: z.enum(['running-out', 'needs-stock']).optional(),
  })
  .strict()
  .refine((q) => (q.variantIds === undefined) !== (q.state === undefined), {
    message: 'Give either variantIds or state (running-out or needs-stock).',
    path: ['variantIds'],
  });
/** The query as checked: the ids split. */
export type ReorderSuggestionQuery = z.output<typeof reorderSuggestionQuery>;

export interface ReorderSupplier {
  id: string;
  name: string;
  currency: string;
  leadTimeDays: number;
  /** Units over all lines of an order; null: none. */
  minimumOrderQuantity: number | null;
}

/**
 * `order`: buy `quantity`; `covered`: available and incoming stock last the lead time and buffer;
 * `no_sales`: nothing sold lately; `no_supplier`: no active supplier sells it; `untracked`: stock
 * is not counted, so there is nothing to run out.
 */
export type ReorderReason = 'order' | 'covered' | 'no_sales' | 'no_supplier' | 'untracked';

export interface ReorderSuggestion {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  reason: ReorderReason;
  /** Units to order (0 unless `reason` is `order`). */
  quantity: number;
  supplier: ReorderSupplier | null;
  supplierChoice: SupplierChoice | null;
  unitCost: { amount: number; currency: string } | null;
  /** The numbers behind the quantity, so a person can check it. */
  calculation: {
    soldPerDay: number;
    available: number;
    incoming: number;
    /** The chosen supplier's; null without one. */
    leadTimeDays: number | null;
    bufferDays: number;
    coverDays: number | null;
    targetUnits: number;
    shortfall: number;
    packSize: number | null;
    packs: number;
    minimumOrderQuantity: number | null;
    roundedUpBy: ReorderQuantity['roundedUpBy'];
  };
  /** Draft orders that already hold the variant (drafts are not yet incoming). */
  drafts: { id: string; label: string; supplierId: string; quantity: number }[];
}

/** The lines to order from one supplier: one draft purchase order. */
export interface ReorderGroup {
  supplier: ReorderSupplier;
  variantIds: string[];
  units: number;
  /** In the supplier's currency. */
  total: { amount: number; currency: string };
  /** The units fall short of the supplier's minimum order, so it cannot be sent as is. */
  belowSupplierMinimum: boolean;
}

export interface ReorderSuggestions {
  bufferDays: number;
  /** One per variant asked for (running out: soonest to run out first). */
  items: ReorderSuggestion[];
  /** Suppliers with something to order, by name. */
  groups: ReorderGroup[];
}

interface OfferRow extends SupplierOffer {
  variantId: string;
  supplierMinimumOrderQuantity: number | null;
}

/**
 * What to reorder for the variants asked for (`variantIds`, or every one running out): the
 * supplier (`chooseSupplier`), the quantity (`reorderQuantity`) and the numbers behind it, grouped
 * by supplier so each group can become one draft order. Explicit ids must be the store's
 * (422 `unknown_variant`).
 */
export async function reorderSuggestions(
  db: Db,
  store: Pick<Store, 'id' | 'baseCurrency'>,
  query: ReorderSuggestionQuery,
): Promise<ReorderSuggestions> {
  const ids = query.variantIds ?? (await runningOutVariantIds(db, store.id, query.state === 'needs-stock'));
  const variants = await findStockVariants(db, store.id, ids);
  if (query.variantIds) {
    const unknown = ids.find((id) => !variants.has(id));
    if (unknown) {
      throw unprocessable('unknown_variant', `No variant ${unknown} in this store.`, {
        path: 'variantIds',
        id: unknown,
      });
    }
  }
  const known = ids.filter((id) => variants.has(id));
  const [stock, offers, drafts] = await Promise.all([
    variantStock(db, store.id, known),
    supplierOffers(db, store.id, known),
    draftLines(db, store.id, known),
  ]);

  const items = known.map((variantId): ReorderSuggestion => {
    const variant = variants.get(variantId)!;
    const numbers = stock.get(variantId)!;
    const chosen = chooseSupplier(
      offers.filter((o) => o.variantId === variantId),
      store.baseCurrency,
    );
    const offer = chosen?.offer;
    const computed = reorderQuantity({
      soldPerDay: numbers.soldPerDay,
      available: numbers.available,
      incoming: numbers.incoming,
      leadTimeDays: offer?.leadTimeDays ?? 0,
      packSize: offer?.packSize ?? 1,
      minimumOrderQuantity: offer?.minimumOrderQuantity ?? 1,
    });
    const reason: ReorderReason = !numbers.tracked
      ? 'untracked'
      : numbers.soldPerDay <= 0
        ? 'no_sales'
        : !offer
          ? 'no_supplier'
          : computed.quantity > 0
            ? 'order'
            : 'covered';
    return {
      variantId,
      productTitle: variant.productTitle,
      variantTitle: variant.title,
      sku: variant.sku,
      reason,
      quantity: reason === 'order' ? computed.quantity : 0,
      supplier: offer
        ? {
            id: offer.supplierId,
            name: offer.supplierName,
            currency: offer.currency,
            leadTimeDays: offer.leadTimeDays,
            minimumOrderQuantity: offer.supplierMinimumOrderQuantity,
          }
        : null,
      supplierChoice: chosen?.choice ?? null,
      unitCost: offer ? { amount: offer.costAmount, currency: offer.currency } : null,
      calculation: {
        soldPerDay: numbers.soldPerDay,
        available: numbers.available,
        incoming: numbers.incoming,
        leadTimeDays: offer?.leadTimeDays ?? null,
        bufferDays: reorderBufferDays,
        coverDays: offer ? computed.coverDays : null,
        targetUnits: offer ? computed.targetUnits : 0,
        shortfall: offer ? computed.shortfall : 0,
        packSize: offer?.packSize ?? null,
        packs: reason === 'order' ? computed.packs : 0,
        minimumOrderQuantity: offer?.minimumOrderQuantity ?? null,
        roundedUpBy: reason === 'order' ? computed.roundedUpBy : 'nothing',
      },
      drafts: drafts.filter((d) => d.variantId === variantId).map(({ variantId: _, ...d }) => d),
    };
  });
  return { bufferDays: reorderBufferDays, items, groups: groupBySupplier(items) };
}

/** The suggestions to order, one group per supplier, suppliers by name. */
export function groupBySupplier(items: readonly ReorderSuggestion[]): ReorderGroup[] {
  const groups = new Map<string, ReorderGroup>();
  for (const item of items) {
    if (item.reason !== 'order' || !item.supplier || !item.unitCost) continue;
    let group = groups.get(item.supplier.id);
    if (!group) {
      group = {
        supplier: item.supplier,
        variantIds: [],
        units: 0,
        total: { amount: 0, currency: item.supplier.currency },
        belowSupplierMinimum: false,
      };
      groups.set(item.supplier.id, group);
    }
    group.variantIds.push(item.variantId);
    group.units += item.quantity;
    group.total.amount += item.quantity * item.unitCost.amount;
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      belowSupplierMinimum:
        g.supplier.minimumOrderQuantity !== null && g.units < g.supplier.minimumOrderQuantity,
    }))
    .sort(
      (a, b) => a.supplier.name.localeCompare(b.supplier.name) || a.supplier.id.localeCompare(b.supplier.id),
    );
}

/**
 * Tracked variants running out over the store's active locations, soonest first: the rule of the
 * inventory table's "Running out" filter and of the hourly watch (sales-rate.ts). With `orOut`,
 * also those already out while they were selling (none available, a rate of sale above zero):
 * what the daily briefing asks to reorder — an empty shelf is more urgent than one emptying.
 */
async function runningOutVariantIds(db: Db, storeId: string, orOut: boolean): Promise<string[]> {
  const rows = resultRows<{ variant_id: string }>(
    await db.execute(sql`
      with levels as (
        select l.variant_id, sum(l.on_hand - l.reserved) as available
        from inventory_levels l join inventory_locations loc on loc.id = l.location_id
        where l.store_id = ${storeId} and loc.active
        group by l.variant_id
      ),
      rates as ${variantSalesRates(storeId, sql`loc.active`)},
      lead_times as ${supplierLeadTimes(storeId)}
      select i.variant_id
      from inventory_items i
      left join levels lv on lv.variant_id = i.variant_id
      left join rates rt on rt.variant_id = i.variant_id
      left join lead_times lt on lt.variant_id = i.variant_id
      where i.store_id = ${storeId} and i.tracked
        and (${runningOutCondition(sql`coalesce(lv.available, 0)`, sql`coalesce(rt.per_day, 0)`, sql`lt.days`)}
          ${orOut ? sql`or (coalesce(lv.available, 0) <= 0 and coalesce(rt.per_day, 0) > 0)` : sql``})
      order by greatest(coalesce(lv.available, 0), 0) / rt.per_day, i.variant_id
      limit ${maxVariants}`),
  );
  return rows.map((r) => r.variant_id);
}

/** Every supplier's terms for the variants, active or not (`chooseSupplier` decides). */
async function supplierOffers(db: Db, storeId: string, variantIds: readonly string[]): Promise<OfferRow[]> {
  if (variantIds.length === 0) return [];
  const rows = resultRows<{
    variant_id: string;
    supplier_id: string;
    supplier_name: string;
    currency: string;
    lead_time_days: number;
    active: boolean;
    supplier_minimum: number | null;
    cost_amount: string | number;
    pack_size: number;
    minimum_order_quantity: number;
    preferred: boolean;
  }>(
    await db.execute(sql`
      select sv.variant_id, sp.id as supplier_id, sp.name as supplier_name, sp.currency,
        sp.lead_time_days, sp.active, sp.minimum_order_quantity as supplier_minimum,
        sv.cost_amount, sv.pack_size, sv.minimum_order_quantity, sv.preferred
      from supplier_variants sv join suppliers sp on sp.id = sv.supplier_id
      where sv.store_id = ${storeId} and sv.variant_id = any(${sql.param([...variantIds])}::text[])`),
  );
  return rows.map((r) => ({
    variantId: r.variant_id,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    currency: r.currency,
    leadTimeDays: Number(r.lead_time_days),
    active: r.active,
    supplierMinimumOrderQuantity: r.supplier_minimum === null ? null : Number(r.supplier_minimum),
    costAmount: Number(r.cost_amount),
    packSize: Number(r.pack_size),
    minimumOrderQuantity: Number(r.minimum_order_quantity),
    preferred: r.preferred,
  }));
}

/** The variants' lines on draft orders, oldest order first. */
async function draftLines(db: Db, storeId: string, variantIds: readonly string[]) {
  if (variantIds.length === 0) return [];
  const rows = resultRows<{
    variant_id: string;
    id: string;
    number: number;
    supplier_id: string;
    quantity_ordered: number;
  }>(
    await db.execute(sql`
      select l.variant_id, po.id, po.number, po.supplier_id, l.quantity_ordered
      from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
      where po.store_id = ${storeId} and po.state = 'draft'
        and l.variant_id = any(${sql.param([...variantIds])}::text[])
      order by po.number`),
  );
  return rows.map((r) => ({
    variantId: r.variant_id,
    id: r.id,
    label: purchaseOrderLabel(Number(r.number)),
    supplierId: r.supplier_id,
    quantity: Number(r.quantity_ordered),
  }));
}
