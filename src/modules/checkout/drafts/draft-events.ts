import type { Db } from '../../../platform/db/database.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { type Actor, recordAudit } from '../../access/index.ts';

/**
 * The draft orders' events (outbox, in the writing transaction). Payloads name the draft and the
 * order, never an e-mail or an address: webhooks receive them.
 */
export const draftOrderEventTypes = {
  created: 'draft_order.created',
  updated: 'draft_order.updated',
  completed: 'draft_order.completed',
  deleted: 'draft_order.deleted',
} as const;

/** What one audited change of a draft did; `invoice_sent` is emitted as `draft_order.updated`. */
export type DraftChangeKind = 'created' | 'updated' | 'invoice_sent' | 'completed' | 'deleted';

export async function emitDraftEvent(
  tx: Db,
  storeId: string,
  type: (typeof draftOrderEventTypes)[keyof typeof draftOrderEventTypes],
  payload: { draftOrderId: string; name: string; [key: string]: unknown },
): Promise<void> {
  await emitEvent(tx, { storeId, type, payload });
}

/**
 * The audit entry (`draft_order.created`, `draft_order.invoice_sent` …, with before and after) and
 * the event of a change by staff, in its transaction. A completion's event is emitted where every
 * draft becomes an order (`markCartCompleted`), also when the customer pays through the link.
 */
export async function recordDraftChange(
  tx: Db,
  actor: Actor,
  storeId: string,
  change: {
    kind: DraftChangeKind;
    id: string;
    name: string;
    before?: unknown;
    after?: unknown;
    orderId?: string;
  },
): Promise<void> {
  const { kind, id, name } = change;
  await recordAudit(tx, actor, {
    storeId,
    action: `draft_order.${kind}`,
    entityType: 'draft_order',
    entityId: id,
    before: change.before,
    after: change.after,
  });
  if (kind === 'completed') return;
  const type = kind === 'invoice_sent' ? draftOrderEventTypes.updated : draftOrderEventTypes[kind];
  await emitDraftEvent(tx, storeId, type, {
    draftOrderId: id,
    name,
    ...(kind === 'invoice_sent' ? { change: 'invoice_sent' } : {}),
  });
}
