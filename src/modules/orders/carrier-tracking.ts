/**
 * The tracking pages of the carriers most stores ship with (docs/orders.md, "Tracking links"): when
 * staff give a carrier and a tracking number but no address, the parcel's tracking URL is made from
 * this table. Names are matched without case, spaces or punctuation ("Royal Mail", "royalmail");
 * an unknown carrier gets no link. The number is URL-encoded into the address.
 */
export interface CarrierTracking {
  /** The carrier's usual name, shown when a parcel names it by one of the aliases. */
  name: string;
  /** Spellings staff type, normalised (lower case letters and digits only). */
  aliases: readonly string[];
  /** The tracking page; `{number}` is replaced by the tracking number. */
  url: string;
}

export const carrierTracking: readonly CarrierTracking[] = [
  {
    name: 'DHL',
    aliases: ['dhl', 'dhlexpress', 'dhlparcel', 'dhlpaket', 'dhlecommerce'],
    url: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}&submit=1',
  },
  {
    name: 'UPS',
    aliases: ['ups', 'unitedparcelservice'],
    url: 'https://www.ups.com/track?tracknum={number}',
  },
  {
    name: 'USPS',
    aliases: ['usps', 'unitedstatespostalservice'],
    url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}',
  },
  {
    name: 'FedEx',
    aliases: ['fedex', 'federalexpress'],
    url: 'https://www.fedex.com/fedextrack/?trknbr={number}',
  },
  {
    name: 'Royal Mail',
    aliases: ['royalmail'],
    url: 'https://www.royalmail.com/track-your-item#/tracking-results/{number}',
  },
  {
    name: 'La Poste',
    aliases: ['laposte', 'colissimo', 'lapostecolissimo'],
    url: 'https://www.laposte.fr/outils/suivre-vos-envois?code={number}',
  },
  { name: 'DPD', aliases: ['dpd'], url: 'https://tracking.dpd.de/status/en_US/parcel/{number}' },
  { name: 'GLS', aliases: ['gls'], url: 'https://gls-group.com/GROUP/en/parcel-tracking?match={number}' },
  { name: 'PostNL', aliases: ['postnl'], url: 'https://postnl.nl/tracktrace/?B={number}' },
];

function normalised(carrier: string): string {
  return carrier
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The table's entry for a carrier name, or null. */
export function knownCarrier(carrier: string | null | undefined): CarrierTracking | null {
  if (!carrier) return null;
  const key = normalised(carrier);
  return carrierTracking.find((c) => c.aliases.includes(key)) ?? null;
}

/** The carrier's tracking page for a number, or null (no carrier, no number, or a carrier not in the table). */
export function trackingUrlFor(
  carrier: string | null | undefined,
  trackingNumber: string | null | undefined,
): string | null {
  const known = knownCarrier(carrier);
  const number = trackingNumber?.trim();
  if (!known || !number) return null;
  return known.url.replace('{number}', encodeURIComponent(number));
}
