import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The business clock: the time a business fact happened at (a cart made, an order placed, a payment
 * captured, a parcel shipped, a ledger movement, an outbox event). It is the real time, except in
 * code running inside `runAt(at, fn)`, where it is `at`.
 *
 * Why it exists: the demo seeds months of history through the real checkout and order services
 * (placing an order 90 days ago runs the very code a shopper's checkout runs, stamped 90 days ago),
 * and tests check time rules (cart expiry, return windows, exchange-rate days) without waiting.
 * Production code never calls `runAt`; only the demo seed and tests do. Security expiries (staff and
 * customer sessions, tokens, API keys, idempotency keys) stay on the real time, never this clock.
 *
 * `now()` is on hot paths (every insert of a stamped row): one AsyncLocalStorage read.
 */
const simulated = new AsyncLocalStorage<number>();

/** The business time: the simulated instant inside `runAt`, else the real time. A fresh Date each call. */
export function now(): Date {
  const at = simulated.getStore();
  return at === undefined ? new Date() : new Date(at);
}

/**
 * The simulated instant inside `runAt`, else undefined: for a column whose real-time default must
 * stay the database's own (e.g. `clock_timestamp()`, finer than a millisecond) outside a simulation.
 */
export function simulatedTime(): Date | undefined {
  const at = simulated.getStore();
  return at === undefined ? undefined : new Date(at);
}

/**
 * Runs `fn` (and everything it awaits) with the business clock stopped at `at`. A nested call
 * overrides it for its own `fn`. For the demo seed and tests only.
 */
export function runAt<T>(at: Date, fn: () => T): T {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new RangeError('runAt needs a valid date.');
  return simulated.run(time, fn);
}
