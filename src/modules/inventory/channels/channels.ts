import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { requireLocations } from '../locations/locations.ts';
import { channelKinds, salesChannels } from '../schema.ts';
import { dropChannelStock, resyncChannel } from './sync-channel-stock.ts';

export type SalesChannel = typeof salesChannels.$inferSelect;

/** The channel every store starts with, made the first time channels are listed or stock is synced. */
export const defaultChannel = { name: 'Online store', kind: 'storefront' } as const;

const id = z.string().min(1).max(64);

export const createChannelInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(channelKinds),
    /** Units per variant held back from what the channel may sell. */
    safetyBuffer: z.number().int().min(0).max(1_000_000).default(0),
    /** The locations whose stock it sells; empty: every active location. */
    locationIds: z.array(id).max(100).default([]),
    active: z.boolean().default(true),
  })
  .strict();
export type CreateChannelInput = z.input<typeof createChannelInput>;

export const updateChannelInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(channelKinds),
    safetyBuffer: z.number().int().min(0).max(1_000_000),
    locationIds: z.array(id).max(100),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateChannelInput = z.input<typeof updateChannelInput>;

/**
 * Gives a store that has no channel at all its storefront channel, and fills that channel's stock.
 * Lazily, so it does not depend on how or when the store was made; a store that has channels is
 * left alone (renaming or switching off "Online store" does not bring it back). Returns whether
 * it made one.
 */
export async function ensureDefaultChannel(tx: Db, storeId: string): Promise<boolean> {
  const [any] = await tx
    .select({ id: salesChannels.id })
    .from(salesChannels)
    .where(eq(salesChannels.storeId, storeId))
    .limit(1);
  if (any) return false;
  // Two first callers at once: the unique name lets one insert and the other do nothing.
  const [created] = await tx
    .insert(salesChannels)
    .values({ id: newId('salesChannel'), storeId, ...defaultChannel })
    .onConflictDoNothing({ target: [salesChannels.storeId, salesChannels.name] })
    .returning();
  if (!created) return false;
  await resyncChannel(tx, storeId, created.id);
  return true;
}

/** The store's channels by name (its storefront channel is made on first use). */
export async function listChannels(tx: Db, storeId: string): Promise<SalesChannel[]> {
  await ensureDefaultChannel(tx, storeId);
  return tx
    .select()
    .from(salesChannels)
    .where(eq(salesChannels.storeId, storeId))
    .orderBy(asc(salesChannels.name));
}

export async function getChannel(db: Db, storeId: string, channelId: string): Promise<SalesChannel> {
  const [channel] = await db
    .select()
    .from(salesChannels)
    .where(and(eq(salesChannels.storeId, storeId), eq(salesChannels.id, channelId)));
  if (!channel) throw notFound('Sales channel', { id: channelId });
  return channel;
}

async function checkLocations(tx: Db, storeId: string, locationIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(locationIds)].sort();
  await requireLocations(tx, storeId, unique, { path: 'locationIds' });
  return unique;
}

/** Adds a channel and computes its stock at once (one `inventory.level_changed` per tracked variant). */
export async function createChannel(
  tx: Db,
  storeId: string,
  input: CreateChannelInput,
): Promise<SalesChannel> {
  const data = createChannelInput.parse(input);
  const locationIds = await checkLocations(tx, storeId, data.locationIds);
  // The store's own storefront channel first, so adding a marketplace does not stop it being made.
  await ensureDefaultChannel(tx, storeId);
  let channel: SalesChannel;
  try {
    [channel] = (await tx
      .insert(salesChannels)
      .values({ id: newId('salesChannel'), storeId, ...data, locationIds })
      .returning()) as [SalesChannel];
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  if (channel.active) await resyncChannel(tx, storeId, channel.id);
  return channel;
}

/**
 * Changes a channel. A new buffer, other locations or switching it on recompute its stock (events
 * for what moved); switching it off drops its stock rows, which are recomputed when it comes back.
 */
export async function updateChannel(
  tx: Db,
  storeId: string,
  channelId: string,
  input: UpdateChannelInput,
): Promise<{ before: SalesChannel; after: SalesChannel }> {
  const data = updateChannelInput.parse(input);
  const before = await getChannel(tx, storeId, channelId);
  const locationIds = data.locationIds ? await checkLocations(tx, storeId, data.locationIds) : undefined;
  let after: SalesChannel;
  try {
    [after] = (await tx
      .update(salesChannels)
      .set({ ...data, ...(locationIds ? { locationIds } : {}), updatedAt: now() })
      .where(and(eq(salesChannels.storeId, storeId), eq(salesChannels.id, channelId)))
      .returning()) as [SalesChannel];
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  if (!after.active) {
    if (before.active) await dropChannelStock(tx, channelId);
  } else if (
    !before.active ||
    before.safetyBuffer !== after.safetyBuffer ||
    before.locationIds.join() !== after.locationIds.join()
  ) {
    await resyncChannel(tx, storeId, channelId);
  }
  return { before, after };
}

/** Removes a channel and its stock rows; the store's last channel stays (switch it off instead). */
export async function deleteChannel(tx: Db, storeId: string, channelId: string): Promise<SalesChannel> {
  const channel = await getChannel(tx, storeId, channelId);
  const [others] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(salesChannels)
    .where(and(eq(salesChannels.storeId, storeId), sql`${salesChannels.id} <> ${channelId}`));
  if (!others || Number(others.n) === 0) {
    throw conflict(
      'last_channel',
      'A store keeps at least one sales channel; switch this one off (active: false) instead.',
    );
  }
  await tx.delete(salesChannels).where(eq(salesChannels.id, channelId));
  return channel;
}

const nameTaken = () =>
  conflict('channel_name_taken', 'Another sales channel in this store has this name.', { path: 'name' });
