import type { MatchedZone, ShippingDestination, ZoneConfig } from './types.ts';

/**
 * The one zone that serves a destination. Precedence: a zone naming the destination's region
 * (US-AK) wins over a zone naming its whole country (US), which wins over the rest-of-world zone.
 * A store's destinations are in at most one zone each, so no two zones tie at one level.
 */
export function matchZone(
  zones: readonly ZoneConfig[],
  destination: ShippingDestination,
): MatchedZone | null {
  const { country, region } = destination;
  if (region) {
    const byRegion = zones.find((z) =>
      z.countries.some((c) => c.country === country && c.regions.includes(region)),
    );
    if (byRegion) return matched(byRegion, 'region');
  }
  const byCountry = zones.find((z) =>
    z.countries.some((c) => c.country === country && c.regions.length === 0),
  );
  if (byCountry) return matched(byCountry, 'country');
  const rest = zones.find((z) => z.restOfWorld);
  return rest ? matched(rest, 'rest_of_world') : null;
}

/** Whether some zone names regions of `country`: a country-only estimate may then differ by region. */
export function hasRegionalZones(zones: readonly ZoneConfig[], country: string): boolean {
  return zones.some((z) => z.countries.some((c) => c.country === country && c.regions.length > 0));
}

function matched(zone: ZoneConfig, matchedBy: MatchedZone['matchedBy']): MatchedZone {
  return { id: zone.id, name: zone.name, matchedBy };
}
