import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange } from '../../../platform/cache/index.ts';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { inventoryLevels, inventoryLocations, locationKinds } from '../schema.ts';
import { stockChanged } from '../stock-changes.ts';

export type Location = typeof inventoryLocations.$inferSelect;

const text = (max: number) => z.string().trim().min(1).max(max);

export const locationAddressInput = z
  .object({
    line1: text(200).optional(),
    line2: text(200).optional(),
    city: text(100).optional(),
    region: text(100).optional(),
    postalCode: text(20).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'Use the two-letter country code (ISO 3166-1), e.g. DE.')
      .transform((c) => c.toUpperCase())
      .optional(),
  })
  .strict();

/** Fields without defaults, so an update that leaves one out leaves it as it is. */
const locationFields = {
  name: text(120),
  kind: z.enum(locationKinds),
  address: locationAddressInput,
  fulfilmentPriority: z.number().int().min(0).max(1000),
  active: z.boolean(),
};

export const createLocationInput = z
  .object({
    ...locationFields,
    address: locationFields.address.default({}),
    fulfilmentPriority: locationFields.fulfilmentPriority.default(0),
    active: locationFields.active.default(true),
  })
  .strict();
export type CreateLocationInput = z.input<typeof createLocationInput>;

export const updateLocationInput = z.object(locationFields).partial().strict();
export type UpdateLocationInput = z.input<typeof updateLocationInput>;

/** The store's locations, in fulfilment order (lowest priority number first). */
export function listLocations(db: Db, storeId: string): Promise<Location[]> {
  return db
    .select()
    .from(inventoryLocations)
    .where(eq(inventoryLocations.storeId, storeId))
    .orderBy(asc(inventoryLocations.fulfilmentPriority), asc(inventoryLocations.createdAt));
}

export async function getLocation(db: Db, storeId: string, id: string): Promise<Location> {
  const [location] = await db
    .select()
    .from(inventoryLocations)
    .where(and(eq(inventoryLocations.storeId, storeId), eq(inventoryLocations.id, id)));
  if (!location) throw notFound('Location', { id });
  return location;
}

/**
 * The store's locations among `ids`, checked: each must exist in the store (and be active when
 * `active` is asked). `path` names the field in the error.
 */
export async function requireLocations(
  db: Db,
  storeId: string,
  ids: readonly string[],
  options: { active?: boolean; path?: string } = {},
): Promise<Map<string, Location>> {
  const unique = [...new Set(ids)];
  const rows =
    unique.length === 0
      ? []
      : await db
          .select()
          .from(inventoryLocations)
          .where(and(eq(inventoryLocations.storeId, storeId), inArray(inventoryLocations.id, unique)));
  const found = new Map(rows.map((l) => [l.id, l]));
  for (const id of unique) {
    const location = found.get(id);
    if (!location) {
      throw unprocessable('unknown_location', `No location ${id} in this store.`, {
        path: options.path ?? 'locationId',
        id,
      });
    }
    if (options.active && !location.active) {
      throw unprocessable('location_inactive', `${location.name} is not active.`, {
        path: options.path ?? 'locationId',
        id,
      });
    }
  }
  return found;
}

/**
 * The change-feed topic of a store's locations, announced after each write: configuration cached
 * with them (the shipping setup's pick-up points) is dropped.
 */
export function locationsTopic(storeId: string): string {
  return `locations:${storeId}`;
}

export async function createLocation(db: Db, storeId: string, input: CreateLocationInput): Promise<Location> {
  const data = createLocationInput.parse(input);
  try {
    const [location] = await db
      .insert(inventoryLocations)
      .values({ id: newId('location'), storeId, ...data })
      .returning();
    await announceChange(db, locationsTopic(storeId));
    return location!;
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateLocation(
  db: Db,
  storeId: string,
  id: string,
  input: UpdateLocationInput,
): Promise<{ before: Location; after: Location }> {
  const data = updateLocationInput.parse(input);
  const before = await getLocation(db, storeId, id);
  try {
    const [after] = await db
      .update(inventoryLocations)
      .set({ ...data, updatedAt: now() })
      .where(and(eq(inventoryLocations.storeId, storeId), eq(inventoryLocations.id, id)))
      .returning();
    if (before.active !== after!.active) await restateLocationStock(db, storeId, id);
    await announceChange(db, locationsTopic(storeId));
    return { before, after: after! };
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/**
 * A location switched on or off adds or takes its stock from every total: the variants it holds get
 * their low/out states, the storefront's announcement and each channel's sellable quantity again.
 */
async function restateLocationStock(db: Db, storeId: string, locationId: string): Promise<void> {
  const held = await db
    .select({ variantId: inventoryLevels.variantId })
    .from(inventoryLevels)
    .where(
      and(
        eq(inventoryLevels.storeId, storeId),
        eq(inventoryLevels.locationId, locationId),
        sql`(${inventoryLevels.onHand} <> 0 or ${inventoryLevels.reserved} <> 0)`,
      ),
    );
  if (held.length > 0)
    await stockChanged(
      db,
      storeId,
      held.map((h) => h.variantId),
    );
}

const nameTaken = () =>
  conflict('location_name_taken', 'Another location in this store has this name.', { path: 'name' });
