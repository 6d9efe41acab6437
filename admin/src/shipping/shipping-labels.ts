import { countryName } from '../countries/country-names.ts';
import { formatMoney } from '../money/minor-units.ts';
import type {
  DeliveryDays,
  RatePrice,
  RateType,
  ReadyIn,
  ShippingZone,
  UnavailableReason,
} from './shipping-types.ts';
import { formatWeight } from './weight-text.ts';

export const rateTypeLabels: Record<RateType, string> = {
  flat: 'Flat',
  weight_bands: 'By weight',
  subtotal_bands: 'By order value',
};

export const unavailableReasonLabels: Record<UnavailableReason, string> = {
  inactive: 'Switched off',
  no_zone_for_destination: 'No zone ships to this destination',
  other_zone_applies: 'Another zone serves this destination',
  currency_not_offered: 'No price in the cart’s currency',
  below_min_weight: 'Cart too light',
  over_max_weight: 'Cart too heavy',
  below_min_subtotal: 'Order value below the minimum',
  over_max_subtotal: 'Order value above the maximum',
  over_weight_bands: 'Heavier than the last weight band',
  pickup_not_offered_in_country: 'Not offered in this country',
  location_inactive: 'Its location is inactive',
  location_missing: 'Its location no longer exists',
};

/** "Germany, Austria", "United States (US-AK, US-HI)", or "Every other destination". */
export function zoneDestinationsText(zone: ShippingZone): string {
  if (zone.restOfWorld) return 'Every destination no other zone lists';
  return zone.countries
    .map((c) =>
      c.regions.length > 0 ? `${countryName(c.country)} (${c.regions.join(', ')})` : countryName(c.country),
    )
    .join(', ');
}

/** "1–2 business days", "Same day". */
export function deliveryDaysText(estimate: DeliveryDays | null): string {
  if (!estimate) return '—';
  const { minDays, maxDays } = estimate;
  if (maxDays === 0) return 'Same business day';
  const days = minDays === maxDays ? `${minDays}` : `${minDays}–${maxDays}`;
  return `${days} business day${maxDays === 1 ? '' : 's'}`;
}

/** One currency's amounts of a rate, in a line: "€4.90 · free from €50.00", "≤ 1 kg €6.90 · ≤ 5 kg €11.90". */
export function ratePriceText(price: RatePrice, type: RateType): string {
  const money = (amount: number) => formatMoney(amount, price.currency);
  const parts: string[] = [];
  if (type === 'flat') parts.push(money(price.amount ?? 0));
  if (type === 'weight_bands') {
    for (const band of price.weightBands ?? []) {
      parts.push(
        `${band.upToGrams === null ? 'heavier' : `≤ ${formatWeight(band.upToGrams)}`} ${money(band.amount)}`,
      );
    }
  }
  if (type === 'subtotal_bands') {
    for (const band of price.subtotalBands ?? [])
      parts.push(`from ${money(band.fromSubtotal)}: ${money(band.amount)}`);
  }
  if (price.freeAbove !== null) parts.push(`free from ${money(price.freeAbove)}`);
  if (price.minSubtotal !== null) parts.push(`orders from ${money(price.minSubtotal)}`);
  if (price.maxSubtotal !== null) parts.push(`orders up to ${money(price.maxSubtotal)}`);
  return parts.join(' · ');
}

/** "Ready in 2 hours", "Ready in 1 business day". */
export function readyInText(readyIn: ReadyIn | null): string {
  if (!readyIn) return '—';
  if (readyIn.unit === 'days') return `${readyIn.value} business day${readyIn.value === 1 ? '' : 's'}`;
  if (readyIn.value % 60 === 0 && readyIn.value > 0) {
    const hours = readyIn.value / 60;
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  return `${readyIn.value} minutes`;
}
