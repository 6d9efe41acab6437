import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import type { CatalogWriter } from '../products.ts';
import { stagedFieldNames } from './product-content.ts';
import { reviewedFingerprint, translationsUnderReview } from './review-subject.ts';
import {
  findOpenRevision,
  findRevision,
  lockProduct,
  openRevision,
  type Revision,
  recordWorkflowStep,
  revisionSnapshot,
  settleStaleReview,
  updateRevision,
} from './revision-store.ts';
import { openRevisionStates } from './schema.ts';
import { allowedFrom, assertMayPublish, illegalTransition, productWorkflowState } from './workflow-state.ts';

const spoken = (state: string) => state.replace('_', ' ');

async function announceStep(tx: Db, type: string, revision: Revision) {
  await emitEvent(tx, {
    storeId: revision.storeId,
    type,
    payload: {
      id: revision.productId,
      revisionId: revision.id,
      number: revision.number,
      state: revision.state,
    },
  });
}

/**
 * Sends the product for review: a product that is not live has its own content reviewed (a `review`
 * revision is opened); a live one sends its staged revision. Anyone who may edit may submit.
 */
export async function submitForReview(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  input: { note?: string | null },
): Promise<Revision> {
  return db.transaction(async (tx) => {
    const live = await lockProduct(tx, storeId, productId);
    const open = await settleStaleReview(
      tx,
      writer.actor,
      live,
      await findOpenRevision(tx, productId, { lock: true }),
    );
    if (live.product.status === 'archived') {
      throw illegalTransition(
        'submit',
        'archived',
        'Restore the archived product as a draft before sending it for review.',
      );
    }
    const submitted = {
      state: 'in_review' as const,
      note: input.note ?? null,
      reviewComment: null,
      approvedFingerprint: null,
      submittedBy: writer.actor,
      submittedAt: now(),
      reviewedBy: null,
      reviewedAt: null,
    };
    let revision: Revision;
    if (open) {
      if (!allowedFrom.submit.includes(open.state)) {
        throw illegalTransition(
          'submit',
          open.state,
          `Revision ${open.number} is already ${spoken(open.state)}.`,
        );
      }
      if (open.kind === 'staged' && stagedFieldNames(open.changes).length === 0) {
        throw unprocessable('no_changes', 'The staged revision changes nothing yet: edit the product first.');
      }
      revision = await updateRevision(tx, open.id, submitted);
    } else {
      if (live.product.status === 'active') {
        throw unprocessable('no_changes', 'The live product has no staged changes to review.');
      }
      const opened = await openRevision(tx, writer.actor, live.product, {
        kind: 'review',
        state: 'in_review',
        changes: null,
      });
      revision = await updateRevision(tx, opened.id, submitted);
    }
    await recordWorkflowStep(
      tx,
      writer.actor,
      storeId,
      productId,
      'product.submitted_for_review',
      open ? revisionSnapshot(open) : undefined,
      revisionSnapshot(revision),
    );
    await announceStep(tx, 'product.review_requested', revision);
    return revision;
  });
}

/** The open revision in one of the states a reviewer acts on, else 409 `illegal_transition`. */
async function revisionUnderReview(
  tx: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  action: 'approve' | 'request_changes',
) {
  const live = await lockProduct(tx, storeId, productId);
  const open = await settleStaleReview(
    tx,
    writer.actor,
    live,
    await findOpenRevision(tx, productId, { lock: true }),
  );
  if (!open) {
    throw illegalTransition(
      action,
      productWorkflowState(live.product, null),
      'Nothing of this product is waiting for review.',
    );
  }
  if (!allowedFrom[action].includes(open.state)) {
    throw illegalTransition(
      action,
      open.state,
      `Revision ${open.number} is ${spoken(open.state)}, not in review.`,
    );
  }
  return { live, open };
}

/** A reviewer's decision on the open revision: saved with who and when, audited, announced. */
async function recordReviewDecision(
  tx: Db,
  writer: CatalogWriter,
  open: Revision,
  action: 'product.approved' | 'product.changes_requested',
  decision: {
    state: 'approved' | 'changes_requested';
    approvedFingerprint: string | null;
    reviewComment: string | null;
  },
): Promise<Revision> {
  const revision = await updateRevision(tx, open.id, {
    ...decision,
    reviewedBy: writer.actor,
    reviewedAt: now(),
  });
  await recordWorkflowStep(
    tx,
    writer.actor,
    open.storeId,
    open.productId,
    action,
    revisionSnapshot(open),
    revisionSnapshot(revision),
  );
  await announceStep(tx, action, revision);
  return revision;
}

/**
 * Approves what is under review. `fingerprint` (from the revision the reviewer looked at) makes sure
 * they approve what they saw: 409 `revision_changed` when it moved since.
 */
export async function approveRevision(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  input: { fingerprint?: string; comment?: string | null },
): Promise<Revision> {
  assertMayPublish(writer, 'Approving');
  return db.transaction(async (tx) => {
    const { live, open } = await revisionUnderReview(tx, writer, storeId, productId, 'approve');
    const current = reviewedFingerprint(open, live, await translationsUnderReview(tx, live, open));
    if (input.fingerprint && input.fingerprint !== current) {
      throw conflict('revision_changed', 'The revision changed after you opened it; look at it again.', {
        revisionId: open.id,
      });
    }
    return recordReviewDecision(tx, writer, open, 'product.approved', {
      state: 'approved',
      approvedFingerprint: current,
      reviewComment: input.comment ?? null,
    });
  });
}

/** Sends the revision back to its editor with what to change. */
export async function requestChanges(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  input: { comment: string },
): Promise<Revision> {
  assertMayPublish(writer, 'Requesting changes');
  return db.transaction(async (tx) => {
    const { open } = await revisionUnderReview(tx, writer, storeId, productId, 'request_changes');
    return recordReviewDecision(tx, writer, open, 'product.changes_requested', {
      state: 'changes_requested',
      approvedFingerprint: null,
      reviewComment: input.comment,
    });
  });
}

/**
 * Closes an open revision without publishing it: staged changes are dropped (the live product is as
 * it was), a review of a draft is withdrawn (the draft keeps its content).
 */
export async function discardRevision(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  revisionId: string,
): Promise<Revision> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, storeId, productId);
    const found = await findRevision(tx, storeId, productId, revisionId);
    if (!found) throw notFound('Revision');
    if (!openRevisionStates.includes(found.state)) {
      throw illegalTransition(
        'discard',
        found.state,
        `Revision ${found.number} is ${spoken(found.state)} and closed.`,
      );
    }
    const revision = await updateRevision(tx, found.id, {
      state: 'discarded',
      closedBy: writer.actor,
      closedAt: now(),
    });
    await recordWorkflowStep(
      tx,
      writer.actor,
      storeId,
      productId,
      'product.revision_discarded',
      revisionSnapshot(found),
      revisionSnapshot(revision),
    );
    return revision;
  });
}
