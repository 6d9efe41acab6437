import { DateTime } from 'luxon';
import type { ReturnReason } from '../modules/orders/index.ts';
import { type SeededRandom, seededRandom } from '../platform/random/seeded-random.ts';
import { type Buyer, drawBuyer, nextPurchaseDay } from './demo-buying-process.ts';
import { storeTime, weightedHour } from './demo-orders.ts';
import { dayFactor, weekdayFactor, yearFactor } from './demo-seasonality.ts';
import { type DemoShopper, demoCountryWeights, demoShoppers } from './demo-shoppers.ts';
import { countries, devices, sources } from './demo-visitors.ts';

/** A variant the history sells, with what an order line needs to say about it. */
export interface HistoryProduct {
  variantId: string;
  productId: string;
  handle: string;
  title: string;
  sku: string;
  /** Minor units of the store's currency, tax included (the demo store's prices include VAT). */
  priceAmount: number;
}

export interface DemoHistoryOptions {
  /** Same seed, same history (only the dates move with the day it is built). */
  seed: number;
  /** Days of history; the last is yesterday in the store's time zone. */
  days: number;
  /** Sessions on an ordinary day when the history starts, before the season and growth. */
  sessionsPerDay: number;
}

/** About eighteen months, at a size the embedded database writes in seconds. */
export const defaultDemoHistory: DemoHistoryOptions = { seed: 18, days: 548, sessionsPerDay: 120 };

/** The history's incidents, for the anomaly screens (and tests) to find. Days are store days. */
export interface HistoryIncidents {
  /** Checkout broke for a day: visitors came as usual, next to nobody could pay. */
  outageDay: string;
  /** A campaign paused by mistake: no spend and no paid visits from it for these days. */
  campaignStop: { campaign: string; from: string; to: string };
  /** The best-seller ran out on this day and has not been restocked since. */
  stockOut: { handle: string; from: string };
}

/** How far a session went: 0 one page, 1 product views, 2 cart, 3–5 checkout steps, 6 bought. */
export type SessionDepth = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface PlannedSession {
  day: number;
  /** Minutes after the store day's midnight. */
  minute: number;
  /** Index into `sources`. */
  source: number;
  device: string;
  country: string;
  /** The returning customer (index into `customers`), or null for someone not known yet. */
  customer: number | null;
  depth: SessionDepth;
  /** The product the session is about (index into `products`). */
  product: number;
  /** The order placed in it (index into `orders`). */
  order: number | null;
}

export interface PlannedCustomer {
  firstName: string;
  lastName: string;
  email: string;
  address: DemoShopper['address'];
  /** The day of their first order. */
  firstDay: number;
}

export interface PlannedHistoryOrder {
  day: number;
  minute: number;
  customer: number;
  lines: { product: number; quantity: number }[];
  express: boolean;
  /** Paid by bank transfer (shipped once it arrived); else by card. */
  manual: boolean;
  cancelled: boolean;
  shipAfterDays: number;
  deliverAfterDays: number;
  /** One line sent back: days after delivery it was asked for, days after that it was refunded. */
  return: {
    line: number;
    reason: ReturnReason;
    afterDeliveryDays: number;
    refundAfterDays: number;
    restock: boolean;
  } | null;
}

/** Ad spend of one paid source (index into `sources`) on one day. */
export interface PlannedSpend {
  source: number;
  day: number;
  clicks: number;
  impressions: number;
  /** Minor units of the store's currency. */
  spend: number;
}

export interface DemoHistoryPlan {
  /** The store days of the history (YYYY-MM-DD), oldest first. */
  days: string[];
  /**
   * Each day's midnight as an instant (ms), from its noon in the store's time zone, so a moment
   * is `dayStarts[d] + minute × 60 000` without asking the time zone database every time (on the
   * two days a year the clocks change, early-morning moments are an hour off; none matters).
   */
  dayStarts: number[];
  products: readonly HistoryProduct[];
  customers: PlannedCustomer[];
  orders: PlannedHistoryOrder[];
  sessions: PlannedSession[];
  spend: PlannedSpend[];
  incidents: HistoryIncidents;
}

/** Incidents, in days before today: recent enough for the anomaly screens' windows. */
const outageDaysAgo = 17;
const campaignStopDaysAgo = 33;
const campaignStopDays = 7;
const stockOutDaysAgo = 11;
/** The paid campaign stopped by mistake. */
const stoppedCampaign = 'Ceramics – Generic';

/**
 * The sources' conversion rates are of all their sessions; returning customers' orders come on top
 * through their own buying process, so a visitor not known yet converts at this share of the rate.
 */
const newVisitorShare = 0.62;

/** How returning customers come back: the newsletter, typing the address, searching the name. */
const returningSources: readonly [string, number][] = [
  ['Email', 0.32],
  ['Direct', 0.38],
  ['Organic Search', 0.16],
  ['Paid Search', 0.14],
];

const returnReasons: readonly [ReturnReason, number][] = [
  ['changed_mind', 0.3],
  ['damaged', 0.2],
  ['not_as_described', 0.18],
  ['too_large', 0.12],
  ['defective', 0.1],
  ['arrived_late', 0.1],
];

/** What an order's cart holds: one product mostly, sometimes a few. */
const lineCounts = [0.6, 0.28, 0.12];
const quantities = [0.86, 0.11, 0.03];
const euCountries = new Set(['AT', 'BE', 'DE', 'ES', 'FR', 'IE', 'IT', 'NL']);

const weighted = <T>(random: SeededRandom, items: readonly (readonly [T, number])[]): T =>
  items[random.pick(items.map(([, w]) => w))]![0];

/**
 * The demo shop's past, decided without a database: every day's sessions by source (seasonal,
 * growing, a newsletter every Thursday), the orders they led to from new customers and from
 * returning ones (each following their own buying process, demo-buying-process.ts), what each
 * order held (a few steady best-sellers, a long tail, some products that sell now and then), how
 * it was paid, shipped, delivered and sometimes returned, and the paid campaigns' daily spend.
 * Deterministic: the same options and `today` give the same plan.
 */
export function planDemoHistory(
  options: DemoHistoryOptions,
  products: readonly HistoryProduct[],
  stockOutHandle: string,
  today: string,
  timeZone: string,
): DemoHistoryPlan {
  const random = seededRandom(options.seed);
  const first = DateTime.fromISO(today, { zone: timeZone }).minus({ days: options.days });
  const dates = Array.from({ length: options.days }, (_, d) => first.plus({ days: d }));
  const days = dates.map((d) => d.toISODate()!);
  const dayStarts = days.map((d) => storeTime(timeZone, d, 720).getTime() - 720 * 60_000);
  const dayIndex = (daysAgo: number) => Math.max(0, options.days - daysAgo);
  const outage = dayIndex(outageDaysAgo);
  const stopFrom = dayIndex(campaignStopDaysAgo);
  const stopTo = Math.min(options.days - 1, stopFrom + campaignStopDays - 1);
  const stockOut = dayIndex(stockOutDaysAgo);
  const stockOutProduct = products.findIndex((p) => p.handle === stockOutHandle);

  // Seasonal "shopping time" for returning customers (no growth: that comes from new ones).
  const intensity = [0];
  for (const date of dates) intensity.push(intensity.at(-1)! + weekdayFactor(date) * yearFactor(date));

  const popularity = productPopularity(products, stockOutProduct, random);
  const customers: PlannedCustomer[] = [];
  const buyers: Buyer[] = [];
  const orders: PlannedHistoryOrder[] = [];
  const sessions: PlannedSession[] = [];
  const spend: PlannedSpend[] = [];
  const due: number[][] = dates.map(() => []);
  const sourceIndexOf = (channel: string) => {
    const options = sources.flatMap((s, i) => (s.channel === channel ? [[i, s.weight] as const] : []));
    return weighted(random, options);
  };

  const placeOrder = (d: number, minute: number, customer: number): number => {
    const lineCount = 1 + random.pick(lineCounts);
    const chosen = new Set<number>();
    const weights = popularity.map((w, i) => (d >= stockOut && i === stockOutProduct ? 0 : w));
    while (chosen.size < Math.min(lineCount, products.length)) chosen.add(random.pick(weights));
    const delivered = random.uniform() < 0.985;
    const country = customers[customer]!.address.country;
    const order: PlannedHistoryOrder = {
      day: d,
      minute,
      customer,
      lines: [...chosen].map((product) => ({ product, quantity: 1 + random.pick(quantities) })),
      express: random.uniform() < 0.18,
      manual: random.uniform() < 0.08,
      cancelled: !delivered,
      shipAfterDays: 0,
      deliverAfterDays: 2 + Math.floor(random.uniform() * 4) + (euCountries.has(country) ? 0 : 4),
      return: null,
    };
    order.shipAfterDays = (order.manual ? 2 : 1) + Math.floor(random.uniform() * 2);
    if (delivered && random.uniform() < 0.07) {
      const reason = weighted(random, returnReasons);
      order.return = {
        line: Math.floor(random.uniform() * order.lines.length),
        reason,
        afterDeliveryDays: 3 + Math.floor(random.uniform() * 16),
        refundAfterDays: 4 + Math.floor(random.uniform() * 6),
        restock: reason !== 'damaged' && reason !== 'defective',
      };
    }
    orders.push(order);
    const next = nextPurchaseDay(buyers[customer]!, d, intensity, random);
    if (next !== null) due[next]!.push(customer);
    return orders.length - 1;
  };

  const newCustomer = (d: number, country: string): number => {
    const address = shopperAddress(random, country);
    const cast = demoShoppers[address.country]!;
    const firstName = cast[Math.floor(random.uniform() * cast.length)]!.firstName;
    const lastName = cast[Math.floor(random.uniform() * cast.length)]!.lastName;
    const n = customers.length + 1;
    customers.push({ firstName, lastName, email: emailOf(firstName, lastName, n), address, firstDay: d });
    buyers.push(drawBuyer(random));
    return customers.length - 1;
  };

  for (const [d, date] of dates.entries()) {
    // Some days are simply busier than others, across every source.
    const factor = dayFactor(date, d) * Math.exp(0.09 * random.normal());
    for (const [s, source] of sources.entries()) {
      // The newsletter goes out on Thursdays: most of its visits come that day and the next.
      const letter =
        source.channel === 'Email' ? (date.weekday === 4 ? 2.6 : date.weekday === 5 ? 1.2 : 0.5) : 1;
      const stopped = source.campaign === stoppedCampaign && d >= stopFrom && d <= stopTo;
      const count = stopped ? 0 : random.poisson(options.sessionsPerDay * factor * source.weight * letter);
      for (let n = 0; n < count; n++) {
        const session: PlannedSession = {
          day: d,
          minute: weightedHour(random.uniform) * 60 + Math.floor(random.uniform() * 60),
          source: s,
          device: weighted(random, devices),
          country: weighted(random, countries),
          customer: null,
          depth: browsingDepth(random),
          product: random.pick(popularity),
          order: null,
        };
        if (random.uniform() < source.conversion * newVisitorShare) {
          // On the outage day checkout failed at the payment step for nearly everyone.
          if (d === outage && random.uniform() > 0.04) session.depth = 5;
          else {
            session.customer = newCustomer(d, session.country);
            session.order = placeOrder(d, session.minute, session.customer);
            session.depth = 6;
          }
        }
        sessions.push(session);
      }
      if (source.costPerClick && count > 0) {
        const clicks = Math.round(count * (1.08 + random.uniform() * 0.1));
        spend.push({
          source: s,
          day: d,
          clicks,
          impressions: Math.round(
            clicks * (source.channel === 'Paid Social' ? 70 : 14) * (0.8 + random.uniform() * 0.4),
          ),
          spend: Math.round(clicks * source.costPerClick * (0.85 + random.uniform() * 0.3)),
        });
      }
    }
    for (const customer of due[d]!) {
      // Those who came to buy while checkout was broken came back the next day.
      if (d === outage && d + 1 < options.days) {
        due[d + 1]!.push(customer);
        continue;
      }
      let source = sourceIndexOf(weighted(random, returningSources));
      if (sources[source]!.campaign === stoppedCampaign && d >= stopFrom && d <= stopTo) {
        source = sourceIndexOf('Direct');
      }
      const minute = weightedHour(random.uniform) * 60 + Math.floor(random.uniform() * 60);
      const session: PlannedSession = {
        day: d,
        minute,
        source,
        device: weighted(random, devices),
        country: customers[customer]!.address.country,
        customer,
        depth: 6,
        product: random.pick(popularity),
        order: null,
      };
      session.order = placeOrder(d, minute, customer);
      sessions.push(session);
    }
  }
  // Orders by the moment they were placed, so their numbers rise with time as a shop's do.
  const order = orders
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.day - b.o.day || a.o.minute - b.o.minute || a.i - b.i);
  const position = new Map(order.map(({ i }, n) => [i, n]));
  for (const session of sessions) if (session.order !== null) session.order = position.get(session.order)!;
  return {
    days,
    dayStarts,
    products,
    customers,
    orders: order.map(({ o }) => o),
    sessions,
    spend,
    incidents: {
      outageDay: days[outage]!,
      campaignStop: { campaign: stoppedCampaign, from: days[stopFrom]!, to: days[stopTo]! },
      stockOut: { handle: stockOutHandle, from: days[stockOut]! },
    },
  };
}

/**
 * How often each product is picked: the stock-out product is the shop's best-seller, the rest fall
 * off by rank (a seeded order), and every fourth sells only now and then (an intermittent seller,
 * as forecasting meets them).
 */
function productPopularity(
  products: readonly HistoryProduct[],
  bestSeller: number,
  random: SeededRandom,
): number[] {
  const ranks = products.map((_, i) => i);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  return products.map((_, i) => {
    if (i === bestSeller) return 1.6;
    const rank = ranks.indexOf(i);
    return (rank % 4 === 3 ? 0.06 : 1) / (1 + rank) ** 0.7;
  });
}

/** How far a visit that does not buy goes: most leave after a page or two, a few stop in checkout. */
function browsingDepth(random: SeededRandom): SessionDepth {
  const roll = random.uniform();
  if (roll < 0.42) return 0;
  if (roll < 0.915) return 1;
  if (roll < 0.955) return 2;
  if (roll < 0.975) return 3;
  if (roll < 0.99) return 4;
  return 5;
}

/** A street address in the visitor's country (one the demo's shoppers live at), else a weighted one. */
function shopperAddress(random: SeededRandom, country: string): DemoShopper['address'] {
  const place = demoShoppers[country] ? country : weighted(random, demoCountryWeights);
  const cast = demoShoppers[place]!;
  return cast[Math.floor(random.uniform() * cast.length)]!.address;
}

function emailOf(firstName: string, lastName: string, n: number): string {
  const local = `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]+/g, '')
    .toLowerCase();
  return `${local}.${n}@example.com`;
}
