import { and, asc, eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../access/index.ts';
import { type Location, requireLocations } from '../inventory/index.ts';
import type { ReadyIn } from './calculation/types.ts';
import {
  type CreatePickupInput,
  createPickupInput,
  type UpdatePickupInput,
  updatePickupInput,
} from './pickup-input.ts';
import { shippingPickupOptions } from './schema.ts';
import { recordShippingChange } from './shipping-change.ts';

export interface ShippingPickupOption {
  id: string;
  locationId: string;
  name: string;
  instructions: string | null;
  readyIn: ReadyIn | null;
  countries: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

type PickupRow = typeof shippingPickupOptions.$inferSelect;

export async function listPickupOptions(db: Db, storeId: string): Promise<ShippingPickupOption[]> {
  const rows = await db
    .select()
    .from(shippingPickupOptions)
    .where(eq(shippingPickupOptions.storeId, storeId))
    .orderBy(asc(shippingPickupOptions.name), asc(shippingPickupOptions.id));
  return rows.map(pickupOf);
}

export async function getPickupOption(
  db: Db,
  storeId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ShippingPickupOption> {
  const query = db
    .select()
    .from(shippingPickupOptions)
    .where(and(eq(shippingPickupOptions.storeId, storeId), eq(shippingPickupOptions.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Pick-up option', { id });
  return pickupOf(row);
}

/**
 * Offers pick-up at one of the store's locations: it must exist and be active (422
 * `unknown_location` / `location_inactive`), and have no pick-up option yet (409
 * `pickup_location_taken`).
 */
export async function createPickupOption(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: CreatePickupInput,
): Promise<ShippingPickupOption> {
  const data = createPickupInput.parse(input);
  const location = await activeLocation(tx, storeId, data.locationId);
  const countries = data.countries ?? countriesOfLocation(location);
  const [row] = await writeUnique(() =>
    tx
      .insert(shippingPickupOptions)
      .values({ id: newId('pickupOption'), storeId, ...columnsOf({ ...data, countries }) })
      .returning(),
  );
  const pickup = pickupOf(row!);
  await recordShippingChange(tx, actor, storeId, {
    entity: 'pickup_option',
    change: 'created',
    id: pickup.id,
    after: pickup,
  });
  return pickup;
}

/** Changes a pick-up option; a changed location is checked like a new one. */
export async function updatePickupOption(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: UpdatePickupInput,
): Promise<ShippingPickupOption> {
  const patch = updatePickupInput.parse(input);
  const before = await getPickupOption(tx, storeId, id, { forUpdate: true });
  if (patch.locationId && patch.locationId !== before.locationId) {
    await activeLocation(tx, storeId, patch.locationId);
  }
  const [row] = await writeUnique(() =>
    tx
      .update(shippingPickupOptions)
      .set({ ...columnsOf({ ...before, ...patch }), updatedAt: now() })
      .where(eq(shippingPickupOptions.id, id))
      .returning(),
  );
  const after = pickupOf(row!);
  await recordShippingChange(tx, actor, storeId, {
    entity: 'pickup_option',
    change: 'updated',
    id,
    before,
    after,
  });
  return after;
}

export async function deletePickupOption(tx: Db, storeId: string, actor: Actor, id: string): Promise<void> {
  const before = await getPickupOption(tx, storeId, id, { forUpdate: true });
  await tx.delete(shippingPickupOptions).where(eq(shippingPickupOptions.id, id));
  await recordShippingChange(tx, actor, storeId, { entity: 'pickup_option', change: 'deleted', id, before });
}

async function activeLocation(db: Db, storeId: string, locationId: string): Promise<Location> {
  const found = await requireLocations(db, storeId, [locationId], { active: true, path: 'locationId' });
  return found.get(locationId)!;
}

function countriesOfLocation(location: Location): string[] {
  const country = location.address.country;
  if (!country) {
    throw unprocessable(
      'pickup_countries_required',
      `${location.name} has no country in its address; say which countries the pick-up is offered to.`,
      { path: 'countries' },
    );
  }
  return [country];
}

function columnsOf(data: {
  locationId: string;
  name: string;
  instructions: string | null;
  readyIn: ReadyIn | null;
  countries: string[];
  active: boolean;
}) {
  return {
    locationId: data.locationId,
    name: data.name,
    instructions: data.instructions,
    readyInValue: data.readyIn?.value ?? null,
    readyInUnit: data.readyIn?.unit ?? null,
    countries: data.countries,
    active: data.active,
  };
}

function pickupOf(row: PickupRow): ShippingPickupOption {
  return {
    id: row.id,
    locationId: row.locationId,
    name: row.name,
    instructions: row.instructions,
    readyIn:
      row.readyInValue === null || row.readyInUnit === null
        ? null
        : { value: row.readyInValue, unit: row.readyInUnit },
    countries: row.countries,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function writeUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('pickup_location_taken', 'This location already has a pick-up option.', {
        path: 'locationId',
      });
    }
    throw err;
  }
}
