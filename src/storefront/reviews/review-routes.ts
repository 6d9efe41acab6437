import { createHmac, timingSafeEqual } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getProduct } from '../../modules/catalog/index.ts';
import {
  customerMayReview,
  MAX_REVIEW_PHOTO_BYTES,
  MAX_REVIEW_PHOTOS,
  peekReviewToken,
  type ReviewContentInput,
  reviewContentInput,
  type StoredReviewPhoto,
  storeReviewPhoto,
  submitCustomerReview,
  submitReviewWithToken,
} from '../../modules/reviews/index.ts';
import type { BlobStorage } from '../../platform/blob-storage/blob-storage.ts';
import { AppError } from '../../platform/errors.ts';
import { accountPaths } from '../account/account-paths.ts';
import { sessionFormOk } from '../account/account-visit.ts';
import { cameFromThisSite } from '../cart/cart-form-guard.ts';
import {
  CHECKOUT_BODY_LIMIT,
  type CheckoutParams,
  type CheckoutRouteContext,
  type CheckoutVisit,
  seeOther,
  sendPrivateHtml,
  startCheckoutVisit,
} from '../checkout/checkout-visit.ts';
import { renderStoreNotFoundPage } from '../not-found-page.tsx';
import { readReviewForm } from './review-form-input.ts';
import { renderReviewFormPage, renderReviewMessagePage } from './review-form-page.tsx';
import { reviewPaths } from './review-paths.ts';
import { reviewWords } from './review-words.ts';

/** Link tokens are URL-safe random text; anything else names no link (and is not looked up). */
const LINK_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const PRODUCT_ID = /^prod_[0-9a-z]{26}$/;

/** The `_csrf` of a link's form: an HMAC keyed by the link's token, which only its holder has. */
export function reviewFormToken(linkToken: string): string {
  return createHmac('sha256', linkToken).update('storepilot review form').digest('base64url').slice(0, 32);
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Params = CheckoutParams & { productId?: string };

/**
 * The review pages: a request e-mail's link (`/reviews/new/:token`, no sign-in needed: the token is
 * the proof of purchase) and a signed-in customer's form for a product they received
 * (`/reviews/product/:productId`), under both mounts and every locale; never page-cached.
 * Form posts are checked twice for forgery (same-site origin, and the form's own token).
 */
export async function storefrontReviewRoutes(
  app: FastifyInstance,
  context: CheckoutRouteContext & { photos?: BlobStorage },
): Promise<void> {
  const { db } = context;
  await app.register(multipart, { limits: { fileSize: MAX_REVIEW_PHOTO_BYTES, files: MAX_REVIEW_PHOTOS } });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: CHECKOUT_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const options = { schema: { hide: true } };
  const megabytes = Math.round(MAX_REVIEW_PHOTO_BYTES / (1024 * 1024));

  type Form = { action: string; productTitle: string; csrfToken: string };

  function showForm(
    visit: CheckoutVisit,
    status: number,
    form: Form,
    outcome: {
      problem?: string | null;
      fields?: Record<string, string>;
      values?: Record<string, string>;
    } = {},
  ) {
    const body = renderReviewFormPage(visit.site, {
      ...form,
      problem: outcome.problem ?? null,
      fields: outcome.fields ?? {},
      values: outcome.values ?? {},
      maxPhotos: MAX_REVIEW_PHOTOS,
      maxPhotoMegabytes: megabytes,
      signedIn: visit.signedIn !== null,
    });
    return sendPrivateHtml(visit.reply, status, body);
  }

  function showMessage(visit: CheckoutVisit, status: number, title: string, text: string) {
    return sendPrivateHtml(
      visit.reply,
      status,
      renderReviewMessagePage(visit.site, { title, text, signedIn: visit.signedIn !== null }),
    );
  }

  async function productTitle(storeId: string, productId: string): Promise<string | null> {
    try {
      return (await getProduct(db, storeId, productId)).product.title;
    } catch {
      return null;
    }
  }

  /**
   * Reads, checks and records a posted review; every refusal re-shows the form with what was typed
   * and nothing written (a photo is only stored once the text is known to be acceptable).
   */
  async function receive(
    visit: CheckoutVisit,
    form: Form,
    formOk: (fields: Record<string, string>) => boolean,
    record: (content: ReviewContentInput, photos: StoredReviewPhoto[]) => Promise<unknown>,
  ): Promise<FastifyReply> {
    const w = reviewWords(visit.site.locale);
    let input: Awaited<ReturnType<typeof readReviewForm>>;
    try {
      input = await readReviewForm(visit.request);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const problem =
        err.code === 'file_too_large'
          ? w.photoTooLarge(megabytes)
          : err.code === 'too_many_photos'
            ? w.tooManyPhotos(MAX_REVIEW_PHOTOS)
            : w.fixProblems;
      return showForm(visit, err.status, form, { problem });
    }
    if (!cameFromThisSite(visit.request) || !formOk(input.fields)) {
      return sendPrivateHtml(visit.reply, 403, renderStoreNotFoundPage(visit.site, 'page'));
    }
    const values = {
      rating: input.fields.rating ?? '',
      title: input.fields.title ?? '',
      body: input.fields.body ?? '',
      authorName: input.fields.authorName ?? '',
    };
    const checked = reviewContentInput.safeParse(values);
    if (!checked.success) {
      const fields = Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0]), w.required]));
      return showForm(visit, 400, form, { problem: w.fixProblems, fields, values });
    }
    if (input.photos.length > 0 && !context.photos) {
      return showForm(visit, 400, form, { problem: w.photoNotImage, values });
    }
    const photos: StoredReviewPhoto[] = [];
    try {
      for (const bytes of input.photos) photos.push(await storeReviewPhoto(context.photos!, bytes));
      await record(values, photos);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const problem =
        err.code === 'file_too_large'
          ? w.photoTooLarge(megabytes)
          : err.code === 'unsupported_image'
            ? w.photoNotImage
            : err.code === 'link_expired'
              ? w.linkExpired
              : err.code === 'not_purchased'
                ? w.notPurchased
                : w.fixProblems;
      return showForm(visit, err.status, form, { problem, values });
    }
    return seeOther(visit.reply, reviewPaths.thanks(visit.site));
  }

  const visitOf = (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
    startCheckoutVisit(context, request, reply, { cart: false });

  /** The form of a link, or the answer that the link does not work. */
  async function linkForm(visit: CheckoutVisit, token: string): Promise<Form | FastifyReply> {
    const w = reviewWords(visit.site.locale);
    const link = LINK_TOKEN.test(token) ? await peekReviewToken(db, visit.store.id, token) : null;
    const title = link ? await productTitle(visit.store.id, link.productId) : null;
    if (!link || title === null) return showMessage(visit, 410, w.writeReview, w.linkExpired);
    return {
      action: reviewPaths.byToken(visit.site, token),
      productTitle: title,
      csrfToken: reviewFormToken(token),
    };
  }

  /** The signed-in customer's form of a product, or the answer why there is none. */
  async function customerForm(visit: CheckoutVisit, productId: string): Promise<Form | FastifyReply> {
    const w = reviewWords(visit.site.locale);
    // Back to this form once signed in.
    if (!visit.signedIn) return seeOther(visit.reply, accountPaths.login(visit.site, visit.request.url));
    const title = PRODUCT_ID.test(productId) ? await productTitle(visit.store.id, productId) : null;
    if (title === null) return sendPrivateHtml(visit.reply, 404, renderStoreNotFoundPage(visit.site, 'page'));
    if (!(await customerMayReview(db, visit.store.id, visit.signedIn.customer.id, productId))) {
      return showMessage(visit, 403, w.writeReview, w.notPurchased);
    }
    return {
      action: reviewPaths.product(visit.site, productId),
      productTitle: title,
      csrfToken: visit.signedIn.csrfToken,
    };
  }

  const isForm = (value: Form | FastifyReply): value is Form => 'csrfToken' in value;

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    const at = `${prefix}/reviews`;
    app.get<{ Params: Params }>(`${at}/thanks`, options, async (request, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const w = reviewWords(visit.site.locale);
      return showMessage(visit, 200, w.thanksTitle, w.thanksText);
    });
    app.get<{ Params: Params }>(`${at}/new/:token`, options, async (request, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const form = await linkForm(visit, request.params.token ?? '');
      return isForm(form) ? showForm(visit, 200, form) : form;
    });
    app.post<{ Params: Params }>(`${at}/new/:token`, options, async (request, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const token = request.params.token ?? '';
      const form = await linkForm(visit, token);
      if (!isForm(form)) return form;
      return receive(
        visit,
        form,
        (fields) => sameToken(reviewFormToken(token), fields._csrf ?? ''),
        (content, photos) => submitReviewWithToken(db, visit.store.id, token, content, photos),
      );
    });
    app.get<{ Params: Params }>(`${at}/product/:productId`, options, async (request, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const form = await customerForm(visit, request.params.productId ?? '');
      return isForm(form) ? showForm(visit, 200, form) : form;
    });
    app.post<{ Params: Params }>(`${at}/product/:productId`, options, async (request, reply) => {
      const visit = await visitOf(request, reply);
      if (!visit) return reply;
      const productId = request.params.productId ?? '';
      const form = await customerForm(visit, productId);
      if (!isForm(form)) return form;
      const customer = visit.signedIn!.customer;
      return receive(
        visit,
        form,
        (fields) => sessionFormOk(visit, fields),
        (content, photos) =>
          submitCustomerReview(
            db,
            visit.store.id,
            { id: customer.id, email: customer.email },
            productId,
            visit.site.locale,
            content,
            photos,
          ),
      );
    });
  }
}
