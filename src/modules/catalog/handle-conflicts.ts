import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { products } from './schema.ts';

/**
 * Refuses a handle another product of the store already has, before writing: 409 `handle_taken`,
 * the answer a direct edit gets from the unique index (which still has the last word when two
 * writers race).
 */
export async function assertHandleFree(
  db: Db,
  product: { storeId: string; id: string },
  handle: string,
): Promise<void> {
  const [taken] = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(eq(products.storeId, product.storeId), eq(products.handle, handle), ne(products.id, product.id)),
    )
    .limit(1);
  if (taken) throw conflict('handle_taken', 'Another product in this store has this handle.');
}
