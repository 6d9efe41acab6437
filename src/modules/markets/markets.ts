import { and, arrayOverlaps, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import { isCountryCode } from '../../platform/countries/country-codes.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import { type Actor, localeTagSchema, recordAudit, storeLocales } from '../access/index.ts';
import { handleFromTitle } from '../catalog/index.ts';
import { storeMarkets } from './market-cache.ts';
import { emitMarketEvent, emitPricesChanged, marketEventTypes } from './market-events.ts';
import { priceListInput } from './price-list-input.ts';
import { ensurePrimaryMarket, type Market, type MarketStore } from './primary-market.ts';
import { marketPrices, markets } from './schema.ts';

const countryList = z
  .array(
    z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.'),
  )
  .max(250)
  .transform((codes) => [...new Set(codes)].sort());

/** Fields without defaults, so an update that leaves one out leaves it as it is. */
const marketFields = {
  name: z.string().trim().min(1).max(120),
  handle: z
    .string()
    .min(1)
    .max(48)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.'),
  currency: z
    .string()
    .transform((c) => c.toUpperCase())
    .refine(isCurrencyCode, 'Not an ISO 4217 currency code.'),
  countries: countryList,
  /** One of the store's locales; the store's default locale when left out. */
  defaultLocale: localeTagSchema,
  active: z.boolean(),
};

export const createMarketInput = z
  .object({
    ...marketFields,
    handle: marketFields.handle.optional(),
    countries: marketFields.countries.default([]),
    defaultLocale: marketFields.defaultLocale.optional(),
    active: marketFields.active.default(true),
    priceList: priceListInput.optional(),
  })
  .strict();
export type CreateMarketInput = z.input<typeof createMarketInput>;

export const updateMarketInput = z.object(marketFields).partial().strict();
export type UpdateMarketInput = z.input<typeof updateMarketInput>;

/** The store's markets: the primary first, then by name (the primary is made on first use). */
export async function listMarkets(db: Db, store: MarketStore): Promise<Market[]> {
  let all = await storeMarkets(db, store.id);
  if (!all.some((m) => m.isPrimary && m.currency === store.baseCurrency)) {
    await ensurePrimaryMarket(db, store);
    all = await storeMarkets(db, store.id);
  }
  return [...all].sort(
    (a, b) =>
      Number(b.isPrimary) - Number(a.isPrimary) ||
      a.name.localeCompare(b.name, 'en') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** One of the store's markets; `forUpdate` locks it until the transaction ends. */
export async function getMarket(
  db: Db,
  storeId: string,
  marketId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Market> {
  const query = db
    .select()
    .from(markets)
    .where(and(eq(markets.storeId, storeId), eq(markets.id, marketId)));
  const [market] = options.forUpdate ? await query.for('update') : await query;
  if (!market) throw notFound('Market', { id: marketId });
  return market;
}

/**
 * Adds a market. Its countries must not be in another active market of the store (409
 * `country_in_other_market`), its default locale must be one the store serves (422
 * `locale_not_enabled`) and its handle unused (409 `market_handle_taken`).
 */
export async function createMarket(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  input: CreateMarketInput,
): Promise<Market> {
  const { priceList, ...data } = createMarketInput.parse(input);
  await lockStoreMarkets(tx, store.id);
  await ensurePrimaryMarket(tx, store);
  const defaultLocale = data.defaultLocale ?? store.locale;
  checkLocale(store, defaultLocale);
  if (data.active) await checkCountriesFree(tx, store.id, null, data.countries);
  const market = await writeUnique(async () => {
    const [row] = await tx
      .insert(markets)
      .values({
        id: newId('market'),
        storeId: store.id,
        ...data,
        handle: data.handle ?? handleOf(data.name, data.currency),
        defaultLocale,
        pricingMode: priceList?.mode,
        rounding: priceList?.rounding,
        convertCompareAt: priceList?.convertCompareAt,
      })
      .returning();
    return row!;
  });
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'market.created',
    entityType: 'market',
    entityId: market.id,
    after: market,
  });
  await emitMarketEvent(tx, store.id, marketEventTypes.created, market);
  return market;
}

/**
 * Changes a market. The primary market stays active, in the base currency (409
 * `primary_market_required`, 422 `primary_market_currency`); a market with explicit prices keeps
 * its currency (409 `market_currency_locked`: those prices are amounts in it).
 */
export async function updateMarket(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  marketId: string,
  input: UpdateMarketInput,
): Promise<Market> {
  const data = updateMarketInput.parse(input);
  await lockStoreMarkets(tx, store.id);
  const before = await getMarket(tx, store.id, marketId, { forUpdate: true });
  if (before.isPrimary && data.active === false) throw primaryRequired(before.id);
  if (before.isPrimary && data.currency && data.currency !== store.baseCurrency) {
    throw unprocessable(
      'primary_market_currency',
      `The primary market sells in the store's base currency (${store.baseCurrency}).`,
      { path: 'currency', currency: store.baseCurrency },
    );
  }
  const currencyChanges = data.currency !== undefined && data.currency !== before.currency;
  if (currencyChanges && (await explicitPriceCount(tx, before.id)) > 0) {
    throw conflict(
      'market_currency_locked',
      'This market has explicit prices in its currency; remove them, or add a market for the other currency.',
      { path: 'currency', currency: before.currency },
    );
  }
  if (data.defaultLocale) checkLocale(store, data.defaultLocale);
  const active = data.active ?? before.active;
  if (active) await checkCountriesFree(tx, store.id, before.id, data.countries ?? before.countries);
  const after = await writeUnique(async () => {
    const [row] = await tx
      .update(markets)
      .set({ ...data, updatedAt: now() })
      .where(eq(markets.id, before.id))
      .returning();
    return row!;
  });
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'market.updated',
    entityType: 'market',
    entityId: before.id,
    before,
    after,
  });
  await emitMarketEvent(tx, store.id, marketEventTypes.updated, after);
  if (currencyChanges) await emitPricesChanged(tx, store.id, 'currency', [after]);
  return after;
}

/** Deletes a market and its explicit prices; never the primary (409 `primary_market_required`). */
export async function deleteMarket(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  marketId: string,
): Promise<void> {
  const before = await getMarket(tx, store.id, marketId, { forUpdate: true });
  if (before.isPrimary) throw primaryRequired(before.id);
  const prices = await tx.delete(marketPrices).where(eq(marketPrices.marketId, before.id)).returning();
  await tx.delete(markets).where(eq(markets.id, before.id));
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'market.deleted',
    entityType: 'market',
    entityId: before.id,
    before: { ...before, explicitPrices: prices },
  });
  await emitMarketEvent(tx, store.id, marketEventTypes.deleted, before);
}

/** How many explicit prices a market has (whether or not its price list uses them). */
export async function explicitPriceCount(db: Db, marketId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(marketPrices)
    .where(eq(marketPrices.marketId, marketId));
  return Number(row?.n ?? 0);
}

/** Serialises changes to a store's markets, so two writers cannot both give away one country. */
async function lockStoreMarkets(tx: Db, storeId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`markets:${storeId}`}, 0))`);
}

async function checkCountriesFree(
  tx: Db,
  storeId: string,
  marketId: string | null,
  countries: readonly string[],
): Promise<void> {
  if (countries.length === 0) return;
  const others = await tx
    .select({ id: markets.id, handle: markets.handle, countries: markets.countries })
    .from(markets)
    .where(
      and(
        eq(markets.storeId, storeId),
        eq(markets.active, true),
        marketId ? ne(markets.id, marketId) : undefined,
        arrayOverlaps(markets.countries, [...countries]),
      ),
    );
  const [other] = others;
  if (!other) return;
  const taken = countries.filter((c) => other.countries.includes(c));
  throw conflict(
    'country_in_other_market',
    `${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} already in the active market "${other.handle}"; a country belongs to one active market.`,
    { path: 'countries', countries: taken, marketId: other.id, handle: other.handle },
  );
}

function checkLocale(store: MarketStore, locale: string): void {
  if (!storeLocales(store).includes(locale)) {
    throw unprocessable('locale_not_enabled', `The store does not serve ${locale}.`, {
      path: 'defaultLocale',
      locale,
      locales: storeLocales(store),
    });
  }
}

function handleOf(name: string, currency: string): string {
  const handle = handleFromTitle(name).slice(0, 48).replace(/-+$/, '');
  // handleFromTitle falls back to "product" for a name without Latin letters or digits.
  return handle === 'product' && !/product/i.test(name) ? currency.toLowerCase() : handle;
}

function primaryRequired(id: string) {
  return conflict(
    'primary_market_required',
    'The primary market is where every shopper no other market covers buys; it cannot be deactivated or deleted.',
    { id },
  );
}

async function writeUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('market_handle_taken', 'Another market of this store has this handle.', {
        path: 'handle',
      });
    }
    throw err;
  }
}
