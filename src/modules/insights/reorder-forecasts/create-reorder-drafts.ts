import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import type { Actor, Store } from '../../access/index.ts';
import { createPurchaseOrder, listLocations, purchaseOrderLabel } from '../../inventory/index.ts';
import { reorderForecastSettings, reorderForecasts } from './reorder-forecasts.ts';

/**
 * "Create draft purchase orders": the forecast reorders made into drafts, one per supplier, in one
 * transaction (all or none), through the purchasing module's own `createPurchaseOrder`, which
 * checks each line against the supplier's catalog and writes the audit log.
 */

const id = z.string().min(1).max(64);

export const createReorderDraftsInput = reorderForecastSettings
  .extend({
    /** Where the goods go; the store's first active location when left out. */
    locationId: id.optional(),
    /** Only these suppliers' groups; every group with something to order when left out. */
    supplierIds: z.array(id).min(1).max(200).optional(),
  })
  .strict();
export type CreateReorderDraftsInput = z.output<typeof createReorderDraftsInput>;

export interface CreatedReorderDraft {
  id: string;
  /** PO-1001. */
  label: string;
  supplierId: string;
  lines: number;
  units: number;
}

export async function createReorderDrafts(
  db: Db,
  store: Pick<Store, 'id' | 'name' | 'baseCurrency' | 'locale' | 'timezone'>,
  actor: Actor,
  input: CreateReorderDraftsInput,
): Promise<CreatedReorderDraft[]> {
  const { groups } = await reorderForecasts(db, store, {
    serviceLevel: input.serviceLevel,
    reviewPeriodDays: input.reviewPeriodDays,
  });
  const wanted = input.supplierIds ? new Set(input.supplierIds) : null;
  const chosen = wanted ? groups.filter((g) => wanted.has(g.supplier.id)) : groups;
  if (chosen.length === 0) {
    throw unprocessable('nothing_to_reorder', 'No supplier has anything to reorder under these settings.', {
      path: wanted ? 'supplierIds' : undefined,
    });
  }
  const locationId = input.locationId ?? (await defaultLocationId(db, store.id));
  return db.transaction(async (tx) => {
    const created: CreatedReorderDraft[] = [];
    for (const group of chosen) {
      const order = await createPurchaseOrder(
        tx,
        { store, actor },
        {
          supplierId: group.supplier.id,
          locationId,
          note: `Forecast reorder at a ${Math.round(input.serviceLevel * 1000) / 10}% service level.`,
          lines: group.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
        },
      );
      created.push({
        id: order.id,
        label: purchaseOrderLabel(order.number),
        supplierId: group.supplier.id,
        lines: group.lines.length,
        units: group.units,
      });
    }
    return created;
  });
}

async function defaultLocationId(db: Db, storeId: string): Promise<string> {
  const location = (await listLocations(db, storeId)).find((l) => l.active);
  if (!location) {
    throw unprocessable('no_active_location', 'The store has no active location to deliver to.', {
      path: 'locationId',
    });
  }
  return location.id;
}
