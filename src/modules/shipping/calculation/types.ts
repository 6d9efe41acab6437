/**
 * The shapes of the shipping calculation (docs/shipping.md). Pure data: the calculation reads no
 * database, so checkout, the cart estimate and the admin's quote all give it the same config.
 * Money is integer minor units of the request's currency; weights are whole grams.
 */

export type RateType = 'flat' | 'weight_bands' | 'subtotal_bands';

/** Up to and including `upToGrams` (null: no upper limit; only the last band may say so). */
export interface WeightBand {
  upToGrams: number | null;
  amount: number;
}

/** From and including `fromSubtotal` up to the next band's start; the first band starts at 0. */
export interface SubtotalBand {
  fromSubtotal: number;
  amount: number;
}

/**
 * A rate's amounts in one currency. Which of `amount` / `bands` is set follows the rate's type:
 * `amount` for flat, `bands` (weight or subtotal bands) otherwise. Subtotal conditions and the
 * free-above threshold are money, so they are per currency too (all inclusive).
 */
export interface RatePrice {
  currency: string;
  amount?: number;
  weightBands?: WeightBand[];
  subtotalBands?: SubtotalBand[];
  /** A subtotal of at least this ships free (the threshold itself included). */
  freeAbove: number | null;
  minSubtotal: number | null;
  maxSubtotal: number | null;
}

export interface DeliveryDays {
  minDays: number;
  maxDays: number;
}

export interface ZoneCountry {
  country: string;
  /** ISO 3166-2 codes; empty: the whole country. */
  regions: string[];
}

export interface ZoneConfig {
  id: string;
  name: string;
  restOfWorld: boolean;
  countries: ZoneCountry[];
}

export interface RateConfig {
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

export interface ReadyIn {
  value: number;
  unit: 'minutes' | 'days';
}

export interface PickupLocation {
  id: string;
  name: string;
  address: Record<string, string | undefined>;
  active: boolean;
}

export interface PickupConfig {
  id: string;
  name: string;
  instructions: string | null;
  readyIn: ReadyIn | null;
  countries: string[];
  active: boolean;
  /** The inventory location; null when it no longer exists. */
  location: PickupLocation | null;
}

export interface ShippingConfig {
  /** The store's IANA time zone: delivery days are counted on its calendar. */
  timezone: string;
  zones: ZoneConfig[];
  rates: RateConfig[];
  pickups: PickupConfig[];
}

export interface ShippingDestination {
  country: string;
  /** ISO 3166-2, e.g. US-AK; unknown before the shopper gives an address. */
  region?: string | null;
}

export interface ShippingRequest {
  destination: ShippingDestination;
  currency: string;
  /** The cart's subtotal after discounts, minor units of `currency`. */
  subtotal: number;
  totalWeightGrams: number;
  /** The moment delivery days are counted from. */
  now: Date;
}

export interface DeliveryEstimate extends DeliveryDays {
  /** Days in the store's time zone, YYYY-MM-DD, weekends skipped. */
  earliest: string;
  latest: string;
}

export interface DeliveryOption {
  type: 'delivery';
  id: string;
  zoneId: string;
  name: string;
  rateType: RateType;
  amount: number;
  currency: string;
  /** True when the amount is 0 because the subtotal reached the rate's free-above threshold. */
  freeAboveApplied: boolean;
  estimate: DeliveryEstimate | null;
}

export type PickupEstimate =
  | { readyInMinutes: number; readyAt: string }
  | { readyInDays: number; readyOn: string };

export interface PickupOption {
  type: 'pickup';
  id: string;
  name: string;
  amount: 0;
  currency: string;
  location: { id: string; name: string; address: Record<string, string | undefined> };
  instructions: string | null;
  estimate: PickupEstimate | null;
}

export type ShippingOption = DeliveryOption | PickupOption;

export const unavailableReasons = [
  'inactive',
  'no_zone_for_destination',
  'other_zone_applies',
  'currency_not_offered',
  'below_min_weight',
  'over_max_weight',
  'below_min_subtotal',
  'over_max_subtotal',
  'over_weight_bands',
  'pickup_not_offered_in_country',
  'location_inactive',
  'location_missing',
] as const;
export type UnavailableReason = (typeof unavailableReasons)[number];

export interface UnavailableOption {
  type: 'delivery' | 'pickup';
  id: string;
  name: string;
  reason: UnavailableReason;
  /** The limit that was not met, where there is one (e.g. { maxWeightGrams: 2000 }). */
  details?: Record<string, unknown>;
}

export interface MatchedZone {
  id: string;
  name: string;
  matchedBy: 'region' | 'country' | 'rest_of_world';
}

export interface ShippingOptions {
  destination: ShippingDestination;
  currency: string;
  zone: MatchedZone | null;
  /** Delivery options cheapest first, then pick-up options by name. */
  options: ShippingOption[];
  /** Every other rate and pick-up option of the store, with why it is not offered. */
  unavailable: UnavailableOption[];
}
