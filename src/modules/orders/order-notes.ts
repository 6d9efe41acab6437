import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { lockOrder, type Order } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { orders } from './schema.ts';

export const orderNoteInput = z.object({ text: z.string().trim().min(1).max(5000) }).strict();
export const orderTagsInput = z
  .object({
    tags: z
      .array(z.string().trim().min(1).max(60))
      .max(50)
      .transform((tags) => [...new Set(tags)].sort((a, b) => a.localeCompare(b))),
  })
  .strict();

/** Staff's note on the timeline (internal: the customer never sees it). */
export async function addOrderNote(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  input: z.input<typeof orderNoteInput>,
): Promise<void> {
  const { text } = orderNoteInput.parse(input);
  const order = await lockOrder(tx, storeId, orderId);
  await recordOrderEvent(tx, order, actor, 'note', text);
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.note_added',
    entityType: 'order',
    entityId: orderId,
    after: { text },
  });
}

/** Replaces the order's tags (used by the list's filter and by exports). */
export async function setOrderTags(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  input: z.input<typeof orderTagsInput>,
): Promise<Order> {
  const { tags } = orderTagsInput.parse(input);
  const before = await lockOrder(tx, storeId, orderId);
  const [order] = await tx
    .update(orders)
    .set({ tags, updatedAt: now() })
    .where(eq(orders.id, orderId))
    .returning();
  await recordOrderEvent(
    tx,
    order!,
    actor,
    'tags',
    tags.length ? `Tags: ${tags.join(', ')}.` : 'Tags removed.',
    {
      from: before.tags,
      to: tags,
    },
  );
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.tags_set',
    entityType: 'order',
    entityId: orderId,
    before: { tags: before.tags },
    after: { tags },
  });
  await emitOrderEvent(tx, order!, 'order.updated', { changed: ['tags'] });
  return order!;
}
