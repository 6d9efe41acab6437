import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { carts } from '../schema.ts';

/** The first draft of a store is D1001, as its first order is #1001. */
const FIRST_NUMBER = 1001;

/**
 * The store's next draft name, D1001, D1002 …: one more than the highest it has given. Two drafts
 * made at once take turns on a per-store lock held until their transactions end, and the unique
 * index on (store, name) stands behind it. A deleted draft stays (abandoned), so no name comes back.
 */
export async function nextDraftName(tx: Db, storeId: string): Promise<string> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`checkout.draft-names:${storeId}`}, 0))`,
  );
  const [row] = await tx
    .select({ last: sql<number | string | null>`max(substring(${carts.draftName} from 2)::int)` })
    .from(carts)
    .where(and(eq(carts.storeId, storeId), isNotNull(carts.draftName)));
  const last = row?.last === null || row?.last === undefined ? FIRST_NUMBER - 1 : Number(row.last);
  return `D${Math.max(last + 1, FIRST_NUMBER)}`;
}
