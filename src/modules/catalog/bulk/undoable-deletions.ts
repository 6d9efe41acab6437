import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { auditEntriesOf } from '../../access/index.ts';
import { mediaKeyOfUrl } from '../media/own-media-url.ts';
import { bulkAuditActions } from './apply-bulk-action.ts';
import { bulkOperationItems, bulkOperations } from './schema.ts';

/** Products read back from the audit log per query. */
const CHUNK = 500;

/**
 * Media files named by products that a bulk deletion removed and its undo may still bring back: the
 * undo restores the image rows from the deletion's audit snapshot, so their files must stay. That is
 * every completed deletion not undone, or whose undo has not finished yet.
 */
export async function mediaKeysOfUndoableDeletions(db: Db): Promise<Set<string>> {
  const keys = new Set<string>();
  const operations = await db
    .select({ id: bulkOperations.id, storeId: bulkOperations.storeId })
    .from(bulkOperations)
    .where(
      and(
        sql`${bulkOperations.action}->>'type' = 'delete'`,
        eq(bulkOperations.status, 'completed'),
        sql`(${bulkOperations.undoneBy} is null or exists (
          select 1 from ${bulkOperations} as undo
          where undo.id = ${bulkOperations.undoneBy} and undo.status in ('queued', 'running')))`,
      ),
    );
  for (const operation of operations) {
    const items = await db
      .select({ productId: bulkOperationItems.productId })
      .from(bulkOperationItems)
      .where(and(eq(bulkOperationItems.operationId, operation.id), eq(bulkOperationItems.state, 'changed')));
    for (let at = 0; at < items.length; at += CHUNK) {
      const entries = await auditEntriesOf(db, operation.storeId, {
        entityType: 'product',
        entityIds: items.slice(at, at + CHUNK).map((item) => item.productId),
        actions: [bulkAuditActions.deleted],
      });
      for (const entry of entries) {
        if ((entry.after as { bulkOperationId?: unknown } | null)?.bulkOperationId !== operation.id) continue;
        const images = (entry.before as { images?: unknown } | null)?.images;
        if (!Array.isArray(images)) continue;
        for (const image of images as { mediaKey?: unknown; sourceUrl?: unknown }[]) {
          if (typeof image.mediaKey === 'string') keys.add(image.mediaKey);
          const named = typeof image.sourceUrl === 'string' ? mediaKeyOfUrl(image.sourceUrl) : null;
          if (named) keys.add(named);
        }
      }
    }
  }
  return keys;
}
