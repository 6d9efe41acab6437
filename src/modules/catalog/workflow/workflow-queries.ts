import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { getProduct } from '../products.ts';
import { translationsUnderReview } from './review-subject.ts';
import { findOpenRevision, findRevision, listRevisions } from './revision-store.ts';
import { listSchedules } from './schedule-store.ts';
import { openRevisionStates } from './schema.ts';
import { revisionView, workflowView } from './workflow-views.ts';

type StoreRef = { id: string; handle: string; timezone: string };

/** The product's place in the workflow: state, open revision with its diff, planned changes. */
export async function productWorkflow(db: Db, store: StoreRef, productId: string) {
  const live = await getProduct(db, store.id, productId);
  const open = await findOpenRevision(db, productId);
  const schedules = await listSchedules(db, store.id, productId);
  // A review left open on a product that went live by another path is moot; it is closed on the next step.
  const current = open?.kind === 'review' && live.product.status === 'active' ? null : open;
  return workflowView(live, current, schedules, store, await translationsUnderReview(db, live, current));
}

/** Every revision of the product, newest first: the history of what was proposed, reviewed and published. */
export async function revisionHistory(db: Db, store: StoreRef, productId: string) {
  const live = await getProduct(db, store.id, productId);
  const revisions = await listRevisions(db, store.id, productId);
  // Only the open revision reads the translations as they are now; published ones keep their diff.
  const open = revisions.find((r) => openRevisionStates.includes(r.state)) ?? null;
  const liveTranslations = await translationsUnderReview(db, live, open);
  return revisions.map((r) => revisionView(r, live, store.handle, false, r === open ? liveTranslations : {}));
}

export async function revisionDetail(db: Db, store: StoreRef, productId: string, revisionId: string) {
  const live = await getProduct(db, store.id, productId);
  const revision = await findRevision(db, store.id, productId, revisionId);
  if (!revision) throw notFound('Revision');
  const liveTranslations = openRevisionStates.includes(revision.state)
    ? await translationsUnderReview(db, live, revision)
    : {};
  return revisionView(revision, live, store.handle, true, liveTranslations);
}
