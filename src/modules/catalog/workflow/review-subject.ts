import type { Db } from '../../../platform/db/database.ts';
import type { ProductDetail } from '../product-detail.ts';
import { entityIdsOf, readRowsByLocale } from '../translations/locale-translation.ts';
import { type ContentDiff, diffContent } from './content-diff.ts';
import { contentOf, stagedFingerprint } from './product-content.ts';
import type { Revision } from './revision-store.ts';
import { type LiveTranslations, liveTranslationsFor, translationDiffs } from './staged-translations.ts';

/**
 * What a reviewer reads, approves and sees go live:
 * - a `staged` revision (pending edits to a live product): its changes, and its translations per
 *   staged locale against the live ones;
 * - a `review` of a product that is not live: the product's own content — text, variants, images
 *   (address, alt text, order, the image each variant shows) — and its translations in every
 *   locale, which go live with it.
 * The fingerprint covers exactly that, so nothing goes live that the reviewer did not see.
 */

/**
 * The translations a revision's review reads: for a staged revision the live rows of the locales it
 * stages (its diff compares with them); for the review of a not-live product, all its translations.
 */
export async function translationsUnderReview(
  db: Db,
  live: ProductDetail,
  revision: Pick<Revision, 'kind' | 'changes'> | null,
): Promise<LiveTranslations> {
  if (!revision) return {};
  return revision.kind === 'staged'
    ? liveTranslationsFor(db, live, revision.changes)
    : readRowsByLocale(db, entityIdsOf(live));
}

/**
 * The hash a reviewer approves: a staged revision's changes, or a not-live product's own content and
 * translations (`translations` from translationsUnderReview). A product without translations hashes
 * as its content alone, as before translations were reviewed, so approvals given then still hold.
 */
export function reviewedFingerprint(
  revision: Pick<Revision, 'kind' | 'changes'>,
  live: ProductDetail,
  translations: LiveTranslations,
): string {
  if (revision.kind === 'staged') return stagedFingerprint(revision.changes);
  const translated = Object.keys(translations).length > 0;
  return stagedFingerprint({ ...contentOf(live), ...(translated ? { translations } : {}) });
}

/**
 * A not-live product reviewed whole: every field as new (`against: "nothing"`) and, per translated
 * locale, every translated piece (`translations.<locale>`, before null).
 */
export function ownContentDiff(detail: ProductDetail, translations: LiveTranslations): ContentDiff {
  const diff = diffContent(null, contentOf(detail), detail.product.currency);
  diff.fields.push(...translationDiffs(detail, { translations }, {}));
  return diff;
}
