import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Store } from '../modules/access/index.ts';
import {
  type EventItem,
  type EventRow,
  rebuildRollups,
  recordOrderFacts,
  writeEvents,
} from '../modules/analytics/index.ts';
import { getOrder } from '../modules/orders/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoSellable } from './demo-orders.ts';
import { countries, devices, pick, searchTerms, sources, termsWithoutResults } from './demo-visitors.ts';
import { seededRandom } from './product-art.ts';

/** Sessions so far today on top of those the orders came in (the history's days end yesterday). */
const sessionsToday = 150;

/**
 * Simulated visits for the demo shop, as its storefront would have recorded them: today's sessions
 * so far from search, ads, the newsletter, social and direct, with product views, searches (some
 * finding nothing), carts and checkouts that stop short; and for each order placed through
 * checkout (`orderIds`), the session it was placed in, ending in its `purchase` event. Then those
 * orders' facts and the daily rollups over the whole history, so the analytics screen shows it at
 * once (`onDay` hears each day rolled up). The days before today have their visits from the
 * store's history (seed-demo-history.ts).
 */
export async function seedDemoTraffic(
  db: Db,
  store: Store,
  sellable: readonly DemoSellable[],
  orderIds: readonly string[],
  onDay?: () => void,
  /** A campaign paused over these store days (the history's incident): no visits from it then. */
  paused?: { campaign: string; from: string; to: string },
): Promise<number> {
  const random = seededRandom(`traffic:${store.handle}`);
  const placed = (await Promise.all(orderIds.map((id) => getOrder(db, store.id, id)))).filter(
    (o) => o.placedAt !== null,
  );
  if (sellable.length === 0) return 0;
  const zone = store.timezone;
  const now = DateTime.now().setZone(zone);
  const first =
    placed.length > 0
      ? DateTime.fromJSDate(placed[0]!.placedAt!, { zone }).startOf('day')
      : now.startOf('day');
  const today = now.toISODate()!;
  const ordersByDay = new Map<string, typeof placed>();
  for (const order of placed) {
    const day = DateTime.fromJSDate(order.placedAt!, { zone }).toISODate()!;
    ordersByDay.set(day, [...(ordersByDay.get(day) ?? []), order]);
  }
  const sourceWeights = sources.map((s) => [s, s.weight] as const);
  const rows: EventRow[] = [];

  const session = (at: DateTime, customerId: string | null) => {
    const drawn = pick(random, sourceWeights);
    const day = at.toISODate()!;
    // The campaign the history paused by mistake brought nobody on those days.
    const from =
      paused && drawn.campaign === paused.campaign && day >= paused.from && day <= paused.to
        ? sources.find((s) => s.channel === 'Direct')!
        : drawn;
    const device = pick(random, devices);
    const country = pick(random, countries);
    const visitorId = `v_demo${Math.floor(random() * 1e12).toString(36)}`;
    const sessionId = `s_demo${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const landing = sellable[Math.floor(random() * sellable.length)]!;
    const landingPath =
      random() < 0.45 ? `/s/${store.handle}/` : `/s/${store.handle}/products/${landing.handle}`;
    let t = at;
    let first = true;
    const add = (name: EventRow['name'], extra: Partial<EventRow> = {}) => {
      rows.push({
        storeId: store.id,
        occurredAt: t.toJSDate(),
        eventId: randomUUID(),
        name,
        origin: 'storefront',
        visitorId,
        sessionId,
        sessionStart: first,
        consented: true,
        customerId,
        source: from.source,
        medium: from.medium,
        campaign: from.campaign,
        term: null,
        content: null,
        channel: from.channel,
        referrerHost: from.referrerHost,
        landingPath,
        pagePath: extra.pagePath ?? landingPath,
        device,
        country,
        ...extra,
      });
      first = false;
      t = t.plus({ seconds: 20 + Math.floor(random() * 90) });
    };
    return {
      browse() {
        add('page_view');
        if (landingPath.endsWith('/')) {
          add('view_item_list', { listName: 'home', resultsCount: sellable.length });
        }
        const views = 1 + Math.floor(random() * 3);
        const seen: DemoSellable[] = [];
        for (let i = 0; i < views; i++) {
          const item =
            i === 0 && !landingPath.endsWith('/')
              ? landing
              : sellable[Math.floor(random() * sellable.length)]!;
          const pagePath = `/s/${store.handle}/products/${item.handle}`;
          if (i > 0 || landingPath.endsWith('/')) add('page_view', { pagePath });
          add('view_item', { pagePath, productId: item.productId, variantId: item.variantId });
          seen.push(item);
        }
        if (random() < 0.1) {
          const term = searchTerms[Math.floor(random() * searchTerms.length)]!;
          add('search', {
            pagePath: `/s/${store.handle}/search`,
            searchTerm: term,
            resultsCount: termsWithoutResults.has(term) ? 0 : 1 + Math.floor(random() * 4),
          });
        }
        return seen;
      },
      cart(item: DemoSellable) {
        const items: EventItem[] = [{ productId: item.productId, variantId: item.variantId, quantity: 1 }];
        add('add_to_cart', { pagePath: `/s/${store.handle}/cart`, variantId: item.variantId, items });
      },
      checkout(steps: number) {
        const names = ['begin_checkout', 'add_shipping_info', 'add_payment_info'] as const;
        for (const name of names.slice(0, steps)) add(name, { pagePath: `/s/${store.handle}/checkout` });
      },
      purchase(order: (typeof placed)[number]) {
        t = DateTime.fromJSDate(order.placedAt!, { zone });
        add('purchase', { orderId: order.id, currency: order.currency, value: order.total });
      },
    };
  };

  for (let d = first; d <= now; d = d.plus({ days: 1 })) {
    const day = d.toISODate()!;
    const sessions = day === today ? sessionsToday : 0;
    for (let n = 0; n < sessions; n++) {
      // Between 07:00 and 23:00 in the shop's time zone; none in the future.
      const at = d.plus({ minutes: 420 + Math.floor(random() * 960) });
      if (at > now) continue;
      const visit = session(at, null);
      const seen = visit.browse();
      if (random() < 0.085) {
        visit.cart(seen[0]!);
        const roll = random();
        if (roll < 0.55) visit.checkout(roll < 0.2 ? 3 : roll < 0.4 ? 2 : 1);
      }
    }
    for (const order of ordersByDay.get(day) ?? []) {
      // Early enough that browsing, cart and checkout (at most 13 events, each under 2 minutes
      // apart) come before the order, as the closed funnel needs them to.
      const at = DateTime.fromJSDate(order.placedAt!, { zone }).minus({
        minutes: 30 + Math.floor(random() * 20),
      });
      const visit = session(at, order.customerId);
      const seen = visit.browse();
      visit.cart(seen[0]!);
      visit.checkout(3);
      visit.purchase(order);
    }
  }
  await writeEvents(db, rows);
  for (const order of placed) await recordOrderFacts(db, store.id, order.id);
  await rebuildRollups(db, store, () => onDay?.());
  return rows.length;
}
