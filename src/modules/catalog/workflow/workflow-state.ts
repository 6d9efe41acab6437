import { conflict, forbidden } from '../../../platform/errors.ts';
import type { RevisionState } from './schema.ts';

/**
 * Where a product stands in the publishing workflow. `products.status` stays what the storefront and
 * every other reader use (draft | active | archived): `published` is status `active`. The review
 * steps in between live on the product's open revision, so the state is derived, never stored twice:
 * - draft: not live, not under review (or sent back with changes requested);
 * - in_review / approved: not live, its content under review / approved and waiting to be published;
 * - published: live (edits without catalog:publish wait in a staged revision with its own review state);
 * - unpublished: was live, taken off the storefront;
 * - archived: out of the catalog's working views.
 */
export const workflowStates = [
  'draft',
  'in_review',
  'approved',
  'published',
  'unpublished',
  'archived',
] as const;
export type WorkflowState = (typeof workflowStates)[number];

export function productWorkflowState(
  product: { status: string; publishedAt: Date | null },
  openReview: { kind: string; state: RevisionState } | null,
): WorkflowState {
  if (product.status === 'archived') return 'archived';
  if (product.status === 'active') return 'published';
  if (openReview?.state === 'in_review') return 'in_review';
  if (openReview?.state === 'approved') return 'approved';
  return product.publishedAt ? 'unpublished' : 'draft';
}

export type WorkflowAction =
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'discard'
  | 'publish'
  | 'unpublish'
  | 'schedule';

/** Which revision states each review step starts from. */
export const allowedFrom: Record<'submit' | 'approve' | 'request_changes' | 'discard', RevisionState[]> = {
  submit: ['draft', 'changes_requested'],
  approve: ['in_review'],
  request_changes: ['in_review', 'approved'],
  discard: ['draft', 'in_review', 'changes_requested', 'approved'],
};

/** 409 `illegal_transition`: the step does not apply to where the product or revision stands. */
export function illegalTransition(action: WorkflowAction, from: string, message: string) {
  return conflict('illegal_transition', message, { action, from });
}

export function assertMayPublish(writer: { canPublish: boolean }, what: string) {
  if (!writer.canPublish) {
    throw forbidden('permission_denied', `${what} needs the catalog:publish permission.`, {
      permission: 'catalog:publish',
    });
  }
}
