import type { Actor, Store } from '../modules/access/index.ts';
import { recordExchangeRate } from '../modules/markets/exchange-rates.ts';
import { listMarkets, storeDay } from '../modules/markets/index.ts';
import { createMarket, updateMarket } from '../modules/markets/markets.ts';
import { updatePaymentSettings } from '../modules/payments/index.ts';
import { createDiscount } from '../modules/promotions/discounts.ts';
import type { CreateRateInput } from '../modules/shipping/rate-input.ts';
import { createRate } from '../modules/shipping/rates.ts';
import { createZone } from '../modules/shipping/zones.ts';
import { installTaxPreset } from '../modules/tax/install-preset.ts';
import { updateTaxSettings } from '../modules/tax/tax-settings.ts';
import type { Db } from '../platform/db/database.ts';
import { type DemoSellable, demoOrderSpanDays, placeDemoOrders } from './demo-orders.ts';

export { type DemoSellable, demoOrderCount } from './demo-orders.ts';

/** The EU's member states: the primary market (euro) sells to them, and ships to them at EU rates. */
const euCountries = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

/**
 * Euro rates since the markets opened, four over the span of the checkout orders (quote currency
 * per euro), so the markets screen shows a history and converted prices move a little; each order
 * is priced at the rate of the day it was placed. The history before sold in euros only.
 */
const monthlyRates: Record<string, readonly string[]> = {
  GBP: ['0.8512', '0.8468', '0.8539', '0.8575'],
  USD: ['1.0841', '1.0912', '1.0787', '1.0856'],
  JPY: ['161.42', '163.05', '162.37', '164.11'],
};

/** Free-above thresholds and flat amounts per currency (minor units): what a European shop charges. */
const freeAbove = { EUR: 7500, GBP: 6500, USD: 9000, JPY: 12_000 } as const;

const day = 24 * 3600 * 1000;

/**
 * A European shop's terms of sale and six weeks of orders, all through the modules' own
 * services (docs/selling.md): markets for the EU (euro), the UK, the US and Japan with recorded
 * exchange rates; EU VAT and US state tax; shipping zones with flat and weight-band rates and
 * free-above thresholds per currency; WELCOME10, FREESHIP and an automatic buy-2-get-1; bank
 * transfer instructions; then orders placed from carts and worked as a shop would
 * (demo-orders.ts). `onOrder` is called as each order is placed (the seed's progress).
 */
export async function seedDemoSelling(
  db: Db,
  actor: Actor,
  store: Store,
  sellable: readonly DemoSellable[],
  warehouseId: string,
  onOrder?: () => void,
  shouldStop?: () => boolean,
  /** Runs once the terms of sale are set and before the first order (the store's history). */
  beforeOrders?: () => Promise<void>,
): Promise<string[]> {
  // The oat mug sells on "buy 2, get 1"; one customer swaps one for the slate glaze.
  const bxgyProduct = sellable.find((v) => v.handle === 'stoneware-mug-oat') ?? sellable[0]!;
  const exchangeTo = sellable.find((v) => v.handle === 'stoneware-mug-slate');
  await db.transaction(async (tx) => {
    await setUpMarkets(tx, actor, store);
    await updateTaxSettings(tx, store.id, actor, { pricesIncludeTax: true });
    await installTaxPreset(tx, store.id, actor, 'eu', {});
    await installTaxPreset(tx, store.id, actor, 'us', {});
    await setUpShipping(tx, actor, store.id);
    await setUpDiscounts(tx, actor, store.id, bxgyProduct.productId);
    await updatePaymentSettings(tx, store.id, actor, {
      captureMode: 'immediate',
      providers: {
        manual: {
          enabled: true,
          title: 'Bank transfer',
          instructions:
            'Please transfer the total to Alder & Ash GmbH, IBAN DE89 3704 0044 0532 0130 00, BIC ' +
            'COBADEFFXXX, with your order number as the reference. We ship as soon as it arrives ' +
            '(usually 1–2 business days).',
        },
        test_card: { enabled: true },
      },
    });
  });
  await beforeOrders?.();
  return placeDemoOrders(db, actor, store, sellable, warehouseId, {
    bxgyVariantId: bxgyProduct.variantId,
    ...(exchangeTo ? { exchangeToVariantId: exchangeTo.variantId } : {}),
    onOrder,
    shouldStop,
  });
}

async function setUpMarkets(tx: Db, actor: Actor, store: Store): Promise<void> {
  const [primary] = await listMarkets(tx, store);
  await updateMarket(tx, store, actor, primary!.id, { name: 'European Union', countries: euCountries });
  const markets = [
    { name: 'United Kingdom', currency: 'GBP', countries: ['GB'], rounding: 'ninety_nine' as const },
    { name: 'United States', currency: 'USD', countries: ['US'], rounding: 'ninety_nine' as const },
    { name: 'Japan', currency: 'JPY', countries: ['JP'], rounding: 'whole' as const },
  ];
  for (const m of markets) {
    await createMarket(tx, store, actor, {
      name: m.name,
      currency: m.currency,
      countries: m.countries,
      priceList: { mode: 'converted', rounding: m.rounding, convertCompareAt: true },
    });
    const rates = monthlyRates[m.currency]!;
    for (const [i, rate] of rates.entries()) {
      // The first applies from before the oldest order, so every order is priced at its day's rate.
      const effective = new Date(
        Date.now() - (demoOrderSpanDays + 5) * day + i * Math.floor(demoOrderSpanDays / rates.length) * day,
      );
      await recordExchangeRate(tx, store, actor, {
        quoteCurrency: m.currency,
        rate,
        effectiveOn: storeDay(store, effective),
      });
    }
  }
}

/** Weight bands per currency: light parcels cheaper, heavy ones dearer; free above the threshold. */
function bands(currency: keyof typeof freeAbove, amounts: readonly [number, number, number]) {
  return {
    currency,
    freeAbove: freeAbove[currency],
    weightBands: [
      { upToGrams: 2000, amount: amounts[0] },
      { upToGrams: 10_000, amount: amounts[1] },
      { upToGrams: null, amount: amounts[2] },
    ],
  };
}

async function setUpShipping(tx: Db, actor: Actor, storeId: string): Promise<void> {
  const zones: { name: string; countries?: string[]; restOfWorld?: boolean; rates: CreateRateInput[] }[] = [
    {
      name: 'Germany',
      countries: ['DE'],
      rates: [
        {
          name: 'Standard (DHL Paket)',
          type: 'weight_bands',
          estimate: { minDays: 1, maxDays: 3 },
          prices: [bands('EUR', [490, 690, 990])],
        },
        {
          name: 'Express',
          type: 'flat',
          estimate: { minDays: 1, maxDays: 1 },
          prices: [{ currency: 'EUR', amount: 1290 }],
        },
      ],
    },
    {
      name: 'European Union',
      countries: euCountries.filter((c) => c !== 'DE'),
      rates: [
        {
          name: 'Standard',
          type: 'weight_bands',
          estimate: { minDays: 3, maxDays: 6 },
          prices: [bands('EUR', [890, 1290, 1890])],
        },
        {
          name: 'Express',
          type: 'flat',
          estimate: { minDays: 1, maxDays: 2 },
          prices: [{ currency: 'EUR', amount: 2490 }],
        },
      ],
    },
    {
      name: 'United Kingdom',
      countries: ['GB'],
      rates: [
        {
          name: 'Standard (Royal Mail)',
          type: 'weight_bands',
          estimate: { minDays: 3, maxDays: 5 },
          prices: [bands('GBP', [795, 1195, 1795])],
        },
        {
          name: 'Express',
          type: 'flat',
          estimate: { minDays: 1, maxDays: 2 },
          prices: [{ currency: 'GBP', amount: 1995 }],
        },
      ],
    },
    {
      name: 'United States',
      countries: ['US'],
      rates: [
        {
          name: 'Standard (USPS)',
          type: 'weight_bands',
          estimate: { minDays: 6, maxDays: 10 },
          prices: [bands('USD', [1495, 2295, 3495])],
        },
        {
          name: 'Express (UPS)',
          type: 'flat',
          estimate: { minDays: 2, maxDays: 4 },
          prices: [{ currency: 'USD', amount: 3995 }],
        },
      ],
    },
    {
      name: 'Rest of world',
      restOfWorld: true,
      rates: [
        {
          name: 'International',
          type: 'flat',
          estimate: { minDays: 7, maxDays: 14 },
          prices: [
            { currency: 'EUR', amount: 2490, freeAbove: 20_000 },
            { currency: 'JPY', amount: 3900, freeAbove: 30_000 },
            { currency: 'USD', amount: 2790 },
            { currency: 'GBP', amount: 2190 },
          ],
        },
      ],
    },
  ];
  for (const zone of zones) {
    const made = await createZone(tx, storeId, actor, {
      name: zone.name,
      countries: (zone.countries ?? []).map((country) => ({ country })),
      restOfWorld: zone.restOfWorld ?? false,
    });
    for (const rate of zone.rates) await createRate(tx, storeId, actor, made.id, rate);
  }
}

async function setUpDiscounts(tx: Db, actor: Actor, storeId: string, bxgyProductId: string): Promise<void> {
  const since = new Date(Date.now() - 150 * day).toISOString();
  await createDiscount(tx, storeId, actor, {
    title: 'Welcome: 10 % off your first order',
    kind: 'code',
    codes: ['WELCOME10'],
    type: 'percentage',
    percentBp: 1000,
    perCustomerLimit: 1,
    startsAt: since,
  });
  await createDiscount(tx, storeId, actor, {
    title: 'Free shipping over a minimum',
    kind: 'code',
    codes: ['FREESHIP'],
    type: 'free_shipping',
    minimumSubtotal: { EUR: 5000, GBP: 4500, USD: 6000, JPY: 8000 },
    startsAt: since,
  });
  await createDiscount(tx, storeId, actor, {
    title: 'Mugs: buy 2, get 1 free',
    kind: 'automatic',
    type: 'buy_x_get_y',
    buyXGetY: {
      buys: { items: { scope: 'products', productIds: [bxgyProductId] }, quantity: 2 },
      gets: { items: { scope: 'products', productIds: [bxgyProductId] }, quantity: 1, percentBp: 10_000 },
      maxUsesPerOrder: 1,
    },
    startsAt: since,
  });
}
