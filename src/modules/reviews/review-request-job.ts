import { and, eq, inArray } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../platform/jobs/index.ts';
import { listAllStores } from '../access/index.ts';
import { getCustomer } from '../customers/index.ts';
import { type DeliveredOrder, deliveredOrdersBetween, orderName } from '../orders/index.ts';
import { sendTransactionalMail } from '../transactional-mail/index.ts';
import { issueReviewToken } from './review-request-tokens.ts';
import { getReviewSettings } from './review-settings.ts';
import { reviewRequests } from './schema.ts';

export const REVIEW_REQUESTS_JOB = 'reviews.request-mail';

/** Hourly: a request leaves within the hour its day comes. */
export const reviewRequestsSchedule: ScheduleDefinition = {
  name: REVIEW_REQUESTS_JOB,
  jobName: REVIEW_REQUESTS_JOB,
  everySeconds: 3600,
  payload: {},
};

/**
 * Orders delivered longer ago than this past their due day get no request: after a pause of the job
 * (or when requests are switched on) a store does not mail customers about orders of last year.
 */
const CATCH_UP_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The storefront path of a review link (made absolute under the store's address by the mail module). */
export function reviewLinkPath(token: string): string {
  return `/reviews/new/${encodeURIComponent(token)}`;
}

/**
 * Sends one order's request, once: the order's row in `review_requests` is claimed first (a second
 * run or another instance finds it taken and sends nothing), then one single-use link per product
 * is issued and the e-mail is queued, all in one transaction. Returns whether it was sent.
 */
export async function sendReviewRequest(db: Db, order: DeliveredOrder): Promise<boolean> {
  const products = new Map<string, DeliveredOrder['lines'][number]>();
  for (const line of order.lines)
    if (line.productId && !products.has(line.productId)) products.set(line.productId, line);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(reviewRequests)
      .values({ storeId: order.storeId, orderId: order.id, email: order.email })
      .onConflictDoNothing()
      .returning({ orderId: reviewRequests.orderId });
    if (claimed.length === 0 || products.size === 0) return false;
    const links = [];
    for (const [productId, line] of products) {
      const token = await issueReviewToken(tx, {
        storeId: order.storeId,
        orderId: order.id,
        orderLineId: line.id,
        productId,
        variantId: line.variantId,
        customerId: order.customerId,
        email: order.email,
        locale: order.locale,
      });
      links.push({ title: line.title, review_url: reviewLinkPath(token) });
    }
    // Greeted by name when the order belongs to an account (a guest's order has only the e-mail).
    const account = order.customerId
      ? await getCustomer(tx, order.storeId, order.customerId).catch(() => null)
      : null;
    const customer = {
      first_name: account?.firstName ?? '',
      last_name: account?.lastName ?? '',
      email: order.email,
    };
    await sendTransactionalMail(tx, order.storeId, {
      template: 'review_request',
      to: order.email,
      locale: order.locale,
      variables: { customer, order: { name: orderName(order) }, products: links },
      idempotencyKey: `review_request:${order.id}`,
      entity: { type: 'order', id: order.id },
    });
    return true;
  });
}

/** Each store's orders whose request is due (delivered `requestDelayDays` ago) and not yet sent. */
export async function sendDueReviewRequests(db: Db, at: Date = now()): Promise<number> {
  let sent = 0;
  for (const store of await listAllStores(db)) {
    const settings = await getReviewSettings(db, store.id);
    if (!settings.requestsEnabled) continue;
    const to = new Date(at.getTime() - settings.requestDelayDays * DAY_MS);
    const from = new Date(to.getTime() - CATCH_UP_DAYS * DAY_MS);
    const due = await deliveredOrdersBetween(db, store.id, { from, to });
    if (due.length === 0) continue;
    const done = await db
      .select({ orderId: reviewRequests.orderId })
      .from(reviewRequests)
      .where(
        and(
          eq(reviewRequests.storeId, store.id),
          inArray(
            reviewRequests.orderId,
            due.map((o) => o.id),
          ),
        ),
      );
    const sentAlready = new Set(done.map((d) => d.orderId));
    for (const order of due) {
      if (!sentAlready.has(order.id) && (await sendReviewRequest(db, order))) sent++;
    }
  }
  return sent;
}

export function registerReviewRequestJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(REVIEW_REQUESTS_JOB, async (_payload, { db, logger }) => {
    const sent = await sendDueReviewRequests(db);
    if (sent > 0) logger.info({ job: REVIEW_REQUESTS_JOB, sent }, 'review requests queued');
  });
}
