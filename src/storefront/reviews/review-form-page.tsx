import { CsrfField, Field, SubmitRow } from '../account/account-page.tsx';
import { renderCheckoutDocument } from '../checkout/checkout-document.tsx';
import type { StorefrontSite } from '../site.ts';
import { reviewWords } from './review-words.ts';

/** The star choices: one row each, the radio button beside its stars, no fieldset frame. */
const reviewFormCss =
  '.review-form fieldset.field{border:0;padding:0;margin:0}.review-form legend{font-weight:600;font-size:.92rem;padding:0;margin:0 0 6px}' +
  '.rating-choice{display:flex;align-items:center;gap:10px;font-weight:500;padding:4px 0;cursor:pointer}' +
  '.rating-choice input{width:auto;margin:0}.review-form textarea{font:inherit;padding:10px 12px;border:1px solid #cfccc6;border-radius:10px;width:100%}';

export interface ReviewFormView {
  action: string;
  productTitle: string;
  csrfToken: string;
  /** A problem with the whole form (a photo, an expired link). */
  problem: string | null;
  /** Problems of single fields, by name. */
  fields: Record<string, string>;
  values: { rating?: string; title?: string; body?: string; authorName?: string };
  maxPhotos: number;
  maxPhotoMegabytes: number;
  signedIn: boolean;
}

/**
 * The review form: stars as radio buttons, title, text, name and photos. A plain multipart form
 * post, so it works without any script.
 */
export function renderReviewFormPage(site: StorefrontSite, view: ReviewFormView): string {
  const w = reviewWords(site.locale);
  const problems = { fields: view.fields };
  const ratingError = view.fields.rating;
  const bodyError = view.fields.body;
  return renderCheckoutDocument(site, {
    title: w.writeReviewOf(view.productTitle),
    signedIn: view.signedIn,
    children: (
      <div class="account wrap review-form">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
        <style dangerouslySetInnerHTML={{ __html: reviewFormCss }} />
        <h1>{w.writeReviewOf(view.productTitle)}</h1>
        <p class="lead">{w.lead}</p>
        {view.problem ? (
          <p class="form-problem" role="alert">
            {view.problem}
          </p>
        ) : null}
        <form class="form panel" method="post" action={view.action} enctype="multipart/form-data" novalidate>
          <CsrfField token={view.csrfToken} />
          <fieldset class={`field${ratingError ? ' field-error' : ''}`}>
            <legend>{w.rating}</legend>
            {[5, 4, 3, 2, 1].map((n) => (
              <label key={n} class="rating-choice">
                <input
                  type="radio"
                  name="rating"
                  value={String(n)}
                  checked={view.values.rating === String(n)}
                  required
                />{' '}
                {'★'.repeat(n)} {w.stars(n)}
              </label>
            ))}
            {ratingError ? <p class="error">{ratingError}</p> : null}
          </fieldset>
          <Field
            name="title"
            label={w.title}
            optionalLabel={w.optional}
            value={view.values.title}
            maxLength={150}
            problems={problems}
          />
          <div class={`field${bodyError ? ' field-error' : ''}`}>
            <label for="f-body">{w.body}</label>
            <textarea
              id="f-body"
              name="body"
              rows={6}
              maxLength={5000}
              required
              aria-invalid={bodyError ? 'true' : undefined}
            >
              {view.values.body ?? ''}
            </textarea>
            {bodyError ? <p class="error">{bodyError}</p> : null}
          </div>
          <Field
            name="authorName"
            label={w.name}
            hint={w.nameHint}
            value={view.values.authorName}
            autocomplete="given-name"
            required
            maxLength={80}
            problems={problems}
          />
          <div class="field">
            <label for="f-photos">
              {w.photos} <span class="optional">({w.optional})</span>
            </label>
            <input
              id="f-photos"
              type="file"
              name="photos"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              multiple
            />
            <p class="hint">{w.photosHint(view.maxPhotos, view.maxPhotoMegabytes)}</p>
          </div>
          <SubmitRow label={w.submit} />
        </form>
      </div>
    ),
  });
}

/** After a review was sent, and for a link that no longer works. */
export function renderReviewMessagePage(
  site: StorefrontSite,
  page: { title: string; text: string; signedIn: boolean },
): string {
  return renderCheckoutDocument(site, {
    title: page.title,
    signedIn: page.signedIn,
    children: (
      <div class="account wrap">
        <h1>{page.title}</h1>
        <p class="lead">{page.text}</p>
      </div>
    ),
  });
}
