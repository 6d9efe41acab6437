import type { Db } from '../../platform/db/database.ts';
import { appendRows } from '../../platform/db/deferred-appends.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../access/index.ts';
import { orderEvents } from './schema.ts';

/** Kinds of timeline entries; `note` is staff's own text, the rest say what happened. */
export type OrderEventKind =
  | 'placed'
  | 'created'
  | 'payment'
  | 'fulfilment'
  | 'delivery'
  | 'refund'
  | 'return'
  | 'cancelled'
  | 'completed'
  | 'reopened'
  | 'note'
  | 'tags'
  | 'email'
  | 'edited';

/** Adds one line to the order's timeline, in the transaction of what it describes. */
export async function recordOrderEvent(
  tx: Db,
  order: { id: string; storeId: string },
  actor: Actor,
  kind: OrderEventKind,
  message: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await appendRows(tx, orderEvents, [
    {
      id: newId('orderEvent'),
      orderId: order.id,
      storeId: order.storeId,
      kind,
      message,
      data,
      actorLabel: actor.label,
    },
  ]);
}
