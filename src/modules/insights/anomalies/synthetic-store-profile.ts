/**
 * A random but plausible online store, for the labelled series: how much traffic it gets and from
 * where, how each source, device and country converts and spends, its week, its growth, its season
 * and how noisy its days are. Everything is drawn from a seeded source, so a seed is a store.
 */
import type { SeededRandom } from '../../../platform/random/seeded-random.ts';

export interface TrafficSource {
  channel: string;
  /** '(none)' for channels without campaigns. */
  campaign: string;
  /** Share of the store's sessions. */
  share: number;
  /** Orders per session. */
  conversion: number;
  /** Order value relative to the store's average. */
  orderValue: number;
  /** Extra weekly shape of this source (Monday first), on top of the store's. */
  weekly: number[];
}

export interface Segment {
  name: string;
  share: number;
  conversion: number;
  orderValue: number;
}

export interface Product {
  name: string;
  /** Share of orders. */
  share: number;
  /** Price relative to the average order; order-weighted mean 1. */
  price: number;
}

export interface SyntheticStoreProfile {
  /** Typical sessions a day at the start of the year, before the week's shape. */
  sessionsPerDay: number;
  sources: TrafficSource[];
  devices: Segment[];
  countries: Segment[];
  products: Product[];
  /** Average order value, minor units. */
  averageOrderValue: number;
  /** Coefficient of variation of single order values. */
  orderValueCv: number;
  /** Session multipliers by ISO weekday, Monday first. */
  weekly: number[];
  /** Conversion multipliers by ISO weekday, Monday first. */
  conversionWeekly: number[];
  /** A weekday (0 = Monday) on which the store takes no orders, or null. */
  closedWeekday: number | null;
  /** Log growth per year (0.4 ≈ +49% a year). */
  growthPerYear: number;
  /** Amplitude of the yearly swing on the log scale, and the day of the year it peaks. */
  yearlySwing: number;
  peakDayOfYear: number;
  /** Log-normal day-to-day noise: shared by all traffic, per channel, of conversion, of order value. */
  noise: { shared: number; channel: number; conversion: number; orderValue: number };
  /** Refunds per order, and the refunded share of an order's value. */
  refundRate: number;
  refundValueShare: number;
}

const channelPlan = [
  { channel: 'Organic Search', weight: [0.25, 0.4], conversion: 0.02, orderValue: 1, campaigns: ['(none)'] },
  {
    channel: 'Paid Search',
    weight: [0.15, 0.6],
    conversion: 0.025,
    orderValue: 1.05,
    campaigns: ['Brand', 'Generic', 'Shopping'],
  },
  {
    channel: 'Social',
    weight: [0.1, 0.25],
    conversion: 0.009,
    orderValue: 0.85,
    campaigns: ['Organic social', 'Prospecting', 'Retargeting'],
  },
  {
    channel: 'Email',
    weight: [0.05, 0.12],
    conversion: 0.035,
    orderValue: 0.9,
    campaigns: ['Newsletter', 'Flows'],
  },
  { channel: 'Direct', weight: [0.1, 0.2], conversion: 0.03, orderValue: 1.1, campaigns: ['(none)'] },
  { channel: 'Referral', weight: [0.02, 0.06], conversion: 0.018, orderValue: 1, campaigns: ['(none)'] },
] as const;

const countryNames = ['DE', 'FR', 'NL', 'BE', 'AT', 'IT', 'ES', 'GB', 'US'];
const productNames = [
  'Linen shirt',
  'Wool scarf',
  'Canvas tote',
  'Leather belt',
  'Cotton socks',
  'Rain jacket',
  'Knit beanie',
  'Denim apron',
];

function normalised<T extends { share: number }>(items: T[]): T[] {
  const total = items.reduce((sum, item) => sum + item.share, 0);
  return items.map((item) => ({ ...item, share: item.share / total }));
}

export function randomStoreProfile(random: SeededRandom, sessionsPerDay?: number): SyntheticStoreProfile {
  const sessions = sessionsPerDay ?? Math.round(Math.exp(random.between(Math.log(150), Math.log(40_000))));
  const storeConversion = random.between(0.6, 1.5);
  const weekendOrders = random.uniform() < 0.2; // a business-to-business store: quiet weekends

  const sources: TrafficSource[] = [];
  for (const plan of channelPlan) {
    const channelShare = random.between(plan.weight[0], plan.weight[1]);
    const campaignWeights = plan.campaigns.map(() => random.between(0.5, 1.5));
    const campaignTotal = campaignWeights.reduce((sum, weight) => sum + weight, 0);
    plan.campaigns.forEach((campaign, i) => {
      const weekly = [1, 1, 1, 1, 1, 1, 1].map(() => random.between(0.95, 1.05));
      if (plan.channel === 'Email') {
        // Newsletters go out on Tuesdays and Thursdays.
        weekly[1] = weekly[1]! * 1.4;
        weekly[3] = weekly[3]! * 1.3;
      }
      if (plan.channel === 'Social') {
        weekly[5] = weekly[5]! * 1.2;
        weekly[6] = weekly[6]! * 1.25;
      }
      sources.push({
        channel: plan.channel,
        campaign,
        share: (channelShare * campaignWeights[i]!) / campaignTotal,
        conversion: plan.conversion * storeConversion * random.between(0.8, 1.2),
        orderValue: plan.orderValue * random.between(0.9, 1.1),
        weekly,
      });
    });
  }

  const mobile = random.between(0.5, 0.7);
  const tablet = random.between(0.03, 0.08);
  const devices: Segment[] = [
    { name: 'mobile', share: mobile, conversion: 0.75, orderValue: 0.92 },
    { name: 'desktop', share: 1 - mobile - tablet, conversion: 1.4, orderValue: 1.15 },
    { name: 'tablet', share: tablet, conversion: 1, orderValue: 1 },
  ];

  const firstCountry = Math.floor(random.uniform() * countryNames.length);
  const home = random.between(0.5, 0.8);
  const abroad = [random.between(0.4, 0.6), random.between(0.2, 0.35), random.between(0.1, 0.2)];
  const abroadTotal = abroad.reduce((sum, share) => sum + share, 0);
  const countries: Segment[] = [0, 1, 2, 3].map((i) => ({
    name: countryNames[(firstCountry + i * 2) % countryNames.length]!,
    share: i === 0 ? home : ((1 - home) * abroad[i - 1]!) / abroadTotal,
    conversion: i === 0 ? 1 : random.between(0.7, 1.1),
    orderValue: i === 0 ? 1 : random.between(0.9, 1.2),
  }));

  // Zipf-like popularity; prices rescaled so the order-weighted average price is 1.
  const rawProducts = productNames.map((name, i) => ({
    name,
    share: (1 / (i + 1)) * random.between(0.7, 1.3),
    price: random.between(0.5, 2),
  }));
  const products = normalised(rawProducts);
  const meanPrice = products.reduce((sum, product) => sum + product.share * product.price, 0);
  for (const product of products) product.price /= meanPrice;

  const weekly = weekendOrders
    ? [1.1, 1.1, 1.1, 1.05, 0.95, 0.5, 0.45]
    : [1, 1.02, 1, 0.98, 0.9, 0.85, 1.1].map((value) => value * random.between(0.94, 1.06));
  const conversionWeekly = [1, 1, 1, 1, 0.98, 0.95, 1.03].map((value) => value * random.between(0.97, 1.03));

  return {
    sessionsPerDay: sessions,
    sources: normalised(sources),
    devices,
    countries,
    products,
    averageOrderValue: Math.round(random.between(2500, 12_000)),
    orderValueCv: random.between(0.6, 1),
    weekly,
    conversionWeekly,
    closedWeekday: random.uniform() < 0.1 ? 6 : null,
    growthPerYear: random.between(-0.25, 0.7),
    yearlySwing: random.between(0, 0.3),
    peakDayOfYear: Math.round(random.between(300, 360)),
    noise: {
      shared: random.between(0.03, 0.09),
      channel: random.between(0.03, 0.08),
      conversion: random.between(0.02, 0.06),
      orderValue: random.between(0.01, 0.04),
    },
    refundRate: random.between(0.02, 0.06),
    refundValueShare: random.between(0.6, 1),
  };
}
