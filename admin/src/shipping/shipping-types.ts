/** Shapes of the shipping API's answers (src/modules/shipping, docs/shipping.md). */

export type RateType = 'flat' | 'weight_bands' | 'subtotal_bands';

export interface ZoneCountry {
  country: string;
  /** ISO 3166-2 codes; empty: the whole country. */
  regions: string[];
}

export interface ShippingZone {
  id: string;
  name: string;
  restOfWorld: boolean;
  countries: ZoneCountry[];
}

export interface ZoneInput {
  name: string;
  countries: ZoneCountry[];
  restOfWorld: boolean;
}

export interface WeightBand {
  upToGrams: number | null;
  amount: number;
}

export interface SubtotalBand {
  fromSubtotal: number;
  amount: number;
}

export interface RatePrice {
  currency: string;
  amount?: number;
  weightBands?: WeightBand[];
  subtotalBands?: SubtotalBand[];
  freeAbove: number | null;
  minSubtotal: number | null;
  maxSubtotal: number | null;
}

export interface DeliveryDays {
  minDays: number;
  maxDays: number;
}

export interface ShippingRate {
  id: string;
  zoneId: string;
  name: string;
  type: RateType;
  prices: RatePrice[];
  minWeightGrams: number | null;
  maxWeightGrams: number | null;
  estimate: DeliveryDays | null;
  active: boolean;
  position: number;
}

export type RateInput = Omit<ShippingRate, 'id' | 'zoneId' | 'position'>;

export interface ReadyIn {
  value: number;
  unit: 'minutes' | 'days';
}

export interface PickupOption {
  id: string;
  name: string;
  instructions: string | null;
  readyIn: ReadyIn | null;
  countries: string[];
  active: boolean;
  /** The inventory location; null when it no longer exists. */
  location: { id: string; name: string; address: Record<string, string | undefined>; active: boolean } | null;
}

export interface PickupInput {
  locationId: string;
  name: string;
  instructions: string | null;
  readyIn: ReadyIn | null;
  countries?: string[];
  active: boolean;
}

/** GET /shipping: the whole setup as the calculation reads it. */
export interface ShippingSetup {
  timezone: string;
  zones: ShippingZone[];
  rates: ShippingRate[];
  pickups: PickupOption[];
}

export type UnavailableReason =
  | 'inactive'
  | 'no_zone_for_destination'
  | 'other_zone_applies'
  | 'currency_not_offered'
  | 'below_min_weight'
  | 'over_max_weight'
  | 'below_min_subtotal'
  | 'over_max_subtotal'
  | 'over_weight_bands'
  | 'pickup_not_offered_in_country'
  | 'location_inactive'
  | 'location_missing';

export interface DeliveryOption {
  type: 'delivery';
  id: string;
  zoneId: string;
  name: string;
  rateType: RateType;
  amount: number;
  currency: string;
  freeAboveApplied: boolean;
  estimate: (DeliveryDays & { earliest: string; latest: string }) | null;
}

export interface PickupQuoteOption {
  type: 'pickup';
  id: string;
  name: string;
  amount: 0;
  currency: string;
  location: { id: string; name: string; address: Record<string, string | undefined> };
  instructions: string | null;
  estimate: { readyInMinutes: number; readyAt: string } | { readyInDays: number; readyOn: string } | null;
}

export interface ShippingQuote {
  destination: { country: string; region?: string | null };
  currency: string;
  zone: { id: string; name: string; matchedBy: 'region' | 'country' | 'rest_of_world' } | null;
  options: (DeliveryOption | PickupQuoteOption)[];
  unavailable: {
    type: 'delivery' | 'pickup';
    id: string;
    name: string;
    reason: UnavailableReason;
    details?: Record<string, unknown>;
  }[];
}

export interface ShippingQuoteAnswer {
  quote: ShippingQuote;
  estimate: {
    cheapest: DeliveryOption | null;
    range: { min: number; max: number } | null;
    deliveryOptionCount: number;
    pickupAvailable: boolean;
    mayVaryByRegion: boolean;
  };
  weight: { totalGrams: number; shippingRequired: boolean; variantsWithoutWeight: string[] };
}

export interface ShippingQuoteRequest {
  destination: { country: string; region?: string | null };
  currency: string;
  subtotal: number;
  lines?: { variantId: string; quantity: number }[];
  totalWeightGrams?: number;
  now?: string;
}
