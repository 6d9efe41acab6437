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
import { listOrders } from '../modules/orders/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoSellable } from './demo-orders.ts';
import { seededRandom } from './product-art.ts';

/**
 * Where the demo shop's visitors come from, with the campaigns they arrive on (the traffic a small
 * European shop with some paid search and a newsletter would see). Weights sum to 1.
 */
const sources: {
  weight: number;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  channel: string;
  referrerHost: string | null;
}[] = [
  {
    weight: 0.29,
    source: 'google',
    medium: 'organic',
    campaign: null,
    channel: 'Organic Search',
    referrerHost: 'www.google.com',
  },
  {
    weight: 0.04,
    source: 'bing',
    medium: 'organic',
    campaign: null,
    channel: 'Organic Search',
    referrerHost: 'www.bing.com',
  },
  {
    weight: 0.11,
    source: 'google',
    medium: 'cpc',
    campaign: 'Brand – Search',
    channel: 'Paid Search',
    referrerHost: null,
  },
  {
    weight: 0.07,
    source: 'google',
    medium: 'cpc',
    campaign: 'Ceramics – Generic',
    channel: 'Paid Search',
    referrerHost: null,
  },
  { weight: 0.19, source: null, medium: null, campaign: null, channel: 'Direct', referrerHost: null },
  {
    weight: 0.09,
    source: 'newsletter',
    medium: 'email',
    campaign: 'Weekly letter',
    channel: 'Email',
    referrerHost: null,
  },
  {
    weight: 0.1,
    source: 'instagram',
    medium: 'social',
    campaign: null,
    channel: 'Organic Social',
    referrerHost: 'l.instagram.com',
  },
  {
    weight: 0.07,
    source: 'facebook',
    medium: 'paid_social',
    campaign: 'Autumn table',
    channel: 'Paid Social',
    referrerHost: null,
  },
  {
    weight: 0.04,
    source: 'designmilk.com',
    medium: 'referral',
    campaign: null,
    channel: 'Referral',
    referrerHost: 'design-milk.com',
  },
];
const devices: [string, number][] = [
  ['mobile', 0.58],
  ['desktop', 0.36],
  ['tablet', 0.06],
];
const countries: [string, number][] = [
  ['DE', 0.3],
  ['FR', 0.12],
  ['NL', 0.08],
  ['AT', 0.06],
  ['GB', 0.12],
  ['US', 0.16],
  ['JP', 0.06],
  ['IT', 0.05],
  ['ES', 0.05],
];
/** What the demo's shoppers type in the search box; the last few find nothing in this catalog. */
const searchTerms = ['mug', 'linen napkins', 'vase', 'oak', 'candle', 'teapot', 'gift card', 'espresso cups'];
const termsWithoutResults = new Set(['teapot', 'gift card', 'espresso cups']);

/** Sessions on an ordinary weekday at the start of the demo's history; the shop grows from there. */
const baseSessionsPerDay = 38;

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let roll = random();
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/**
 * Simulated visits for the demo shop, as its storefront would have recorded them: for every day
 * of its order history, sessions from search, ads, the newsletter, social and direct, with product
 * views, searches (some finding nothing), carts and checkouts that stop short; and for each real
 * demo order, the session it was placed in, ending in its `purchase` event. Deterministic (seeded).
 * Then the orders' facts and the daily rollups, so the analytics screen shows the history at once.
 */
export async function seedDemoTraffic(
  db: Db,
  store: Store,
  sellable: readonly DemoSellable[],
): Promise<number> {
  const random = seededRandom(`traffic:${store.handle}`);
  const { items: orders } = await listOrders(db, store.id, { limit: 200, sort: 'oldest' });
  const placed = orders.filter((o) => o.placedAt !== null);
  if (placed.length === 0 || sellable.length === 0) return 0;
  const zone = store.timezone;
  const now = DateTime.now().setZone(zone);
  const first = DateTime.fromJSDate(placed[0]!.placedAt!, { zone }).startOf('day').minus({ days: 7 });
  const ordersByDay = new Map<string, typeof placed>();
  for (const order of placed) {
    const day = DateTime.fromJSDate(order.placedAt!, { zone }).toISODate()!;
    ordersByDay.set(day, [...(ordersByDay.get(day) ?? []), order]);
  }
  const sourceWeights = sources.map((s) => [s, s.weight] as const);
  const rows: EventRow[] = [];
  const totalDays = Math.max(1, Math.round(now.diff(first, 'days').days));

  const session = (at: DateTime, customerId: string | null) => {
    const from = pick(random, sourceWeights);
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

  for (let d = first, i = 0; d <= now; d = d.plus({ days: 1 }), i++) {
    const day = d.toISODate()!;
    const weekend = d.weekday >= 6 ? 1.25 : d.weekday === 1 ? 1.1 : 1;
    const growth = 1 + (0.35 * i) / totalDays;
    const sessions = Math.round(baseSessionsPerDay * weekend * growth * (0.8 + random() * 0.4));
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
  await rebuildRollups(db, store);
  return rows.length;
}
