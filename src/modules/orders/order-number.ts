import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';

/**
 * The store's next order number, from 1001. The counter row stays locked until the caller's
 * transaction ends, so numbers never repeat or skip back — and concurrent checkouts of one store
 * queue on it: take it as the last write of a placement, so the lock is held only until commit.
 */
export async function nextOrderNumber(tx: Db, storeId: string): Promise<number> {
  const [row] = resultRows<{ last: number }>(
    await tx.execute(sql`
      insert into order_sequences (store_id, last) values (${storeId}, 1001)
      on conflict (store_id) do update set last = order_sequences.last + 1
      returning last`),
  );
  return Number(row!.last);
}
