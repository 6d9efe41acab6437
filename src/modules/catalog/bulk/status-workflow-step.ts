import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { recordAudit } from '../../access/index.ts';
import { products } from '../schema.ts';
import { publishInTransaction, unpublishInTransaction } from '../workflow/publishing.ts';
import type { BatchContext, ItemOutcome } from './apply-bulk-action.ts';
import type { EditPlan } from './edit-plan.ts';

export type StatusWorkflowStep = 'publish' | 'unpublish';

/**
 * Which workflow step a bulk status change is, as the product editor decides it (staged-edits.ts):
 * making a product live is publishing and taking it off to draft is unpublishing; anything else
 * (draft ↔ archived, a live product archived) has no workflow rule and is written directly.
 * An undo putting back a product this operation archived while it was live restores it as it was:
 * nothing can have been sent for review meanwhile (an archived product cannot be), and publishing
 * would refuse an archived product.
 */
export function statusWorkflowStep(
  from: string,
  to: string,
  options: { restoring: boolean },
): StatusWorkflowStep | null {
  if (to === 'active' && from !== 'active') {
    return options.restoring && from === 'archived' ? null : 'publish';
  }
  if (from === 'active' && to === 'draft') return 'unpublish';
  return null;
}

/**
 * Carries out a planned status change through the workflow's publish or unpublish step (inside the
 * product's savepoint, so a refusal — 409 `review_pending`, `changed_since_approval`,
 * `illegal_transition` — fails this product only): the step writes, audits and announces exactly as
 * POST /products/:id/publish or /unpublish does (an approved review revision is closed as published,
 * a pending schedule of the same action cancelled). The operation's own audit entry follows, with
 * what the product reads after the step, so undo finds and checks it as it does a direct change.
 * An undo also puts back when the product first went live (`publishedAt`), as its direct path does.
 */
export async function writeStatusWorkflowStep(
  tx: Db,
  ctx: BatchContext,
  plan: EditPlan,
  step: StatusWorkflowStep,
  options: { restoring: boolean },
): Promise<ItemOutcome> {
  const writer = { actor: ctx.actor, canPublish: ctx.operation.canPublish };
  const { storeId } = ctx.operation;
  if (step === 'publish') await publishInTransaction(tx, writer, storeId, plan.productId);
  else await unpublishInTransaction(tx, writer, storeId, plan.productId);
  if (options.restoring) {
    await tx
      .update(products)
      .set({ publishedAt: plan.status?.publishedAt ?? null })
      .where(eq(products.id, plan.productId));
  }
  const [now] = await tx
    .select({ status: products.status, publishedAt: products.publishedAt, updatedAt: products.updatedAt })
    .from(products)
    .where(eq(products.id, plan.productId));
  await recordAudit(tx, ctx.actor, {
    ...plan.audit,
    after: {
      ...(plan.audit.after as Record<string, unknown>),
      status: now!.status,
      publishedAt: now!.publishedAt?.toISOString() ?? null,
      updatedAt: now!.updatedAt.toISOString(),
      workflowStep: step,
    },
  });
  return 'changed';
}
