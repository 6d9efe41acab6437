import type { ExchangeRate } from './market-types.ts';

/** Today in the store's time zone, YYYY-MM-DD: the day the server picks rates for. */
export function storeToday(timezone: string | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, dateStyle: 'short' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export type RateState = 'in_use' | 'scheduled' | 'replaced';

export interface CurrencyRates {
  quoteCurrency: string;
  /** The rate that applies on `today`: the latest effective on or before it; null when none is that early. */
  current: ExchangeRate | null;
  /** The next rate to apply after today, if one is recorded. */
  next: ExchangeRate | null;
}

/**
 * Per currency, the rate in use on `today` and the next one scheduled, as the server picks them:
 * the rate of a pair with the latest effective day on or before the day applies.
 */
export function ratesByCurrency(history: readonly ExchangeRate[], today: string): Map<string, CurrencyRates> {
  const byCurrency = new Map<string, CurrencyRates>();
  // Oldest first, so each later rate replaces the one before it.
  const ordered = [...history].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  for (const rate of ordered) {
    const entry = byCurrency.get(rate.quoteCurrency) ?? {
      quoteCurrency: rate.quoteCurrency,
      current: null,
      next: null,
    };
    if (rate.effectiveOn <= today) entry.current = rate;
    else entry.next ??= rate;
    byCurrency.set(rate.quoteCurrency, entry);
  }
  return byCurrency;
}

/** Whether a recorded rate applies today, starts later, or was replaced by a later one. */
export function rateState(
  rate: ExchangeRate,
  inUse: ReadonlyMap<string, CurrencyRates>,
  today: string,
): RateState {
  if (rate.effectiveOn > today) return 'scheduled';
  return inUse.get(rate.quoteCurrency)?.current?.id === rate.id ? 'in_use' : 'replaced';
}
