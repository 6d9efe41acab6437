import { DateTime } from 'luxon';
import { badRequest } from '../../../platform/errors.ts';
import { assertMinorUnits } from '../../../platform/money.ts';
import { businessDaysFrom, deliveryWindow } from './delivery-window.ts';
import { matchZone } from './match-zone.ts';
import { rateAmount } from './rate-amount.ts';
import type {
  DeliveryOption,
  PickupConfig,
  PickupEstimate,
  PickupOption,
  RateConfig,
  ShippingConfig,
  ShippingOptions,
  ShippingRequest,
  UnavailableOption,
} from './types.ts';

/**
 * The ways a cart can reach a destination, with what each costs and when it arrives: the rates of
 * the zone that serves the destination (`matchZone`: region > country > rest of world) that apply
 * to the cart (`rateAmount`), and the pick-up options offered in the destination's country. Every
 * other active or inactive rate and pick-up option is listed under `unavailable` with its reason.
 * Pure: the same config and request always give the same answer (docs/shipping.md).
 */
export function shippingOptions(request: ShippingRequest, config: ShippingConfig): ShippingOptions {
  checkRequest(request);
  const { destination, currency, now } = request;
  const zone = matchZone(config.zones, destination);
  const delivery: DeliveryOption[] = [];
  const unavailable: UnavailableOption[] = [];

  for (const rate of ratesInOrder(config)) {
    const base = { type: 'delivery' as const, id: rate.id, name: rate.name };
    if (!zone) {
      unavailable.push({ ...base, reason: 'no_zone_for_destination' });
      continue;
    }
    if (rate.zoneId !== zone.id) {
      unavailable.push({ ...base, reason: 'other_zone_applies', details: { zoneId: zone.id } });
      continue;
    }
    const outcome = rateAmount(rate, request);
    if (!outcome.available) {
      const { reason, details } = outcome;
      unavailable.push(details ? { ...base, reason, details } : { ...base, reason });
      continue;
    }
    delivery.push({
      ...base,
      zoneId: rate.zoneId,
      rateType: rate.type,
      amount: outcome.amount,
      currency,
      freeAboveApplied: outcome.freeAboveApplied,
      estimate: rate.estimate
        ? {
            ...rate.estimate,
            ...deliveryWindow(now, config.timezone, rate.estimate.minDays, rate.estimate.maxDays),
          }
        : null,
    });
  }

  const positionOf = new Map(config.rates.map((r) => [r.id, r.position]));
  delivery.sort(
    (a, b) =>
      a.amount - b.amount ||
      positionOf.get(a.id)! - positionOf.get(b.id)! ||
      compareText(a.name, b.name) ||
      compareText(a.id, b.id),
  );

  const pickups: PickupOption[] = [];
  for (const pickup of [...config.pickups].sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.id, b.id),
  )) {
    const reason = pickupUnavailableReason(pickup, destination.country);
    if (reason) {
      unavailable.push({ type: 'pickup', id: pickup.id, name: pickup.name, reason });
      continue;
    }
    const location = pickup.location!;
    pickups.push({
      type: 'pickup',
      id: pickup.id,
      name: pickup.name,
      amount: 0,
      currency,
      location: { id: location.id, name: location.name, address: location.address },
      instructions: pickup.instructions,
      estimate: pickupEstimate(pickup, now, config.timezone),
    });
  }

  return { destination, currency, zone, options: [...delivery, ...pickups], unavailable };
}

function pickupUnavailableReason(pickup: PickupConfig, country: string): UnavailableOption['reason'] | null {
  if (!pickup.active) return 'inactive';
  if (!pickup.location) return 'location_missing';
  if (!pickup.location.active) return 'location_inactive';
  if (!pickup.countries.includes(country)) return 'pickup_not_offered_in_country';
  return null;
}

/**
 * Minutes are plain clock time from now (locations keep no opening hours yet); days are business
 * days on the store's calendar, like delivery estimates.
 */
function pickupEstimate(pickup: PickupConfig, now: Date, timezone: string): PickupEstimate | null {
  const readyIn = pickup.readyIn;
  if (!readyIn) return null;
  if (readyIn.unit === 'minutes') {
    const readyAt = DateTime.fromJSDate(now).plus({ minutes: readyIn.value }).toUTC().toISO()!;
    return { readyInMinutes: readyIn.value, readyAt };
  }
  return { readyInDays: readyIn.value, readyOn: businessDaysFrom(now, timezone, readyIn.value) };
}

/** Rates grouped by zone (zones by name), each zone's by position: the order the admin sees them in. */
function ratesInOrder(config: ShippingConfig): RateConfig[] {
  const zoneName = new Map(config.zones.map((z) => [z.id, z.name]));
  return [...config.rates].sort(
    (a, b) =>
      compareText(zoneName.get(a.zoneId) ?? '', zoneName.get(b.zoneId) ?? '') ||
      compareText(a.zoneId, b.zoneId) ||
      a.position - b.position ||
      compareText(a.id, b.id),
  );
}

function checkRequest(request: ShippingRequest): void {
  assertMinorUnits(request.subtotal, 'subtotal');
  if (request.subtotal < 0) {
    throw badRequest('invalid_amount', 'The subtotal cannot be negative.', { subtotal: request.subtotal });
  }
  const grams = request.totalWeightGrams;
  if (!Number.isSafeInteger(grams) || grams < 0) {
    throw badRequest('invalid_weight', 'The weight must be a whole number of grams, 0 or more.', {
      totalWeightGrams: grams,
    });
  }
  const region = request.destination.region;
  if (region && !region.startsWith(`${request.destination.country}-`)) {
    throw badRequest(
      'region_outside_country',
      `${region} is not a region of ${request.destination.country}.`,
      {
        path: 'destination.region',
      },
    );
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
