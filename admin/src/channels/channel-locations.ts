import type { InventoryLocation } from '../inventory/inventory-types.ts';
import type { SalesChannel } from './channel-types.ts';

/**
 * Where a channel's stock comes from, in words: "All active locations", or the locations it names
 * (an inactive one marked, since its stock does not count while it is off).
 */
export function channelLocationsText(
  channel: Pick<SalesChannel, 'locationIds'>,
  locations: readonly InventoryLocation[] | undefined,
): string {
  if (channel.locationIds.length === 0) return 'All active locations';
  const count = channel.locationIds.length;
  if (!locations) return `${count} location${count === 1 ? '' : 's'}`;
  const byId = new Map(locations.map((l) => [l.id, l]));
  return channel.locationIds
    .map((id) => byId.get(id))
    .filter((l) => l !== undefined)
    .map((l) => (l.active ? l.name : `${l.name} (inactive)`))
    .join(', ');
}
