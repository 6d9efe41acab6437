import type { Db } from '../../../platform/db/database.ts';
import { markDirtyDays } from '../facts/dirty-days.ts';
import { countFilteredHits, type EventRow, writeEvents } from './write-events.ts';

export interface EventBufferOptions {
  /** Write as soon as this many events wait (default 500). */
  batchRows?: number;
  /** Write what waits at least this often (default 1 s). */
  flushMs?: number;
  /** Events kept while the database cannot take them; older ones are dropped past it (default 50,000). */
  maxWaiting?: number;
  onError?: (err: unknown) => void;
}

/**
 * Collects the storefront's events in memory and writes them in batches, off the request's path: a
 * page view costs the shopper nothing, and thousands of page views a second cost the database a
 * few inserts. What waits is lost if the process dies (at most `flushMs` of events); `close` writes
 * it on a clean stop. While the database refuses writes, events wait (up to `maxWaiting`) and go
 * with the next batch.
 */
export class EventBuffer {
  readonly #db: Db;
  readonly #batchRows: number;
  readonly #maxWaiting: number;
  readonly #onError: (err: unknown) => void;
  #rows: EventRow[] = [];
  /** The store days the waiting events fall on, `storeId|day`: their rollups are out of date once written. */
  #days = new Set<string>();
  #hits = new Map<string, { storeId: string; day: string; reason: string; hits: number }>();
  #flushing: Promise<void> | undefined;
  #timer: NodeJS.Timeout;
  #dropped = 0;

  constructor(db: Db, options: EventBufferOptions = {}) {
    this.#db = db;
    this.#batchRows = options.batchRows ?? 500;
    this.#maxWaiting = options.maxWaiting ?? 50_000;
    this.#onError = options.onError ?? (() => {});
    this.#timer = setInterval(() => void this.flush(), options.flushMs ?? 1_000);
    this.#timer.unref();
  }

  /** Events dropped because too many waited while the database failed. */
  get dropped(): number {
    return this.#dropped;
  }

  get waiting(): number {
    return this.#rows.length;
  }

  /** Queues an event; `storeDay` is its day in the store's time zone. */
  record(row: EventRow, storeDay: string): void {
    this.#rows.push(row);
    this.#days.add(`${row.storeId}|${storeDay}`);
    if (this.#rows.length > this.#maxWaiting) {
      const excess = this.#rows.length - this.#maxWaiting;
      this.#rows.splice(0, excess);
      this.#dropped += excess;
    }
    if (this.#rows.length >= this.#batchRows && !this.#flushing) void this.flush();
  }

  /** Counts a request that was not recorded (a bot), per store, day and reason. */
  countFiltered(storeId: string, day: string, reason: string): void {
    const key = `${storeId}|${day}|${reason}`;
    const entry = this.#hits.get(key);
    if (entry) entry.hits++;
    else this.#hits.set(key, { storeId, day, reason, hits: 1 });
  }

  /** Writes what waits now; resolves when it is written (or has failed and waits again). */
  flush(): Promise<void> {
    if (this.#flushing) return this.#flushing.then(() => (this.#rows.length > 0 ? this.flush() : undefined));
    if (this.#rows.length === 0 && this.#hits.size === 0) return Promise.resolve();
    const rows = this.#rows;
    const hits = [...this.#hits.values()];
    const days = this.#days;
    this.#rows = [];
    this.#hits = new Map();
    this.#days = new Set();
    this.#flushing = (async () => {
      try {
        await writeEvents(this.#db, rows);
        await markDirtyDays(
          this.#db,
          [...days].map((key) => {
            const [storeId, day] = key.split('|') as [string, string];
            return { storeId, day };
          }),
        );
      } catch (err) {
        this.#rows = rows.concat(this.#rows).slice(-this.#maxWaiting);
        for (const day of days) this.#days.add(day);
        this.#onError(err);
      }
      try {
        await countFilteredHits(this.#db, hits);
      } catch (err) {
        this.#onError(err);
      }
    })().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
