import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { emitEvents } from '../../../platform/events/index.ts';
import { findStockVariants, type StockVariant } from '../../catalog/index.ts';
import { channelStock, salesChannels } from '../schema.ts';
import { ensureDefaultChannel } from './channels.ts';

/** What the channels' events say of a variant (a caller that has it spares the lookup). */
export type KnownVariant = Pick<StockVariant, 'sku' | 'inventoryPolicy'>;

/** The event announcing a channel's new sellable quantity of a variant. */
export const LEVEL_CHANGED_EVENT = 'inventory.level_changed';

export interface LevelChangedPayload {
  channelId: string;
  channelName: string;
  variantId: string;
  sku: string | null;
  sellable: number;
  /** What the channel was last told; null the first time. */
  previous: number | null;
  /** The variant keeps selling when out of stock: the channel may take orders beyond `sellable`. */
  backorder: boolean;
  [key: string]: unknown;
}

interface ChangedStock {
  channel_id: string;
  channel_name: string;
  variant_id: string;
  sellable: number;
  previous: number | null;
}

/** Rows written (and SKUs looked up) per statement: well under PostgreSQL's bind-parameter limit. */
const writeBatch = 2000;

/**
 * What each channel may sell of a variant: its available stock (on hand − reserved) summed over the
 * channel's locations that are active (all active locations when it names none), less its safety
 * buffer, never below 0. Only tracked variants have a quantity: untracked ones always sell.
 *
 * Variants that keep selling when out of stock ('continue') get the same number, never negative,
 * and the event says `backorder: true` so the channel knows 0 does not mean "stop selling".
 */
function changedStockQuery(storeId: string, channelIds: readonly string[], variantIds?: readonly string[]) {
  const tracked = variantIds ? sql`and variant_id = any(${sql.param([...variantIds])}::text[])` : sql``;
  // Variants that stopped being tracked leave the channels' lists (they have no quantity any more);
  // done in the same statement (a data-modifying CTE) to spare a round trip on every stock change.
  const untracked = variantIds
    ? sql`, gone as (
        delete from channel_stock s
        where s.channel_id = any(${sql.param([...channelIds])}::text[])
          and s.variant_id = any(${sql.param([...variantIds])}::text[])
          and not exists (select 1 from inventory_items i where i.variant_id = s.variant_id and i.tracked)
        returning 1)`
    : sql``;
  return sql`
    with ch as (
      select id, name, safety_buffer, location_ids from sales_channels
      where store_id = ${storeId} and active and id = any(${sql.param([...channelIds])}::text[])
    ), items as (
      select variant_id from inventory_items where store_id = ${storeId} and tracked ${tracked}
    ), computed as (
      select ch.id as channel_id, ch.name as channel_name, i.variant_id,
        greatest(
          coalesce(sum(l.on_hand - l.reserved) filter (
            where loc.active and (cardinality(ch.location_ids) = 0 or l.location_id = any(ch.location_ids))
          ), 0) - ch.safety_buffer,
          0
        )::int as sellable
      from ch cross join items i
      left join inventory_levels l on l.variant_id = i.variant_id
      left join inventory_locations loc on loc.id = l.location_id
      group by ch.id, ch.name, ch.safety_buffer, i.variant_id
    )${untracked}
    select c.channel_id, c.channel_name, c.variant_id, c.sellable, s.sellable as previous
    from computed c
    left join channel_stock s on s.channel_id = c.channel_id and s.variant_id = c.variant_id
    where s.sellable is distinct from c.sellable
    order by c.channel_id, c.variant_id`;
}

/** Stores the new quantities and emits one `inventory.level_changed` per row, in the caller's transaction. */
async function writeChangedStock(
  tx: Db,
  storeId: string,
  changed: readonly ChangedStock[],
  known?: ReadonlyMap<string, KnownVariant>,
): Promise<void> {
  for (let start = 0; start < changed.length; start += writeBatch) {
    const batch = changed.slice(start, start + writeBatch);
    await tx.execute(sql`
      insert into channel_stock (channel_id, variant_id, store_id, sellable, updated_at)
      select c, v, ${storeId}, s, now()
      from unnest(
        ${sql.param(batch.map((r) => r.channel_id))}::text[],
        ${sql.param(batch.map((r) => r.variant_id))}::text[],
        ${sql.param(batch.map((r) => Number(r.sellable)))}::int[]
      ) as t(c, v, s)
      on conflict (channel_id, variant_id)
      do update set sellable = excluded.sellable, updated_at = excluded.updated_at`);
    const ids = [...new Set(batch.map((r) => r.variant_id))];
    const variants: ReadonlyMap<string, KnownVariant> =
      known && ids.every((id) => known.has(id)) ? known : await findStockVariants(tx, storeId, ids);
    await emitEvents(tx, levelChangedEvents(storeId, batch, variants));
  }
}

/** One `inventory.level_changed` per (channel, variant) row. */
function levelChangedEvents(
  storeId: string,
  rows: readonly ChangedStock[],
  variants: ReadonlyMap<string, KnownVariant>,
) {
  return rows.map((r) => {
    const variant = variants.get(r.variant_id);
    const payload: LevelChangedPayload = {
      channelId: r.channel_id,
      channelName: r.channel_name,
      variantId: r.variant_id,
      sku: variant?.sku ?? null,
      sellable: Number(r.sellable),
      previous: r.previous === null ? null : Number(r.previous),
      backorder: variant?.inventoryPolicy === 'continue',
    };
    return { storeId, type: LEVEL_CHANGED_EVENT, payload };
  });
}

/**
 * What each active channel may sell of variants getting their first stock, `onHand` at
 * `locationId` (an active location), and the events telling it: the rule of changedStockQuery
 * worked out from the numbers instead of read back (they had no stock, so nothing was announced).
 * The store's first channel is made (and filled with its other variants) if it has none. For a
 * bulk writer that writes the rows itself (`recordFirstStock`).
 */
export async function firstChannelStock(
  tx: Db,
  storeId: string,
  locationId: string,
  onHand: ReadonlyMap<string, number>,
  variants: ReadonlyMap<string, KnownVariant>,
) {
  // Shared locks, as syncChannelStock takes them: a channel being changed waits for this writer.
  const storeChannels = () =>
    tx
      .select({
        id: salesChannels.id,
        name: salesChannels.name,
        active: salesChannels.active,
        safetyBuffer: salesChannels.safetyBuffer,
        locationIds: salesChannels.locationIds,
      })
      .from(salesChannels)
      .where(eq(salesChannels.storeId, storeId))
      .for('share');
  let channels = await storeChannels();
  if (channels.length === 0) {
    await ensureDefaultChannel(tx, storeId);
    channels = await storeChannels();
  }
  const changed: ChangedStock[] = [];
  for (const channel of channels.filter((c) => c.active)) {
    const sells = channel.locationIds.length === 0 || channel.locationIds.includes(locationId);
    for (const [variantId, quantity] of onHand) {
      changed.push({
        channel_id: channel.id,
        channel_name: channel.name,
        variant_id: variantId,
        sellable: Math.max((sells ? quantity : 0) - channel.safetyBuffer, 0),
        previous: null,
      });
    }
  }
  return {
    rows: changed.map((c) => ({
      channelId: c.channel_id,
      variantId: c.variant_id,
      storeId,
      sellable: c.sellable,
    })),
    events: levelChangedEvents(storeId, changed, variants),
  };
}

/**
 * Recomputes what every active channel may sell of these variants and, where it moved, records it
 * and emits one `inventory.level_changed` per (channel, variant). Called by `stockChanged` in the
 * writer's transaction, after the low/out states, which lock the variants' inventory items: so
 * concurrent writers of one variant compute one after the other, each seeing the other's stock.
 */
export async function syncChannelStock(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
  known?: ReadonlyMap<string, KnownVariant>,
): Promise<void> {
  const unique = [...new Set(variantIds)].sort();
  if (unique.length === 0) return;
  // Shared locks: stock writers never wait for each other here, but a channel being changed (its
  // buffer, locations) and resynced waits for them and they for it, so neither overwrites the
  // other's quantities computed from an older view.
  const storeChannels = () =>
    tx
      .select({ id: salesChannels.id, active: salesChannels.active })
      .from(salesChannels)
      .where(eq(salesChannels.storeId, storeId))
      .for('share');
  let channels = await storeChannels();
  if (channels.length === 0) {
    // A store's first channel is filled completely when it is made, these variants included;
    // when a concurrent writer made it first, its stock is synced here like any channel's.
    if (await ensureDefaultChannel(tx, storeId)) return;
    channels = await storeChannels();
  }
  const active = channels.filter((c) => c.active).map((c) => c.id);
  if (active.length === 0) return;
  const changed = resultRows<ChangedStock>(await tx.execute(changedStockQuery(storeId, active, unique)));
  await writeChangedStock(tx, storeId, changed, known);
}

/** Recomputes one channel's stock of every tracked variant (a new channel, a new buffer or locations). */
export async function resyncChannel(tx: Db, storeId: string, channelId: string): Promise<void> {
  const changed = resultRows<ChangedStock>(await tx.execute(changedStockQuery(storeId, [channelId])));
  // A full resync also drops variants that are no longer tracked.
  await tx.execute(sql`
    delete from channel_stock s where s.channel_id = ${channelId}
      and not exists (select 1 from inventory_items i where i.variant_id = s.variant_id and i.tracked)`);
  await writeChangedStock(tx, storeId, changed);
}

/** Forgets a channel's stock (it was switched off; switching it on recomputes everything). */
export async function dropChannelStock(tx: Db, channelId: string): Promise<void> {
  await tx.delete(channelStock).where(eq(channelStock.channelId, channelId));
}
