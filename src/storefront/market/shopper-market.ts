import type { FastifyRequest } from 'fastify';
import { accessTopic, type Store } from '../../modules/access/index.ts';
import {
  listMarkets,
  type Market,
  marketsTopic,
  type ResolvedMarket,
  resolveMarket,
} from '../../modules/markets/index.ts';
import { type ChangeFeed, ReadCache } from '../../platform/cache/index.ts';
import { isCountryCode } from '../../platform/countries/country-codes.ts';
import type { Db } from '../../platform/db/database.ts';
import type { StorefrontSite } from '../site.ts';
import { browserCountry } from './browser-country.ts';

/** The shopper's chosen country (or `other`), set by the country selector; read on every page. */
export const MARKET_COOKIE = 'sp_market';
/** The selector's value for "a country no market names": the primary market. */
export const OTHER_COUNTRIES = 'other';

/** A price as a page shows it, from the markets module's `priceVariants` for the shopper's market. */
export interface ShownPrice {
  amount: number;
  /** Struck through beside the price; null when there is none above it. */
  compareAtAmount: number | null;
  currency: string;
}

/** One entry of the country selector: a country a market names, or (null) every other country. */
export interface CountryChoice {
  country: string | null;
  currency: string;
}

/** The shopper's market on a page: where prices come from and what the selector shows. */
export interface SiteMarket {
  marketId: string;
  currency: string;
  /** The shopper's country: chosen with the selector, else read from the browser; null when neither. */
  country: string | null;
  /** Empty when the store sells in one market (then nothing on the page depends on the shopper). */
  choices: CountryChoice[];
  /** Shown prices, filled per page (market-prices.ts): cards by product id, variants by variant id. */
  cardPrices?: ReadonlyMap<string, ShownPrice>;
  variantPrices?: ReadonlyMap<string, ShownPrice>;
}

/** The country a cookie value names: an ISO code, `other` (none), or undefined when it is neither. */
export function cookieCountry(value: string | undefined): string | null | undefined {
  if (value === OTHER_COUNTRIES) return null;
  const code = value?.toUpperCase();
  return code && isCountryCode(code) ? code : undefined;
}

/** A cookie by name, whether or not the cookie plugin parsed them (storefront tests run without it). */
export function requestCookie(request: FastifyRequest, name: string): string | undefined {
  const parsed = (request as { cookies?: Record<string, string | undefined> }).cookies;
  if (parsed) return parsed[name];
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Which market a storefront visitor buys in (docs/checkout.md, "The shopper's market"): the
 * country chosen with the selector (the `sp_market` cookie), else the region of the browser's
 * preferred language, else none; that country goes to the markets module's `resolveMarket`, so a
 * country no market names gets the primary market. Markets and resolutions are kept in memory and
 * dropped through the change feed when the store's markets (or the store) change.
 */
export class ShopperMarkets {
  readonly #db: Db;
  readonly #cache: ReadCache<object> | undefined;

  constructor(db: Db, changes?: ChangeFeed) {
    this.#db = db;
    this.#cache = changes ? new ReadCache(changes, { max: 20_000, ttlMs: 60_000 }) : undefined;
  }

  /** The site with the shopper's market on it. */
  async siteFor(request: FastifyRequest, site: StorefrontSite): Promise<StorefrontSite> {
    return { ...site, market: await this.marketOf(request, site.store) };
  }

  async marketOf(request: FastifyRequest, store: Store): Promise<SiteMarket> {
    const chosen = cookieCountry(requestCookie(request, MARKET_COOKIE));
    const country = chosen !== undefined ? chosen : browserCountry(request.headers['accept-language']);
    const [markets, resolved] = await Promise.all([this.activeMarkets(store), this.resolve(store, country)]);
    return {
      marketId: resolved.market.id,
      currency: resolved.market.currency,
      country,
      choices: markets.length > 1 ? countryChoices(markets) : [],
    };
  }

  /** The market of a country (what a cart for that country is priced in). */
  resolve(store: Store, country: string | null): Promise<ResolvedMarket> {
    return this.#cached(`resolve ${store.id} ${country ?? ''}`, store.id, () =>
      resolveMarket(this.#db, store, { country }),
    );
  }

  async activeMarkets(store: Store): Promise<Market[]> {
    const { markets } = await this.#cached(`markets ${store.id}`, store.id, async () => ({
      markets: (await listMarkets(this.#db, store)).filter((m) => m.active),
    }));
    return markets;
  }

  #cached<V extends object>(key: string, storeId: string, load: () => Promise<V>): Promise<V> {
    if (!this.#cache) return load();
    return this.#cache.get(key, [marketsTopic(storeId), accessTopic], load) as Promise<V>;
  }
}

/** Every country a market names, with the market's currency, and "other countries" for the rest. */
function countryChoices(markets: readonly Market[]): CountryChoice[] {
  const primary = markets.find((m) => m.isPrimary) ?? markets[0]!;
  const named = markets.flatMap((m) => m.countries.map((country) => ({ country, currency: m.currency })));
  return [...named, { country: null, currency: primary.currency }];
}

/**
 * What of the market a cached page depends on, for its cache key: the market, and the selector's
 * chosen entry (a country not among the choices shows as "other countries").
 */
export function marketCacheKey(market: SiteMarket | undefined): string {
  if (!market) return '';
  if (market.choices.length === 0) return `m=${market.marketId}`;
  const listed = market.choices.some((c) => c.country !== null && c.country === market.country);
  return `m=${market.marketId}:${listed ? market.country : OTHER_COUNTRIES}`;
}

/** Request headers a page rendered for this market varies with (none when the store has one market). */
export function marketVary(market: SiteMarket | undefined): string[] {
  return market && market.choices.length > 0 ? ['cookie', 'accept-language'] : [];
}
