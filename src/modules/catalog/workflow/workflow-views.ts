import type { Actor } from '../../access/actor.ts';
import type { ProductDetail } from '../product-detail.ts';
import { productView } from '../product-view.ts';
import { type ContentDiff, diffContent } from './content-diff.ts';
import { contentOf, normalStagedChanges, stagedFieldNames, withChanges } from './product-content.ts';
import { proposedProduct } from './proposed-product.ts';
import { ownContentDiff, reviewedFingerprint } from './review-subject.ts';
import type { Revision } from './revision-store.ts';
import type { ProductSchedule } from './schedule-store.ts';
import { openRevisionStates } from './schema.ts';
import { type LiveTranslations, translationDiffs } from './staged-translations.ts';
import { productWorkflowState } from './workflow-state.ts';

const who = (actor: Actor | null) => (actor ? { type: actor.type, id: actor.id, label: actor.label } : null);

/**
 * A revision as the API shows it. An open revision's diff is computed against the product as it is
 * now; a published one shows the difference it made when it went live.
 */
export function revisionView(
  revision: Revision,
  live: ProductDetail,
  storeHandle: string,
  withProposed: boolean,
  /** What an open revision's review reads of the translations (translationsUnderReview); `{}` for closed ones. */
  liveTranslations: LiveTranslations,
) {
  const open = openRevisionStates.includes(revision.state);
  const liveContent = contentOf(live);
  let diff: ContentDiff | null = null;
  let proposed: ReturnType<typeof productView> | null = null;
  if (revision.state === 'published') {
    diff = revision.publishedDiff as ContentDiff | null;
  } else if (revision.kind === 'staged') {
    const staged = normalStagedChanges(revision.changes);
    const content = withChanges(liveContent, staged);
    diff = diffContent(liveContent, content, live.product.currency);
    diff.fields.push(...translationDiffs(live, staged, liveTranslations));
    if (withProposed && open) proposed = productView(proposedProduct(live, content), storeHandle);
  } else if (open) {
    diff = ownContentDiff(live, liveTranslations);
  }
  return {
    id: revision.id,
    productId: revision.productId,
    number: revision.number,
    kind: revision.kind,
    state: revision.state,
    open,
    changedFields: stagedFieldNames(revision.changes),
    note: revision.note,
    reviewComment: revision.reviewComment,
    /** Send back with an approval to approve exactly what was shown (open revisions only). */
    fingerprint: open ? reviewedFingerprint(revision, live, liveTranslations) : null,
    createdBy: who(revision.createdBy),
    createdAt: revision.createdAt,
    submittedBy: who(revision.submittedBy),
    submittedAt: revision.submittedAt,
    reviewedBy: who(revision.reviewedBy),
    reviewedAt: revision.reviewedAt,
    closedBy: who(revision.closedBy),
    closedAt: revision.closedAt,
    updatedAt: revision.updatedAt,
    diff,
    /** The product as it would look with the staged changes (open staged revisions, on request). */
    proposed,
  };
}

export function scheduleView(schedule: ProductSchedule) {
  return {
    id: schedule.id,
    productId: schedule.productId,
    action: schedule.action,
    state: schedule.state,
    /** The wall-clock time in `timezone`, as entered. */
    localTime: schedule.localTime,
    timezone: schedule.timezone,
    runAt: schedule.runAt,
    outcome: schedule.outcome,
    createdBy: who(schedule.createdBy),
    createdAt: schedule.createdAt,
    updatedAt: schedule.updatedAt,
    finishedAt: schedule.finishedAt,
  };
}

/** Everything the editor needs to show the product's place in the workflow and the next steps. */
export function workflowView(
  live: ProductDetail,
  open: Revision | null,
  schedules: { pending: ProductSchedule[]; finished: ProductSchedule[] },
  store: { handle: string; timezone: string },
  /** translationsUnderReview of the open revision. */
  liveTranslations: LiveTranslations,
) {
  return {
    productId: live.product.id,
    status: live.product.status,
    state: productWorkflowState(live.product, open),
    timezone: store.timezone,
    revision: open ? revisionView(open, live, store.handle, true, liveTranslations) : null,
    schedules: schedules.pending.map(scheduleView),
    recentSchedules: schedules.finished.map(scheduleView),
  };
}

/**
 * The answer to PATCH /products/:id: the product as stored and, when the edit was staged, the
 * revision holding it (with the proposed product, for the editor to keep showing what was typed);
 * `reviewReset` when the edit sent what was in review or approved back to draft.
 */
export function editResponse(
  outcome: {
    product: ProductDetail;
    revision: Revision | null;
    staged: boolean;
    reviewReset: boolean;
    liveTranslations: LiveTranslations;
  },
  storeHandle: string,
) {
  return {
    product: productView(outcome.product, storeHandle),
    staged: outcome.staged,
    reviewReset: outcome.reviewReset,
    revision: outcome.revision
      ? revisionView(outcome.revision, outcome.product, storeHandle, true, outcome.liveTranslations)
      : null,
  };
}
