import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import type { ZoneCountry } from './calculation/types.ts';
import { shippingZoneDestinations, shippingZones } from './schema.ts';

type DestinationRow = { zoneId: string; country: string; region: string | null };

/** A zone's destination rows as its country list (countries sorted, each with its regions). */
export function countriesOf(rows: readonly DestinationRow[]): ZoneCountry[] {
  const byCountry = new Map<string, string[]>();
  for (const row of rows) {
    const regions = byCountry.get(row.country) ?? [];
    if (row.region) regions.push(row.region);
    byCountry.set(row.country, regions);
  }
  return [...byCountry.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([country, regions]) => ({ country, regions: regions.sort() }));
}

/** The destination rows of every zone among `zoneIds`, grouped by zone. */
export async function destinationsOfZones(
  db: Db,
  zoneIds: readonly string[],
): Promise<Map<string, ZoneCountry[]>> {
  if (zoneIds.length === 0) return new Map();
  const rows = await db
    .select({
      zoneId: shippingZoneDestinations.zoneId,
      country: shippingZoneDestinations.country,
      region: shippingZoneDestinations.region,
    })
    .from(shippingZoneDestinations)
    .where(inArray(shippingZoneDestinations.zoneId, [...zoneIds]));
  const byZone = new Map<string, DestinationRow[]>();
  for (const row of rows) byZone.set(row.zoneId, [...(byZone.get(row.zoneId) ?? []), row]);
  return new Map(zoneIds.map((id) => [id, countriesOf(byZone.get(id) ?? [])]));
}

/**
 * Replaces a zone's destinations. Each must not be in another zone of the store (409
 * `destination_in_other_zone`, naming that zone). A region of a country another zone lists whole is
 * no overlap: the region's zone takes precedence there (docs/shipping.md).
 */
export async function replaceDestinations(
  tx: Db,
  storeId: string,
  zoneId: string,
  countries: readonly ZoneCountry[],
): Promise<void> {
  await checkDestinationsFree(tx, storeId, zoneId, countries);
  await tx.delete(shippingZoneDestinations).where(eq(shippingZoneDestinations.zoneId, zoneId));
  const rows = countries.flatMap(
    (c): { zoneId: string; storeId: string; country: string; region: string | null }[] =>
      c.regions.length === 0
        ? [{ zoneId, storeId, country: c.country, region: null }]
        : c.regions.map((region) => ({ zoneId, storeId, country: c.country, region })),
  );
  if (rows.length > 0) await tx.insert(shippingZoneDestinations).values(rows);
}

async function checkDestinationsFree(
  tx: Db,
  storeId: string,
  zoneId: string,
  countries: readonly ZoneCountry[],
): Promise<void> {
  if (countries.length === 0) return;
  const taken = await tx
    .select({
      zoneId: shippingZones.id,
      zoneName: shippingZones.name,
      country: shippingZoneDestinations.country,
      region: shippingZoneDestinations.region,
    })
    .from(shippingZoneDestinations)
    .innerJoin(shippingZones, eq(shippingZones.id, shippingZoneDestinations.zoneId))
    .where(
      and(
        eq(shippingZoneDestinations.storeId, storeId),
        ne(shippingZoneDestinations.zoneId, zoneId),
        inArray(
          shippingZoneDestinations.country,
          countries.map((c) => c.country),
        ),
      ),
    );
  const clashes = taken.filter((row) => {
    const wanted = countries.find((c) => c.country === row.country)!;
    return row.region === null ? wanted.regions.length === 0 : wanted.regions.includes(row.region);
  });
  const [first] = clashes;
  if (!first) return;
  const inThatZone = clashes.filter((c) => c.zoneId === first.zoneId).map((c) => c.region ?? c.country);
  throw conflict(
    'destination_in_other_zone',
    `${inThatZone.join(', ')} ${inThatZone.length === 1 ? 'is' : 'are'} already in the zone "${first.zoneName}"; a destination belongs to one zone.`,
    { path: 'countries', destinations: inThatZone, zoneId: first.zoneId, zoneName: first.zoneName },
  );
}
