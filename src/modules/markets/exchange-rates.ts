import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { dayIn } from '../../platform/intl-formats.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { canonicalExchangeRate, parseExchangeRate } from './exchange-rate-text.ts';
import { announceMarketsChange, emitPricesChanged, marketEventTypes } from './market-events.ts';
import type { MarketStore } from './primary-market.ts';
import { exchangeRates, markets } from './schema.ts';

/** A rate as the API shows it: `rate` is canonical decimal text ("1.0856"). */
export interface ExchangeRate {
  id: string;
  baseCurrency: string;
  quoteCurrency: string;
  rate: string;
  source: 'manual';
  effectiveOn: string;
  createdAt: Date;
  updatedAt: Date;
}

const currency = z
  .string()
  .transform((c) => c.toUpperCase())
  .refine(isCurrencyCode, 'Not an ISO 4217 currency code.');

export const recordExchangeRateInput = z
  .object({
    /** The store's base currency when left out. */
    baseCurrency: currency.optional(),
    quoteCurrency: currency,
    /** Units of the quote currency one unit of the base currency buys, as exact decimal text. */
    rate: z
      .union([z.string().trim(), z.number().transform(String)])
      .refine((text) => {
        try {
          parseExchangeRate(text);
          return true;
        } catch {
          return false;
        }
      }, 'A positive decimal with at most 12 digits either side of the point, sent as text ("1.0856").')
      .transform(canonicalExchangeRate),
    /** The first day (store time zone) the rate applies; today when left out. */
    effectiveOn: z.iso.date().optional(),
  })
  .strict();
export type RecordExchangeRateInput = z.input<typeof recordExchangeRateInput>;

export const listExchangeRatesQuery = z
  .object({
    baseCurrency: currency.optional(),
    quoteCurrency: currency.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListExchangeRatesQuery = z.input<typeof listExchangeRatesQuery>;

/** The calendar day an instant falls on in the store's time zone ("2025-03-31"). */
export function storeDay(store: Pick<MarketStore, 'timezone'>, at: Date = now()): string {
  return dayIn(store.timezone, at);
}

/** The store's rates, newest effective day first (history included), optionally of one pair. */
export async function listExchangeRates(
  db: Db,
  storeId: string,
  query: ListExchangeRatesQuery = {},
): Promise<ExchangeRate[]> {
  const { baseCurrency, quoteCurrency, limit } = listExchangeRatesQuery.parse(query);
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.storeId, storeId),
        baseCurrency ? eq(exchangeRates.baseCurrency, baseCurrency) : undefined,
        quoteCurrency ? eq(exchangeRates.quoteCurrency, quoteCurrency) : undefined,
      ),
    )
    .orderBy(desc(exchangeRates.effectiveOn), exchangeRates.baseCurrency, exchangeRates.quoteCurrency)
    .limit(limit);
  return rows.map(rateView);
}

/**
 * The rate of a pair that applies on a day (a `Date` is read in the store's time zone): the one
 * with the latest effective day on or before it; null when the pair has none that early.
 */
export async function effectiveExchangeRate(
  db: Db,
  store: Pick<MarketStore, 'id' | 'timezone'>,
  baseCurrency: string,
  quoteCurrency: string,
  at: Date | string = now(),
): Promise<ExchangeRate | null> {
  const day = typeof at === 'string' ? at : storeDay(store, at);
  const [row] = await db
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.storeId, store.id),
        eq(exchangeRates.baseCurrency, baseCurrency),
        eq(exchangeRates.quoteCurrency, quoteCurrency),
        lte(exchangeRates.effectiveOn, day),
      ),
    )
    .orderBy(desc(exchangeRates.effectiveOn))
    .limit(1);
  return row ? rateView(row) : null;
}

/** The rates from `baseCurrency` to each of `quoteCurrencies` that apply on `day`, by quote currency. */
export async function effectiveExchangeRates(
  db: Db,
  storeId: string,
  baseCurrency: string,
  quoteCurrencies: readonly string[],
  day: string,
): Promise<Map<string, ExchangeRate>> {
  const quotes = [...new Set(quoteCurrencies)].filter((q) => q !== baseCurrency);
  if (quotes.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([exchangeRates.quoteCurrency])
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.storeId, storeId),
        eq(exchangeRates.baseCurrency, baseCurrency),
        inArray(exchangeRates.quoteCurrency, quotes),
        lte(exchangeRates.effectiveOn, day),
      ),
    )
    .orderBy(exchangeRates.quoteCurrency, desc(exchangeRates.effectiveOn));
  return new Map(rows.map((row) => [row.quoteCurrency, rateView(row)]));
}

/**
 * Records a manual rate for a pair from a day on. A second rate for the same pair and day replaces
 * the first (the audit log keeps what it was); earlier days stay as history. The pair must be two
 * currencies (422 `same_currency`). Emits `exchange_rate.recorded`, and `market.prices_changed`
 * for the store's markets that convert with it.
 */
export async function recordExchangeRate(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  input: RecordExchangeRateInput,
): Promise<ExchangeRate> {
  const data = recordExchangeRateInput.parse(input);
  const baseCurrency = data.baseCurrency ?? store.baseCurrency;
  if (baseCurrency === data.quoteCurrency) {
    throw unprocessable('same_currency', 'An exchange rate is between two different currencies.', {
      path: 'quoteCurrency',
      baseCurrency,
      quoteCurrency: data.quoteCurrency,
    });
  }
  const effectiveOn = data.effectiveOn ?? storeDay(store);
  const [before] = await tx
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.storeId, store.id),
        eq(exchangeRates.baseCurrency, baseCurrency),
        eq(exchangeRates.quoteCurrency, data.quoteCurrency),
        eq(exchangeRates.effectiveOn, effectiveOn),
      ),
    )
    .for('update');
  const [row] = await tx
    .insert(exchangeRates)
    .values({
      id: newId('exchangeRate'),
      storeId: store.id,
      baseCurrency,
      quoteCurrency: data.quoteCurrency,
      rate: data.rate,
      effectiveOn,
    })
    .onConflictDoUpdate({
      target: [
        exchangeRates.storeId,
        exchangeRates.baseCurrency,
        exchangeRates.quoteCurrency,
        exchangeRates.effectiveOn,
      ],
      set: { rate: sql`excluded.rate`, updatedAt: sql`now()` },
    })
    .returning();
  const after = rateView(row!);
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'exchange_rate.recorded',
    entityType: 'exchange_rate',
    entityId: after.id,
    before: before ? rateView(before) : undefined,
    after,
  });
  await emitRateEvents(tx, store, marketEventTypes.rateRecorded, after);
  return after;
}

/** Removes a rate from the history (a mistyped one); the rate before it applies again. */
export async function deleteExchangeRate(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  rateId: string,
): Promise<void> {
  const [removed] = await tx
    .delete(exchangeRates)
    .where(and(eq(exchangeRates.storeId, store.id), eq(exchangeRates.id, rateId)))
    .returning();
  if (!removed) throw notFound('Exchange rate', { id: rateId });
  const before = rateView(removed);
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'exchange_rate.deleted',
    entityType: 'exchange_rate',
    entityId: before.id,
    before,
  });
  await emitRateEvents(tx, store, marketEventTypes.rateDeleted, before);
}

/**
 * The rate's own event, and `market.prices_changed` for every market of the store that converts
 * from the base currency with it (even when it applies from a later day: caches learn of it now).
 */
async function emitRateEvents(
  tx: Db,
  store: MarketStore,
  type: (typeof marketEventTypes)['rateRecorded' | 'rateDeleted'],
  rate: ExchangeRate,
): Promise<void> {
  const { id, baseCurrency, quoteCurrency, effectiveOn } = rate;
  await emitEvents(tx, [
    {
      storeId: store.id,
      type,
      payload: { exchangeRateId: id, baseCurrency, quoteCurrency, rate: rate.rate, effectiveOn },
    },
  ]);
  const converting =
    baseCurrency === store.baseCurrency
      ? await tx
          .select({ id: markets.id, currency: markets.currency })
          .from(markets)
          .where(and(eq(markets.storeId, store.id), eq(markets.currency, quoteCurrency)))
      : [];
  await emitPricesChanged(tx, store.id, 'exchange_rate', converting);
  await announceMarketsChange(tx, store.id);
}

type RateRow = typeof exchangeRates.$inferSelect;

function rateView(row: RateRow): ExchangeRate {
  return {
    id: row.id,
    baseCurrency: row.baseCurrency,
    quoteCurrency: row.quoteCurrency,
    rate: canonicalExchangeRate(String(row.rate)),
    source: row.source,
    effectiveOn: String(row.effectiveOn).slice(0, 10),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
