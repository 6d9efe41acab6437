import { cachedConfig } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { listLocations, locationsTopic } from '../inventory/index.ts';
import type { PickupConfig, ShippingConfig } from './calculation/types.ts';
import { listPickupOptions } from './pickup-options.ts';
import { listRates } from './rates.ts';
import { shippingTopic } from './shipping-change.ts';
import { listZones } from './zones.ts';

/**
 * Everything the calculation needs of one store: zones, rates, pick-up options and the state of
 * their locations (the inventory module's, through its public face). Held in the process's
 * configuration cache; every shipping change and every location change announces its topic.
 */
export function loadShippingConfig(db: Db, store: Pick<Store, 'id' | 'timezone'>): Promise<ShippingConfig> {
  return cachedConfig(
    `${store.id}:shipping:${store.timezone}`,
    [shippingTopic(store.id), locationsTopic(store.id)],
    () => readShippingConfig(db, store),
  );
}

async function readShippingConfig(db: Db, store: Pick<Store, 'id' | 'timezone'>): Promise<ShippingConfig> {
  const [zones, rates, pickups, locations] = await Promise.all([
    listZones(db, store.id),
    listRates(db, store.id),
    listPickupOptions(db, store.id),
    listLocations(db, store.id),
  ]);
  const locationOf = new Map(locations.map((l) => [l.id, l]));
  return {
    timezone: store.timezone,
    zones: zones.map(({ id, name, restOfWorld, countries }) => ({ id, name, restOfWorld, countries })),
    rates: rates.map(({ createdAt: _c, updatedAt: _u, ...rate }) => rate),
    pickups: pickups.map((p): PickupConfig => {
      const location = locationOf.get(p.locationId);
      return {
        id: p.id,
        name: p.name,
        instructions: p.instructions,
        readyIn: p.readyIn,
        countries: p.countries,
        active: p.active,
        location: location
          ? {
              id: location.id,
              name: location.name,
              address: { ...location.address },
              active: location.active,
            }
          : null,
      };
    }),
  };
}
