import type { Store } from '../../modules/access/index.ts';
import type { Market } from '../../modules/markets/index.ts';
import { loadShippingConfig } from '../../modules/shipping/index.ts';
import { countryCodes } from '../../platform/countries/country-codes.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * The countries the cart's "ship to" list offers: every country when the store has a rest-of-world
 * shipping zone, else the countries its zones and markets name (a country a market names but no
 * zone ships to still shows, and the cart then says it cannot ship there).
 */
export async function cartCountries(db: Db, store: Store, markets: readonly Market[]): Promise<string[]> {
  const config = await loadShippingConfig(db, store);
  if (config.zones.some((zone) => zone.restOfWorld)) return [...countryCodes];
  return [
    ...new Set([
      ...config.zones.flatMap((zone) => zone.countries.map((c) => c.country)),
      ...markets.flatMap((m) => m.countries),
    ]),
  ];
}
