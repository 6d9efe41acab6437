import { and, asc, eq, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../access/index.ts';
import type { ZoneConfig } from './calculation/types.ts';
import { shippingRates, shippingZones } from './schema.ts';
import { recordShippingChange } from './shipping-change.ts';
import { destinationsOfZones, replaceDestinations } from './zone-destinations.ts';
import {
  type CreateZoneInput,
  createZoneInput,
  type UpdateZoneInput,
  updateZoneInput,
} from './zone-input.ts';

export interface ShippingZone extends ZoneConfig {
  createdAt: Date;
  updatedAt: Date;
}

type ZoneRow = typeof shippingZones.$inferSelect;

/** The store's zones by name (the rest-of-world zone among them), each with its destinations. */
export async function listZones(db: Db, storeId: string): Promise<ShippingZone[]> {
  const rows = await db
    .select()
    .from(shippingZones)
    .where(eq(shippingZones.storeId, storeId))
    .orderBy(asc(shippingZones.name), asc(shippingZones.id));
  return withDestinations(db, rows);
}

export async function getZone(
  db: Db,
  storeId: string,
  zoneId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ShippingZone> {
  const query = db
    .select()
    .from(shippingZones)
    .where(and(eq(shippingZones.storeId, storeId), eq(shippingZones.id, zoneId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Shipping zone', { id: zoneId });
  const [zone] = await withDestinations(db, [row]);
  return zone!;
}

/**
 * Adds a zone. Its destinations must be free (409 `destination_in_other_zone`), its name unused
 * (409 `zone_name_taken`), and a store has one rest-of-world zone (409 `rest_of_world_exists`).
 */
export async function createZone(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: CreateZoneInput,
): Promise<ShippingZone> {
  const data = createZoneInput.parse(input);
  await lockStoreZones(tx, storeId);
  if (data.restOfWorld) await checkNoOtherRestOfWorld(tx, storeId, null);
  const id = newId('shippingZone');
  await writeUnique(() =>
    tx.insert(shippingZones).values({ id, storeId, name: data.name, restOfWorld: data.restOfWorld }),
  );
  await replaceDestinations(tx, storeId, id, data.countries);
  const zone = await getZone(tx, storeId, id);
  await recordShippingChange(tx, actor, storeId, {
    entity: 'zone',
    change: 'created',
    id,
    zoneId: id,
    after: zone,
  });
  return zone;
}

/** Changes a zone; `countries` replaces its whole list. The changed zone is checked like a new one. */
export async function updateZone(
  tx: Db,
  storeId: string,
  actor: Actor,
  zoneId: string,
  input: UpdateZoneInput,
): Promise<ShippingZone> {
  const patch = updateZoneInput.parse(input);
  await lockStoreZones(tx, storeId);
  const before = await getZone(tx, storeId, zoneId, { forUpdate: true });
  const data = createZoneInput.parse({
    name: patch.name ?? before.name,
    // Becoming the rest-of-world zone gives up the countries it listed.
    countries: patch.countries ?? (patch.restOfWorld ? [] : before.countries),
    restOfWorld: patch.restOfWorld ?? before.restOfWorld,
  });
  if (data.restOfWorld && !before.restOfWorld) await checkNoOtherRestOfWorld(tx, storeId, zoneId);
  await writeUnique(() =>
    tx
      .update(shippingZones)
      .set({ name: data.name, restOfWorld: data.restOfWorld, updatedAt: now() })
      .where(eq(shippingZones.id, zoneId)),
  );
  if (patch.countries || patch.restOfWorld !== undefined) {
    await replaceDestinations(tx, storeId, zoneId, data.countries);
  }
  const after = await getZone(tx, storeId, zoneId);
  await recordShippingChange(tx, actor, storeId, {
    entity: 'zone',
    change: 'updated',
    id: zoneId,
    zoneId,
    before,
    after,
  });
  return after;
}

/** Deletes a zone and its rates (the audit entry keeps both). */
export async function deleteZone(tx: Db, storeId: string, actor: Actor, zoneId: string): Promise<void> {
  await lockStoreZones(tx, storeId);
  const zone = await getZone(tx, storeId, zoneId, { forUpdate: true });
  const rates = await tx.delete(shippingRates).where(eq(shippingRates.zoneId, zoneId)).returning();
  await tx.delete(shippingZones).where(eq(shippingZones.id, zoneId));
  await recordShippingChange(tx, actor, storeId, {
    entity: 'zone',
    change: 'deleted',
    id: zoneId,
    zoneId,
    before: { ...zone, rates },
  });
}

async function withDestinations(db: Db, rows: readonly ZoneRow[]): Promise<ShippingZone[]> {
  const destinations = await destinationsOfZones(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    restOfWorld: row.restOfWorld,
    countries: destinations.get(row.id) ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** Serialises changes to a store's zones, so two writers cannot both take one destination. */
async function lockStoreZones(tx: Db, storeId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`shipping-zones:${storeId}`}, 0))`);
}

async function checkNoOtherRestOfWorld(tx: Db, storeId: string, zoneId: string | null): Promise<void> {
  const [other] = await tx
    .select({ id: shippingZones.id, name: shippingZones.name })
    .from(shippingZones)
    .where(and(eq(shippingZones.storeId, storeId), eq(shippingZones.restOfWorld, true)));
  if (other && other.id !== zoneId) {
    throw conflict('rest_of_world_exists', `"${other.name}" is already the store's rest-of-world zone.`, {
      path: 'restOfWorld',
      zoneId: other.id,
      zoneName: other.name,
    });
  }
}

async function writeUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('zone_name_taken', 'Another shipping zone of this store has this name.', {
        path: 'name',
      });
    }
    throw err;
  }
}
