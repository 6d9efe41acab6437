import type { RateConfig, ShippingConfig } from '../calculation/types.ts';

/**
 * The worked example of docs/shipping.md: a Berlin store shipping to Germany, the EU, the US (with
 * Alaska and Hawaii apart) and the rest of the world, with a shop where shoppers can collect.
 */
const noLimits = { freeAbove: null, minSubtotal: null, maxSubtotal: null };
const rate = (
  fields: Partial<RateConfig> & Pick<RateConfig, 'id' | 'zoneId' | 'name' | 'type' | 'prices'>,
) => ({
  minWeightGrams: null,
  maxWeightGrams: null,
  estimate: null,
  active: true,
  position: 0,
  ...fields,
});

export const exampleConfig: ShippingConfig = {
  timezone: 'Europe/Berlin',
  zones: [
    { id: 'z_de', name: 'Germany', restOfWorld: false, countries: [{ country: 'DE', regions: [] }] },
    {
      id: 'z_eu',
      name: 'EU',
      restOfWorld: false,
      countries: ['AT', 'BE', 'FR', 'NL'].map((country) => ({ country, regions: [] })),
    },
    { id: 'z_us', name: 'United States', restOfWorld: false, countries: [{ country: 'US', regions: [] }] },
    {
      id: 'z_akhi',
      name: 'Alaska & Hawaii',
      restOfWorld: false,
      countries: [{ country: 'US', regions: ['US-AK', 'US-HI'] }],
    },
    { id: 'z_row', name: 'Rest of world', restOfWorld: true, countries: [] },
  ],
  rates: [
    rate({
      id: 'r_de_standard',
      zoneId: 'z_de',
      name: 'Standard',
      type: 'flat',
      prices: [{ currency: 'EUR', amount: 490, ...noLimits, freeAbove: 5000 }],
      estimate: { minDays: 1, maxDays: 2 },
    }),
    rate({
      id: 'r_de_express',
      zoneId: 'z_de',
      name: 'Express',
      type: 'flat',
      prices: [{ currency: 'EUR', amount: 990, ...noLimits }],
      maxWeightGrams: 10_000,
      estimate: { minDays: 0, maxDays: 1 },
      position: 1,
    }),
    rate({
      id: 'r_eu_standard',
      zoneId: 'z_eu',
      name: 'Standard',
      type: 'weight_bands',
      prices: [
        {
          currency: 'EUR',
          weightBands: [
            { upToGrams: 1000, amount: 690 },
            { upToGrams: 5000, amount: 1190 },
            { upToGrams: 20_000, amount: 1990 },
          ],
          ...noLimits,
        },
      ],
      estimate: { minDays: 2, maxDays: 5 },
    }),
    rate({
      id: 'r_us_standard',
      zoneId: 'z_us',
      name: 'Standard',
      type: 'subtotal_bands',
      prices: [
        {
          currency: 'USD',
          subtotalBands: [
            { fromSubtotal: 0, amount: 995 },
            { fromSubtotal: 5000, amount: 595 },
            { fromSubtotal: 10_000, amount: 0 },
          ],
          ...noLimits,
        },
      ],
      estimate: { minDays: 3, maxDays: 7 },
    }),
    rate({
      id: 'r_akhi',
      zoneId: 'z_akhi',
      name: 'Remote areas',
      type: 'flat',
      prices: [{ currency: 'USD', amount: 2500, ...noLimits }],
      estimate: { minDays: 5, maxDays: 10 },
    }),
    rate({
      id: 'r_row',
      zoneId: 'z_row',
      name: 'International',
      type: 'flat',
      prices: [
        { currency: 'EUR', amount: 2490, ...noLimits },
        { currency: 'USD', amount: 2690, ...noLimits },
      ],
      maxWeightGrams: 5000,
      estimate: { minDays: 5, maxDays: 12 },
    }),
  ],
  pickups: [
    {
      id: 'p_berlin',
      name: 'Berlin shop',
      instructions: 'Bring your order number.',
      readyIn: { value: 120, unit: 'minutes' },
      countries: ['DE'],
      active: true,
      location: {
        id: 'loc_berlin',
        name: 'Berlin',
        address: { city: 'Berlin', country: 'DE' },
        active: true,
      },
    },
    {
      id: 'p_vienna',
      name: 'Vienna shop',
      instructions: null,
      readyIn: { value: 2, unit: 'days' },
      countries: ['AT'],
      active: true,
      location: { id: 'loc_vienna', name: 'Vienna', address: { country: 'AT' }, active: false },
    },
  ],
};

/** Friday 5 July 2030, 10:00 in Berlin. */
export const exampleNow = new Date('2030-07-05T08:00:00Z');
