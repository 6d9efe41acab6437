import { sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import { resultRows } from '../db/result-rows.ts';

/** What the dispatcher has still to hand over: events due or waiting for a retry, and the oldest one's age. */
export async function outboxBacklog(db: Db): Promise<{ waiting: number; oldestSeconds: number }> {
  const [row] = resultRows<{ waiting: number; oldest_seconds: number | null }>(
    await db.execute(sql`
      select count(*)::int as waiting,
        extract(epoch from (now() - min(created_at)))::float8 as oldest_seconds
      from outbox_events where dispatched_at is null`),
  );
  return { waiting: Number(row?.waiting ?? 0), oldestSeconds: Math.max(0, Number(row?.oldest_seconds ?? 0)) };
}

/**
 * The outbox's backlog on `/metrics`, read when scraped (one indexed count): a dispatcher falling
 * behind — consumers slower than the writes, or failing — shows as a growing number and age.
 */
export function registerOutboxMetrics(registry: Registry, db: Db): void {
  // The registry collects its metrics side by side: both gauges wait on one read per scrape.
  let reading: ReturnType<typeof outboxBacklog> | null = null;
  const read = () => {
    reading ??= outboxBacklog(db).finally(() => {
      reading = null;
    });
    return reading;
  };
  new Gauge({
    name: 'storepilot_outbox_events_waiting',
    help: 'Domain events not yet handed to their consumers (due, or waiting to be retried)',
    registers: [registry],
    async collect() {
      this.set((await read()).waiting);
    },
  });
  new Gauge({
    name: 'storepilot_outbox_oldest_waiting_seconds',
    help: 'Age of the oldest domain event not yet handed to its consumers (0 when none)',
    registers: [registry],
    async collect() {
      this.set((await read()).oldestSeconds);
    },
  });
}
