import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';

/**
 * The next human number of a store's sequence ('purchase_order', 'transfer', 'count'), from 1001.
 * The counter row is locked until the caller's transaction ends, so numbers never repeat.
 */
export async function nextNumber(tx: Db, storeId: string, name: string): Promise<number> {
  const [row] = resultRows<{ last: number }>(
    await tx.execute(sql`
      insert into inventory_sequences (store_id, name, last) values (${storeId}, ${name}, 1001)
      on conflict (store_id, name) do update set last = inventory_sequences.last + 1
      returning last`),
  );
  return Number(row!.last);
}
