import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { rateAmount, weightBandFor } from './rate-amount.ts';
import { shippingOptions } from './shipping-options.ts';
import type { PickupConfig, RateConfig, RatePrice, ShippingConfig, WeightBand, ZoneConfig } from './types.ts';

const currencies = ['EUR', 'USD', 'JPY'] as const;
const countries = ['DE', 'FR', 'US', 'JP', 'BR'] as const;
const now = new Date('2030-07-05T08:00:00Z');

const amount = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2_000_000_000 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

/** Strictly increasing limits; the last one sometimes open. */
const weightBandsArb: fc.Arbitrary<WeightBand[]> = fc
  .record({
    limits: fc.uniqueArray(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 6 }),
    amounts: fc.array(amount, { minLength: 6, maxLength: 6 }),
    open: fc.boolean(),
  })
  .map(({ limits, amounts, open }) =>
    [...limits]
      .sort((a, b) => a - b)
      .map((upToGrams, i, all) => ({
        upToGrams: open && i === all.length - 1 ? null : upToGrams,
        amount: amounts[i]!,
      })),
  );

const subtotalBandsArb = fc
  .record({
    starts: fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { maxLength: 5 }),
    amounts: fc.array(amount, { minLength: 6, maxLength: 6 }),
  })
  .map(({ starts, amounts }) =>
    [0, ...[...starts].sort((a, b) => a - b)].map((fromSubtotal, i) => ({
      fromSubtotal,
      amount: amounts[i]!,
    })),
  );

const priceArb = (type: RateConfig['type'], currency: string): fc.Arbitrary<RatePrice> =>
  fc
    .record({
      amount,
      weightBands: weightBandsArb,
      subtotalBands: subtotalBandsArb,
      freeAbove: maybe(fc.integer({ min: 0, max: 200_000 })),
      minSubtotal: maybe(fc.integer({ min: 0, max: 50_000 })),
      maxSubtotal: maybe(fc.integer({ min: 50_000, max: 300_000 })),
    })
    .map(({ amount, weightBands, subtotalBands, ...conditions }) => ({
      currency,
      ...conditions,
      ...(type === 'flat' ? { amount } : type === 'weight_bands' ? { weightBands } : { subtotalBands }),
    }));

const rateArb = (id: string, zoneIds: string[]): fc.Arbitrary<RateConfig> =>
  fc
    .record({
      zoneId: fc.constantFrom(...zoneIds),
      type: fc.constantFrom('flat' as const, 'weight_bands' as const, 'subtotal_bands' as const),
      currencies: fc.subarray([...currencies], { minLength: 1 }),
      minWeightGrams: maybe(fc.integer({ min: 0, max: 1000 })),
      maxWeightGrams: maybe(fc.integer({ min: 1000, max: 60_000 })),
      active: fc.boolean(),
      position: fc.integer({ min: 0, max: 5 }),
    })
    .chain(({ type, currencies: cs, ...rest }) =>
      fc.tuple(...cs.map((c) => priceArb(type, c))).map((prices) => ({
        id,
        name: id,
        type,
        prices,
        estimate: { minDays: 1, maxDays: 3 },
        ...rest,
      })),
    );

/** Zones over a few countries (each in at most one zone, US-AK in its own), maybe a rest of world. */
const zonesArb: fc.Arbitrary<ZoneConfig[]> = fc
  .record({
    split: fc.array(fc.integer({ min: 0, max: 2 }), {
      minLength: countries.length,
      maxLength: countries.length,
    }),
    alaska: fc.boolean(),
    rest: fc.boolean(),
  })
  .map(({ split, alaska, rest }) => {
    const zones: ZoneConfig[] = [0, 1, 2].map((n) => ({
      id: `z${n}`,
      name: `Zone ${n}`,
      restOfWorld: false,
      countries: countries.filter((_, i) => split[i] === n).map((country) => ({ country, regions: [] })),
    }));
    if (alaska)
      zones.push({
        id: 'zak',
        name: 'Alaska',
        restOfWorld: false,
        countries: [{ country: 'US', regions: ['US-AK'] }],
      });
    if (rest) zones.push({ id: 'zrow', name: 'Rest', restOfWorld: true, countries: [] });
    return zones.filter((z) => z.restOfWorld || z.countries.length > 0);
  });

const pickupArb = (id: string): fc.Arbitrary<PickupConfig> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    instructions: fc.constant(null),
    readyIn: fc.constant(null),
    countries: fc.subarray([...countries], { minLength: 1 }),
    active: fc.boolean(),
    location: fc.option(
      fc.record({
        id: fc.constant(`loc_${id}`),
        name: fc.constant(id),
        address: fc.constant({}),
        active: fc.boolean(),
      }),
      { nil: null, freq: 5 },
    ),
  });

const configArb: fc.Arbitrary<ShippingConfig> = zonesArb.chain((zones) =>
  fc.record({
    timezone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
    zones: fc.constant(zones),
    rates: fc.tuple(
      ...['r1', 'r2', 'r3', 'r4', 'r5'].map((id) =>
        rateArb(id, zones.length ? zones.map((z) => z.id) : ['none']),
      ),
    ),
    pickups: fc.tuple(pickupArb('p1'), pickupArb('p2')),
  }),
);

const requestArb = fc.record({
  destination: fc.oneof(
    fc.record({ country: fc.constantFrom(...countries) }),
    fc.constant({ country: 'US', region: 'US-AK' }),
    fc.constant({ country: 'US', region: 'US-CA' }),
  ),
  currency: fc.constantFrom(...currencies, 'GBP'),
  subtotal: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constant(0)),
  totalWeightGrams: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.constant(0)),
  now: fc.constant(now),
});

test('property: amounts are whole, never negative, never above what the rate asks; every option accounted once', () => {
  fc.assert(
    fc.property(configArb, requestArb, (config, request) => {
      const quote = shippingOptions(request, config);
      for (const option of quote.options) {
        assert.ok(
          Number.isSafeInteger(option.amount) && option.amount >= 0,
          `${option.id}: ${option.amount}`,
        );
        if (option.type !== 'delivery') continue;
        const price = config.rates
          .find((r) => r.id === option.id)!
          .prices.find((p) => p.currency === request.currency)!;
        const most = Math.max(
          price.amount ?? 0,
          ...(price.weightBands ?? []).map((b) => b.amount),
          ...(price.subtotalBands ?? []).map((b) => b.amount),
        );
        assert.ok(option.amount <= most);
        assert.equal(option.zoneId, quote.zone?.id);
      }
      const ids = [...quote.options, ...quote.unavailable].map((o) => o.id).sort();
      assert.deepEqual(ids, [...config.rates, ...config.pickups].map((o) => o.id).sort());
    }),
    { numRuns: 400 },
  );
});

test('property: free above holds exactly at the threshold and not one minor unit below', () => {
  fc.assert(
    fc.property(
      rateArb('r', ['z']),
      fc.integer({ min: 1, max: 200_000 }),
      fc.integer({ min: 0, max: 60_000 }),
      (generated, threshold, grams) => {
        const rate: RateConfig = {
          ...generated,
          active: true,
          minWeightGrams: null,
          maxWeightGrams: null,
          prices: generated.prices.map((p) => ({
            ...p,
            freeAbove: threshold,
            minSubtotal: null,
            maxSubtotal: null,
          })),
        };
        const currency = rate.prices[0]!.currency;
        const at = rateAmount(rate, { currency, subtotal: threshold, totalWeightGrams: grams });
        const below = rateAmount(rate, { currency, subtotal: threshold - 1, totalWeightGrams: grams });
        const above = rateAmount(rate, { currency, subtotal: threshold + 1, totalWeightGrams: grams });
        // Over the last weight band no amount applies, free or not.
        assert.equal(at.available, below.available);
        if (!at.available || !below.available || !above.available) return;
        assert.equal(at.amount, 0);
        assert.equal(above.amount, 0);
        assert.equal(below.freeAboveApplied, false);
        const price = rate.prices[0]!;
        const band = price.subtotalBands?.findLast((b) => b.fromSubtotal <= threshold - 1);
        const weighed = price.weightBands?.[weightBandFor(price.weightBands, grams)!];
        assert.equal(below.amount, price.amount ?? band?.amount ?? weighed?.amount);
      },
    ),
    { numRuns: 400 },
  );
});

/** Bands and a weight, often right on, just under or just over one of the limits. */
const withWeightNearEdges = weightBandsArb.chain((bands) =>
  fc.tuple(
    fc.constant(bands),
    fc.oneof(
      fc.integer({ min: 0, max: 60_000 }),
      fc
        .tuple(fc.constantFrom(...bands.map((b) => b.upToGrams ?? 50_000)), fc.integer({ min: -1, max: 1 }))
        .map(([limit, offset]) => limit + offset),
    ),
  ),
);

test('property: a weight falls in exactly one band, or in none when above the last limit', () => {
  fc.assert(
    fc.property(withWeightNearEdges, ([bands, grams]) => {
      // Band i covers (limit of band i−1, limit of band i]; the first from 0 g; null: no limit.
      const containing = bands.filter((band, i) => {
        const lower = i === 0 ? -1 : bands[i - 1]!.upToGrams!;
        return grams > lower && (band.upToGrams === null || grams <= band.upToGrams);
      });
      const last = bands.at(-1)!.upToGrams;
      assert.equal(containing.length, last === null || grams <= last ? 1 : 0);
      const index = weightBandFor(bands, grams);
      assert.equal(index === null ? undefined : bands[index], containing[0]);
    }),
    { numRuns: 1000 },
  );
});

test('property: pick-up is offered exactly where it serves, while it and its location are active', () => {
  fc.assert(
    fc.property(configArb, requestArb, (config, request) => {
      const quote = shippingOptions(request, config);
      for (const pickup of config.pickups) {
        const offered = quote.options.some((o) => o.id === pickup.id);
        const serves =
          pickup.active &&
          !!pickup.location?.active &&
          pickup.countries.includes(request.destination.country);
        assert.equal(offered, serves, pickup.id);
      }
    }),
    { numRuns: 300 },
  );
});
