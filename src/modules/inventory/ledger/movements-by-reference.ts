import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { inventoryMovements } from '../schema.ts';
import type { Movement } from './record-movements.ts';

/**
 * Every movement recorded for one cause (`{ type: 'order', id }`: an order's sales and what its
 * cancellation gave back), in the order they were applied. Another module reads here where the
 * units it moved came from, e.g. the locations an order's units were sold from.
 */
export async function movementsByReference(
  db: Db,
  storeId: string,
  reference: { type: string; id: string },
): Promise<Movement[]> {
  return db
    .select()
    .from(inventoryMovements)
    .where(
      and(
        eq(inventoryMovements.storeId, storeId),
        eq(inventoryMovements.referenceType, reference.type),
        eq(inventoryMovements.referenceId, reference.id),
      ),
    )
    .orderBy(asc(inventoryMovements.seq));
}
