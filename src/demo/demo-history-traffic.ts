import type { Store } from '../modules/access/index.ts';
import type { EventRow } from '../modules/analytics/index.ts';
import { seededRandom } from '../platform/random/seeded-random.ts';
import type { DemoHistoryPlan, PlannedSession } from './demo-history-plan.ts';
import { searchTerms, sources, termsWithoutResults } from './demo-visitors.ts';

/** An order the history placed, as its `purchase` event names it. */
export interface PurchaseOf {
  orderId: string;
  placedAt: Date;
  currency: string;
  /** GA4's purchase value: the lines after discounts, without shipping (minor units). */
  value: number;
}

/**
 * The storefront events of the history's sessions, as the storefront would have recorded them:
 * the landing page, product views, now and then a search (some finding nothing), the cart and the
 * checkout steps as far as each session went, and for an order its `purchase` event at the moment
 * it was placed. Ids come from the seed (`seed`), so the same plan gives the same events.
 * `sessions` is a slice of the plan's (the caller writes them in batches); `first` is its offset.
 */
export function historyEvents(
  store: Store,
  plan: DemoHistoryPlan,
  purchases: readonly PurchaseOf[],
  sessions: readonly PlannedSession[],
  first: number,
  seed: number,
): EventRow[] {
  const random = seededRandom(seed * 1_000_003 + first);
  const rows: EventRow[] = [];
  const base = `/s/${store.handle}`;
  for (const [n, session] of sessions.entries()) {
    const index = first + n;
    const source = sources[session.source]!;
    const purchase = session.order === null ? null : purchases[session.order]!;
    const product = plan.products[session.product]!;
    const home = random.uniform() < 0.4;
    const landingPath = home ? `${base}/` : `${base}/products/${product.handle}`;
    const sessionId = `s_hist${seed.toString(36)}${index.toString(36).padStart(7, '0')}`;
    const visitorId =
      session.customer === null
        ? `v_hist${seed.toString(36)}${index.toString(36)}`
        : `v_histc${seed.toString(36)}${session.customer.toString(36)}`;
    // A buying session ends with its purchase; it started a few minutes before.
    const events = 1 + (session.depth === 0 ? 0 : 2 + session.depth);
    let at = purchase
      ? purchase.placedAt.getTime() - events * 75_000
      : plan.dayStarts[session.day]! + session.minute * 60_000;
    let eventNo = 0;
    const add = (name: EventRow['name'], extra: Partial<EventRow> = {}) => {
      rows.push({
        storeId: store.id,
        occurredAt: new Date(at),
        eventId: `${sessionId}.${eventNo}`,
        name,
        origin: 'storefront',
        visitorId,
        sessionId,
        sessionStart: eventNo === 0,
        consented: true,
        customerId: null,
        source: source.source,
        medium: source.medium,
        campaign: source.campaign,
        term: null,
        content: null,
        channel: source.channel,
        referrerHost: source.referrerHost,
        landingPath,
        pagePath: landingPath,
        device: session.device,
        country: session.country,
        ...extra,
      });
      eventNo++;
      at += 20_000 + Math.floor(random.uniform() * 90_000);
    };
    add('page_view');
    if (session.depth === 0) continue;
    const productPath = `${base}/products/${product.handle}`;
    const item = { productId: product.productId, variantId: product.variantId };
    if (home) {
      add('view_item_list', { listName: 'home', resultsCount: plan.products.length });
      add('page_view', { pagePath: productPath });
    }
    add('view_item', { pagePath: productPath, ...item });
    if (random.uniform() < 0.1) {
      const term = searchTerms[Math.floor(random.uniform() * searchTerms.length)]!;
      add('search', {
        pagePath: `${base}/search`,
        searchTerm: term,
        resultsCount: termsWithoutResults.has(term) ? 0 : 1 + Math.floor(random.uniform() * 4),
      });
    }
    if (session.depth < 2) continue;
    add('add_to_cart', {
      pagePath: `${base}/cart`,
      variantId: item.variantId,
      items: [{ ...item, quantity: 1 }],
    });
    const steps = ['begin_checkout', 'add_shipping_info', 'add_payment_info'] as const;
    for (const name of steps.slice(0, Math.min(3, session.depth - 2)))
      add(name, { pagePath: `${base}/checkout` });
    if (purchase) {
      at = purchase.placedAt.getTime();
      add('purchase', {
        pagePath: `${base}/checkout`,
        orderId: purchase.orderId,
        currency: purchase.currency,
        value: purchase.value,
      });
    }
  }
  return rows;
}
