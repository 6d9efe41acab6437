import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvents } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';

/** The change-feed topic of a store's shipping setup: the cached setup is dropped when it is announced. */
export function shippingTopic(storeId: string): string {
  return `shipping:${storeId}`;
}

/** The one event of the module: the store's shipping setup changed (what, which, how). */
export const SHIPPING_UPDATED_EVENT = 'shipping.updated';

export type ShippingEntity = 'zone' | 'rate' | 'pickup_option';

export type ShippingUpdatedPayload = {
  entity: ShippingEntity;
  change: 'created' | 'updated' | 'deleted';
  id: string;
  /** The zone of a rate (or the zone itself); null for pick-up options. */
  zoneId: string | null;
};

const auditEntityType: Record<ShippingEntity, string> = {
  zone: 'shipping_zone',
  rate: 'shipping_rate',
  pickup_option: 'shipping_pickup_option',
};

/**
 * Writes the audit entry (`shipping_zone.created`, `shipping_rate.updated`, …) and the
 * `shipping.updated` event of one change, and announces it, in the writer's transaction.
 */
export async function recordShippingChange(
  tx: Db,
  actor: Actor,
  storeId: string,
  change: Omit<ShippingUpdatedPayload, 'zoneId'> & {
    zoneId?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  const { entity, change: kind, id, before, after } = change;
  const entityType = auditEntityType[entity];
  await recordAudit(tx, actor, {
    storeId,
    action: `${entityType}.${kind}`,
    entityType,
    entityId: id,
    before,
    after,
  });
  const payload: ShippingUpdatedPayload = { entity, change: kind, id, zoneId: change.zoneId ?? null };
  await emitEvents(tx, [{ storeId, type: SHIPPING_UPDATED_EVENT, payload }]);
  await announceChange(tx, shippingTopic(storeId));
}
