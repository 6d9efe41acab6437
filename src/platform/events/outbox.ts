import { eq, type SQL, sql } from 'drizzle-orm';
import { now } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { appendRows, defersAppends } from '../db/deferred-appends.ts';
import { jsonRowsInsert } from '../db/json-rows-insert.ts';
import { prepared } from '../db/prepared.ts';
import { newId } from '../ids.ts';
import { outboxEvents } from './schema.ts';

export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  storeId: string | null;
  type: string;
  payload: P;
  createdAt: Date;
}

/**
 * Records a domain event in the outbox. Call it with the transaction that makes the change, so the
 * event exists if and only if the change committed; the dispatcher delivers it afterwards.
 */
export async function emitEvent(
  tx: Db,
  event: { storeId: string | null; type: string; payload: Record<string, unknown> },
): Promise<string> {
  const row = { id: newId('event'), ...event, createdAt: now() };
  // In a transaction that defers its appends, the event goes with its others at the end.
  if (defersAppends(tx)) await appendRows(tx, outboxEvents, [row]);
  else await prepared(tx, 'emit_event', insertEvent).execute(row);
  return row.id;
}

// Every change emits: built once (platform/db/prepared.ts). The time is a placeholder too: a
// column default computed in JavaScript would be taken once, when the statement is built.
const insertEvent = (db: Db, name: string) =>
  db
    .insert(outboxEvents)
    .values({
      id: sql.placeholder('id'),
      storeId: sql.placeholder('storeId'),
      type: sql.placeholder('type'),
      payload: sql.placeholder('payload'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(name);

type NewEvent = { storeId: string | null; type: string; payload: Record<string, unknown> };

/** Many events in one statement (bulk writes); same rule: in the writer's transaction. */
export async function emitEvents(tx: Db, events: ReadonlyArray<NewEvent>): Promise<void> {
  if (defersAppends(tx)) {
    const createdAt = now();
    await appendRows(
      tx,
      outboxEvents,
      events.map((event) => ({ id: newId('event'), ...event, createdAt })),
    );
    return;
  }
  const statement = eventsInsert(events);
  if (statement) await tx.execute(statement);
}

/**
 * The statement emitEvents runs (null for no events), for a writer that sends it together with its
 * own writes (one statement of several data-modifying parts); same rule: in its transaction, or in
 * the one statement that makes the change. With `onlyIf`, the events are written only when that
 * condition holds (e.g. `exists (select 1 from changed)`: the statement's change found its row).
 */
export function eventsInsert(events: ReadonlyArray<NewEvent>, onlyIf?: SQL): SQL | null {
  const createdAt = now();
  return jsonRowsInsert(
    outboxEvents,
    events.map((event) => ({ id: newId('event'), ...event, createdAt })),
    onlyIf,
  );
}

/** One event by id, dispatched or not; null once it has been pruned (or never existed). */
export async function findEvent(db: Db, id: string): Promise<DomainEvent | null> {
  const [row] = await db
    .select({
      id: outboxEvents.id,
      storeId: outboxEvents.storeId,
      type: outboxEvents.type,
      payload: outboxEvents.payload,
      createdAt: outboxEvents.createdAt,
    })
    .from(outboxEvents)
    .where(eq(outboxEvents.id, id));
  return row ? { ...row, payload: row.payload as Record<string, unknown> } : null;
}
