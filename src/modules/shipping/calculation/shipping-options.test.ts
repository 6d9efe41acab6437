import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { exampleConfig, exampleNow } from '../testing/example-config.ts';
import { selectShippingOption } from './select-option.ts';
import { shippingOptions } from './shipping-options.ts';
import type { ShippingDestination, ShippingOptions } from './types.ts';

const quote = (
  destination: ShippingDestination,
  cart: { currency?: string; subtotal?: number; grams?: number } = {},
  config = exampleConfig,
) =>
  shippingOptions(
    {
      destination,
      currency: cart.currency ?? 'EUR',
      subtotal: cart.subtotal ?? 2000,
      totalWeightGrams: cart.grams ?? 500,
      now: exampleNow,
    },
    config,
  );

/** "Standard 490" for each option, in the order offered. */
const offered = (q: ShippingOptions) => q.options.map((o) => `${o.name} ${o.amount}`);
const reasonOf = (q: ShippingOptions, id: string) => q.unavailable.find((u) => u.id === id)?.reason;

describe('worked examples (docs/shipping.md)', () => {
  const rows: {
    what: string;
    destination: ShippingDestination;
    cart: { currency?: string; subtotal?: number; grams?: number };
    zone: string | null;
    matchedBy?: string;
    offered: string[];
    reasons?: Record<string, string>;
  }[] = [
    {
      what: 'Germany, €49.99: flat €4.90 and express, and the Berlin shop',
      destination: { country: 'DE' },
      cart: { subtotal: 4999, grams: 1200 },
      zone: 'z_de',
      matchedBy: 'country',
      offered: ['Standard 490', 'Express 990', 'Berlin shop 0'],
    },
    {
      what: 'Germany, exactly €50.00: standard is free (free above includes the threshold)',
      destination: { country: 'DE' },
      cart: { subtotal: 5000 },
      zone: 'z_de',
      offered: ['Standard 0', 'Express 990', 'Berlin shop 0'],
    },
    {
      what: 'Germany, 10.001 kg: express has a 10 kg limit',
      destination: { country: 'DE' },
      cart: { grams: 10_001 },
      zone: 'z_de',
      offered: ['Standard 490', 'Berlin shop 0'],
      reasons: { r_de_express: 'over_max_weight' },
    },
    {
      what: 'France, exactly 1 kg: the first weight band (its limit is included)',
      destination: { country: 'FR' },
      cart: { grams: 1000 },
      zone: 'z_eu',
      offered: ['Standard 690'],
      reasons: { p_berlin: 'pickup_not_offered_in_country', r_de_standard: 'other_zone_applies' },
    },
    {
      what: 'France, 1001 g: the second weight band',
      destination: { country: 'FR' },
      cart: { grams: 1001 },
      zone: 'z_eu',
      offered: ['Standard 1190'],
    },
    {
      what: 'Austria, 20.001 kg: heavier than the last band',
      destination: { country: 'AT' },
      cart: { grams: 20_001 },
      zone: 'z_eu',
      offered: [],
      reasons: { r_eu_standard: 'over_weight_bands', p_vienna: 'location_inactive' },
    },
    {
      what: 'US (California), $49.99: first subtotal band',
      destination: { country: 'US', region: 'US-CA' },
      cart: { currency: 'USD', subtotal: 4999 },
      zone: 'z_us',
      matchedBy: 'country',
      offered: ['Standard 995'],
    },
    {
      what: 'US, exactly $50.00: the second band starts there',
      destination: { country: 'US' },
      cart: { currency: 'USD', subtotal: 5000 },
      zone: 'z_us',
      offered: ['Standard 595'],
    },
    {
      what: 'US, $100.00: free band',
      destination: { country: 'US' },
      cart: { currency: 'USD', subtotal: 10_000 },
      zone: 'z_us',
      offered: ['Standard 0'],
    },
    {
      what: 'Alaska: the region zone wins over the US zone',
      destination: { country: 'US', region: 'US-AK' },
      cart: { currency: 'USD', subtotal: 10_000 },
      zone: 'z_akhi',
      matchedBy: 'region',
      offered: ['Remote areas 2500'],
      reasons: { r_us_standard: 'other_zone_applies' },
    },
    {
      what: 'Japan in EUR: rest of world',
      destination: { country: 'JP' },
      cart: {},
      zone: 'z_row',
      matchedBy: 'rest_of_world',
      offered: ['International 2490'],
    },
    {
      what: 'Japan in USD: the rate’s own USD amount, not a conversion',
      destination: { country: 'JP' },
      cart: { currency: 'USD' },
      zone: 'z_row',
      offered: ['International 2690'],
    },
    {
      what: 'Japan in GBP: no amount in that currency',
      destination: { country: 'JP' },
      cart: { currency: 'GBP' },
      zone: 'z_row',
      offered: [],
      reasons: { r_row: 'currency_not_offered' },
    },
    {
      what: 'Germany in USD: the German rates are in EUR only; pick-up is free in any currency',
      destination: { country: 'DE' },
      cart: { currency: 'USD' },
      zone: 'z_de',
      offered: ['Berlin shop 0'],
      reasons: { r_de_standard: 'currency_not_offered', r_de_express: 'currency_not_offered' },
    },
  ];
  for (const row of rows) {
    test(row.what, () => {
      const q = quote(row.destination, row.cart);
      assert.equal(q.zone?.id ?? null, row.zone);
      if (row.matchedBy) assert.equal(q.zone?.matchedBy, row.matchedBy);
      assert.deepEqual(offered(q), row.offered);
      for (const [id, reason] of Object.entries(row.reasons ?? {})) assert.equal(reasonOf(q, id), reason, id);
      // Every rate and pick-up option of the store is accounted for exactly once.
      const ids = [...q.options, ...q.unavailable].map((o) => o.id).sort();
      const all = [...exampleConfig.rates, ...exampleConfig.pickups].map((o) => o.id).sort();
      assert.deepEqual(ids, all);
    });
  }
});

test('without a rest-of-world zone an unlisted country has no zone: every rate says so', () => {
  const config = { ...exampleConfig, zones: exampleConfig.zones.filter((z) => !z.restOfWorld) };
  const q = quote({ country: 'JP' }, {}, config);
  assert.equal(q.zone, null);
  assert.deepEqual(
    q.unavailable.filter((u) => u.type === 'delivery').map((u) => u.reason),
    Array(exampleConfig.rates.length).fill('no_zone_for_destination'),
  );
  assert.deepEqual(q.options, []);
});

test('a region not named by any zone falls back to its country, and a region-only zone needs the region', () => {
  assert.equal(quote({ country: 'US', region: 'US-NY' }, { currency: 'USD' }).zone?.id, 'z_us');
  assert.equal(quote({ country: 'US' }, { currency: 'USD' }).zone?.id, 'z_us');
  const withoutUs = { ...exampleConfig, zones: exampleConfig.zones.filter((z) => z.id !== 'z_us') };
  assert.equal(quote({ country: 'US', region: 'US-HI' }, { currency: 'USD' }, withoutUs).zone?.id, 'z_akhi');
  assert.equal(quote({ country: 'US' }, { currency: 'USD' }, withoutUs).zone?.id, 'z_row');
});

test('options carry the delivery window in the store’s calendar and the pick-up time', () => {
  const q = quote({ country: 'DE' }, { subtotal: 6000 });
  const [standard, express, pickup] = q.options;
  // Friday 5 July 2030: 1–2 business days → Monday 8 to Tuesday 9; 0–1 → Friday to Monday.
  assert.deepEqual(standard, {
    type: 'delivery',
    id: 'r_de_standard',
    zoneId: 'z_de',
    name: 'Standard',
    rateType: 'flat',
    amount: 0,
    currency: 'EUR',
    freeAboveApplied: true,
    estimate: { minDays: 1, maxDays: 2, earliest: '2030-07-08', latest: '2030-07-09' },
  });
  assert.deepEqual(express?.type === 'delivery' && express.estimate, {
    minDays: 0,
    maxDays: 1,
    earliest: '2030-07-05',
    latest: '2030-07-08',
  });
  assert.deepEqual(pickup, {
    type: 'pickup',
    id: 'p_berlin',
    name: 'Berlin shop',
    amount: 0,
    currency: 'EUR',
    location: { id: 'loc_berlin', name: 'Berlin', address: { city: 'Berlin', country: 'DE' } },
    instructions: 'Bring your order number.',
    estimate: { readyInMinutes: 120, readyAt: '2030-07-05T10:00:00.000Z' },
  });
});

test('pick-up in days counts business days; inactive and missing locations are not offered', () => {
  const vienna = exampleConfig.pickups[1]!;
  const config = {
    ...exampleConfig,
    pickups: [
      { ...vienna, location: { ...vienna.location!, active: true } },
      { ...vienna, id: 'p_gone', name: 'Gone', location: null },
      { ...vienna, id: 'p_off', name: 'Off', active: false, location: { ...vienna.location!, active: true } },
    ],
  };
  const q = quote({ country: 'AT' }, {}, config);
  const pickup = q.options.find((o) => o.type === 'pickup');
  assert.deepEqual(pickup?.estimate, { readyInDays: 2, readyOn: '2030-07-09' });
  assert.equal(reasonOf(q, 'p_gone'), 'location_missing');
  assert.equal(reasonOf(q, 'p_off'), 'inactive');
});

test('ties in amount keep the rates’ positions; inactive rates are listed as inactive', () => {
  const config = {
    ...exampleConfig,
    rates: [
      ...exampleConfig.rates,
      { ...exampleConfig.rates[1]!, id: 'r_de_same', name: 'Same price, earlier', position: 0 },
      { ...exampleConfig.rates[0]!, id: 'r_de_off', name: 'Old', active: false },
    ],
  };
  const q = quote({ country: 'DE' }, {}, config);
  assert.deepEqual(offered(q), ['Standard 490', 'Same price, earlier 990', 'Express 990', 'Berlin shop 0']);
  assert.equal(reasonOf(q, 'r_de_off'), 'inactive');
});

test('selectShippingOption returns the offered option or refuses with the reason', () => {
  const q = quote({ country: 'DE' }, { grams: 12_000 });
  assert.equal(selectShippingOption(q, 'r_de_standard').amount, 490);
  assert.throws(
    () => selectShippingOption(q, 'r_de_express'),
    (err: unknown) =>
      err instanceof AppError &&
      err.status === 422 &&
      err.code === 'shipping_option_unavailable' &&
      (err.details as { reason: string }).reason === 'over_max_weight',
  );
  assert.throws(
    () => selectShippingOption(q, 'nope'),
    (err: unknown) =>
      err instanceof AppError && (err.details as { reason: string }).reason === 'unknown_option',
  );
});

test('bad requests are refused, not quoted', () => {
  const base = {
    destination: { country: 'DE' },
    currency: 'EUR',
    subtotal: 0,
    totalWeightGrams: 0,
    now: exampleNow,
  };
  for (const bad of [
    { ...base, subtotal: -1 },
    { ...base, subtotal: 1.5 },
    { ...base, totalWeightGrams: -1 },
    { ...base, destination: { country: 'DE', region: 'US-AK' } },
  ]) {
    assert.throws(
      () => shippingOptions(bad, exampleConfig),
      (err: unknown) => err instanceof AppError && err.status === 400,
    );
  }
});
