/*
 * Test set-up of a store's terms of sale, through each module's own service functions: products,
 * stock, markets with exchange rates, tax settings and rates, shipping zones and rates, discounts.
 * For the checkout's tests (priceCart's worked examples, the cart pages, the browser test).
 */
import type { Database } from '../../../platform/db/database.ts';
import { type Store, systemActor } from '../../access/index.ts';
import { createProduct } from '../../catalog/index.ts';
import { recordMovements } from '../../inventory/index.ts';
import { createLocation } from '../../inventory/locations/locations.ts';
import { recordExchangeRate } from '../../markets/exchange-rates.ts';
import type { Market } from '../../markets/index.ts';
import { type CreateMarketInput, createMarket } from '../../markets/markets.ts';
import { createDiscount } from '../../promotions/discounts.ts';
import type { DiscountView } from '../../promotions/index.ts';
import type { CreateRateInput } from '../../shipping/rate-input.ts';
import { createRate } from '../../shipping/rates.ts';
import type { CreateZoneInput } from '../../shipping/zone-input.ts';
import { createZone } from '../../shipping/zones.ts';
import { assignProductTaxClass } from '../../tax/product-classes.ts';
import { createTaxClass } from '../../tax/tax-classes.ts';
import { type CreateTaxRateInput, createTaxRate } from '../../tax/tax-rates.ts';
import { type UpdateTaxSettingsInput, updateTaxSettings } from '../../tax/tax-settings.ts';

export const sellingActor = systemActor('checkout test');
const writer = { actor: sellingActor, canPublish: true };
let counter = 0;

export interface TestProduct {
  productId: string;
  handle: string;
  variantIds: string[];
}

/**
 * An active product. Without `sizes` it has one variant at `price`; with sizes, one variant per
 * size, each at `price` (or its own from `prices`).
 */
export async function makeProduct(
  database: Database,
  store: Store,
  input: {
    title: string;
    price: number;
    compareAt?: number;
    weightGrams?: number;
    sizes?: string[];
    prices?: number[];
    policy?: 'deny' | 'continue';
    status?: 'active' | 'draft';
    requiresShipping?: boolean;
  },
): Promise<TestProduct> {
  const n = ++counter;
  const sizes = input.sizes ?? [];
  const variant = (i: number, values: string[]) => ({
    sku: `CK-${process.pid}-${n}-${i + 1}`,
    optionValues: values,
    price: { amount: input.prices?.[i] ?? input.price },
    ...(input.compareAt !== undefined ? { compareAtPrice: { amount: input.compareAt } } : {}),
    ...(input.weightGrams !== undefined ? { weightGrams: input.weightGrams } : {}),
    inventoryPolicy: input.policy ?? 'deny',
    requiresShipping: input.requiresShipping ?? true,
  });
  const detail = await createProduct(database.db, writer, store, {
    title: input.title,
    status: input.status ?? 'active',
    options: sizes.length > 0 ? [{ name: 'Size', values: sizes }] : [],
    variants: sizes.length > 0 ? sizes.map((size, i) => variant(i, [size])) : [variant(0, [])],
  });
  return {
    productId: detail.product.id,
    handle: detail.product.handle,
    variantIds: detail.variants.map((v) => v.id),
  };
}

/** A warehouse receiving `quantity` units of each variant: their stock is then tracked. */
export async function receiveStock(
  database: Database,
  storeId: string,
  stock: { variantId: string; quantity: number }[],
): Promise<void> {
  const location = await createLocation(database.db, storeId, {
    name: `Warehouse ${++counter}`,
    kind: 'warehouse',
  });
  await database.db.transaction((tx) =>
    recordMovements(
      tx,
      storeId,
      sellingActor,
      stock.map((s) => ({
        variantId: s.variantId,
        locationId: location.id,
        kind: 'receive',
        quantity: s.quantity,
      })),
    ),
  );
}

/** A market with its exchange rate from the base currency (effective long before any test's `now`). */
export async function makeMarket(
  database: Database,
  store: Store,
  input: CreateMarketInput & { rate?: string },
): Promise<Market> {
  const { rate, ...market } = input;
  return database.db.transaction(async (tx) => {
    const made = await createMarket(tx, store, sellingActor, market);
    if (rate) {
      await recordExchangeRate(tx, store, sellingActor, {
        quoteCurrency: market.currency,
        rate,
        effectiveOn: '2020-01-01',
      });
    }
    return made;
  });
}

/** Tax settings, classes (other than standard), rates and product classes in one go. */
export async function setUpTax(
  database: Database,
  storeId: string,
  input: {
    settings?: UpdateTaxSettingsInput;
    classes?: string[];
    rates?: CreateTaxRateInput[];
    productClasses?: { productIds: string[]; taxClass: string }[];
  },
): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (input.settings) await updateTaxSettings(tx, storeId, sellingActor, input.settings);
    for (const handle of input.classes ?? []) {
      await createTaxClass(tx, storeId, sellingActor, { handle, name: handle });
    }
    for (const rate of input.rates ?? []) await createTaxRate(tx, storeId, sellingActor, rate);
    for (const assignment of input.productClasses ?? []) {
      await assignProductTaxClass(tx, storeId, sellingActor, assignment);
    }
  });
}

/** A shipping zone with its rates. */
export async function makeZone(
  database: Database,
  storeId: string,
  zone: CreateZoneInput,
  rates: CreateRateInput[],
): Promise<{ zoneId: string; rateIds: string[] }> {
  return database.db.transaction(async (tx) => {
    const made = await createZone(tx, storeId, sellingActor, zone);
    const rateIds: string[] = [];
    for (const rate of rates) rateIds.push((await createRate(tx, storeId, sellingActor, made.id, rate)).id);
    return { zoneId: made.id, rateIds };
  });
}

export async function makeDiscount(
  database: Database,
  storeId: string,
  input: Parameters<typeof createDiscount>[3],
): Promise<DiscountView> {
  return database.db.transaction((tx) => createDiscount(tx, storeId, sellingActor, input));
}
