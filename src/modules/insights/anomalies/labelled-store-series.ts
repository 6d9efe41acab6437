/**
 * Labelled daily series of a synthetic store, for measuring the detector: a year of sessions, orders,
 * revenue, conversion, average order value and refunds, overall and per channel, campaign, device,
 * country and product, with incidents of known size and date injected, and for every metric and day
 * the true size of the change the incidents caused.
 *
 * How a day is made: traffic per (source × device × country) cell = the store's level × week shape ×
 * growth × yearly swing, times a log-normal day factor shared by all traffic and one per channel
 * (real traffic moves together more than Poisson alone says); sessions are Poisson on that, orders
 * Poisson on sessions × conversion (itself with a day factor), revenue a Gamma sum of the orders'
 * values (so it varies with the number of orders), refunds Poisson on the orders of one to three
 * weeks before. Incidents multiply the cells they hit (synthetic-incidents.ts).
 *
 * Labels come from the noise-free means with and without the incidents, so `effect` is the change the
 * incident really made to the metric, not what the noise made of it. A labelled day is `meaningful`
 * when the change is at least 30%, at least 6 times the metric's normal day-to-day spread that day,
 * and at least 4 Poisson standard deviations of the events behind it (see docs/anomalies.md): smaller
 * changes are real but not promised to be caught, and a flag on them is not counted as a false alarm
 * either.
 */

import { type SeededRandom, seededRandom } from '../../../platform/random/seeded-random.ts';
import type { MetricSeries } from './metric-series.ts';
import type { BreakdownDimension, StoreMetricName } from './store-metrics.ts';
import {
  applyIncident,
  type DayEffects,
  type Incident,
  incidentOn,
  planIncidents,
  untouchedDay,
} from './synthetic-incidents.ts';
import { randomStoreProfile, type SyntheticStoreProfile } from './synthetic-store-profile.ts';

export interface BreakdownValueSeries {
  value: string;
  series: MetricSeries;
}

export interface BreakdownSeries {
  dimension: BreakdownDimension;
  values: BreakdownValueSeries[];
}

export interface DayLabel {
  /** The true relative change of the metric's mean that day caused by incidents (0 = untouched). */
  effect: number;
  /** The incident active that day, if any (a later day can still feel one, e.g. refunds). */
  incidentId: string | null;
  /** The metric's normal day-to-day spread that day, on the log scale. */
  noise: number;
  /** At least `meaningfulChange` and `meaningfulNoiseMultiple` × noise: a change that must be caught. */
  meaningful: boolean;
}

export interface LabelledMetric {
  name: StoreMetricName;
  series: MetricSeries;
  breakdowns: BreakdownSeries[];
  labels: DayLabel[];
}

export interface LabelledStore {
  seed: number;
  start: string;
  days: number;
  currency: 'EUR';
  profile: SyntheticStoreProfile;
  incidents: Incident[];
  metrics: Record<StoreMetricName, LabelledMetric>;
}

export interface LabelledStoreOptions {
  /** Days to generate (default 365). */
  days?: number;
  /** First day, ISO date (default 2024-01-01, a Monday). */
  start?: string;
  /** Incidents per 365 days (default 8). */
  incidentsPerYear?: number;
  /** Sessions a day at the start (default: random, log-uniform 150 … 40,000). */
  sessionsPerDay?: number;
}

/** Smallest relative change a labelled day must have to count as an incident to catch. */
export const meaningfulChange = 0.3;
/** …and how many times the metric's normal spread it must be… */
export const meaningfulNoiseMultiple = 6;
/** …and how many Poisson standard deviations of the events behind it (orders, sessions, refunds). */
export const meaningfulEventDeviations = 4;

interface DimensionTotals {
  dimension: BreakdownDimension;
  names: string[];
  sessions: number[][];
  orders: number[][];
  revenue: number[][];
  refundCount: number[][];
  refundAmount: number[][];
  /** Mean orders per value today, for splitting refunds. */
  ordersMeanToday: number[];
}

function dimensionTotals(dimension: BreakdownDimension, names: string[], days: number): DimensionTotals {
  const grid = () => names.map(() => new Array<number>(days).fill(0));
  return {
    dimension,
    names,
    sessions: grid(),
    orders: grid(),
    revenue: grid(),
    refundCount: grid(),
    refundAmount: grid(),
    ordersMeanToday: names.map(() => 0),
  };
}

const logNormalFactor = (random: SeededRandom, sd: number): number =>
  Math.exp(sd * random.normal() - (sd * sd) / 2);

/** Splits `total` into integer parts proportional to `weights`, the rounding remainder on the largest. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (sum <= 0 || total === 0) return weights.map(() => 0);
  const parts = weights.map((weight) => Math.round((total * weight) / sum));
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest]! += total - parts.reduce((acc, part) => acc + part, 0);
  return parts;
}

/** Multinomial draw by successive binomials. */
function multinomial(random: SeededRandom, trials: number, weights: readonly number[]): number[] {
  let left = trials;
  let weightLeft = weights.reduce((acc, weight) => acc + weight, 0);
  return weights.map((weight) => {
    if (left <= 0 || weightLeft <= 0) return 0;
    const draw = random.binomial(left, Math.min(1, weight / weightLeft));
    left -= draw;
    weightLeft -= weight;
    return draw;
  });
}

export function generateLabelledStore(seed: number, options: LabelledStoreOptions = {}): LabelledStore {
  const days = options.days ?? 365;
  const start = options.start ?? '2024-01-01';
  const random = seededRandom(seed);
  const profile = randomStoreProfile(random, options.sessionsPerDay);
  const incidents = planIncidents(random, profile, days, options.incidentsPerYear ?? 8);

  const startDate = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(startDate.getTime())) throw new RangeError(`start must be an ISO date, got ${start}`);
  const mondayFirst = (startDate.getUTCDay() + 6) % 7;
  const startDayOfYear = Math.floor(
    (startDate.getTime() - Date.UTC(startDate.getUTCFullYear(), 0, 1)) / 86_400_000,
  );

  const channelNames = [...new Set(profile.sources.map((source) => source.channel))];
  const campaignNames = [...new Set(profile.sources.map((source) => source.campaign))];
  const channelOf = profile.sources.map((source) => channelNames.indexOf(source.channel));
  const campaignOf = profile.sources.map((source) => campaignNames.indexOf(source.campaign));
  const byChannel = dimensionTotals('channel', channelNames, days);
  const byCampaign = dimensionTotals('campaign', campaignNames, days);
  const byDevice = dimensionTotals(
    'device',
    profile.devices.map((device) => device.name),
    days,
  );
  const byCountry = dimensionTotals(
    'country',
    profile.countries.map((country) => country.name),
    days,
  );
  const byProduct = dimensionTotals(
    'product',
    profile.products.map((product) => product.name),
    days,
  );
  const cellDimensions = [byChannel, byCampaign, byDevice, byCountry];

  const totals = {
    sessions: new Array<number>(days).fill(0),
    orders: new Array<number>(days).fill(0),
    revenue: new Array<number>(days).fill(0),
    refundCount: new Array<number>(days).fill(0),
    refundAmount: new Array<number>(days).fill(0),
  };
  const ordersMeans: number[] = [];
  const ordersMeansUntouched: number[] = [];
  const labels: Record<StoreMetricName, DayLabel[]> = {
    revenue: [],
    orders: [],
    sessions: [],
    conversionRate: [],
    averageOrderValue: [],
    refunds: [],
  };
  const shape = 1 / profile.orderValueCv ** 2; // Gamma shape of one order's value
  const channelShares = channelNames.map((name) =>
    profile.sources
      .filter((source) => source.channel === name)
      .reduce((sum, source) => sum + source.share, 0),
  );
  const channelVariance =
    profile.noise.channel ** 2 * channelShares.reduce((sum, share) => sum + share * share, 0);

  for (let day = 0; day < days; day++) {
    const weekday = (mondayFirst + day) % 7;
    const dayOfYear = (startDayOfYear + day) % 365;
    const level =
      profile.sessionsPerDay *
      profile.weekly[weekday]! *
      Math.exp((profile.growthPerYear * day) / 365) *
      Math.exp(profile.yearlySwing * Math.cos((2 * Math.PI * (dayOfYear - profile.peakDayOfYear)) / 365));
    const sourceWeights = profile.sources.map((source) => source.share * source.weekly[weekday]!);
    const effects: DayEffects = untouchedDay(profile);
    const incident = incidentOn(incidents, day);
    if (incident) applyIncident(effects, incident, profile, sourceWeights);
    const open = weekday === profile.closedWeekday ? 0 : 1;

    const shared = logNormalFactor(random, profile.noise.shared);
    const channelNoise = channelNames.map(() => logNormalFactor(random, profile.noise.channel));
    const conversionNoise = logNormalFactor(random, profile.noise.conversion);
    const orderValueNoise = logNormalFactor(random, profile.noise.orderValue);

    const mean = { sessions: 0, orders: 0, revenue: 0 };
    const untouched = { sessions: 0, orders: 0, revenue: 0 };
    for (const dimension of [...cellDimensions, byProduct]) dimension.ordersMeanToday.fill(0);

    profile.sources.forEach((source, s) => {
      profile.devices.forEach((device, d) => {
        profile.countries.forEach((country, c) => {
          const cellSessions = level * sourceWeights[s]! * device.share * country.share;
          const conversion =
            source.conversion *
            device.conversion *
            country.conversion *
            profile.conversionWeekly[weekday]! *
            open;
          const usualOrderValue =
            profile.averageOrderValue * source.orderValue * device.orderValue * country.orderValue;
          const orderValue = usualOrderValue * effects.orderValue;
          const realSessions = cellSessions * effects.sessions[s]!;
          const cellConversion = conversion * effects.conversion[s]! * effects.ordersPlaced[c]!;
          const cellOrdersMean = realSessions * cellConversion;

          mean.sessions += realSessions * effects.tracked[d]!;
          mean.orders += cellOrdersMean;
          mean.revenue += cellOrdersMean * orderValue;
          untouched.sessions += cellSessions;
          untouched.orders += cellSessions * conversion;
          untouched.revenue += cellSessions * conversion * usualOrderValue;

          const real = random.poisson(realSessions * shared * channelNoise[channelOf[s]!]!);
          const counted = effects.tracked[d] === 1 ? real : random.binomial(real, effects.tracked[d]!);
          const orders = random.poisson(real * cellConversion * conversionNoise);
          const revenue =
            orders > 0 ? Math.round(random.gamma(orders * shape, (orderValue * orderValueNoise) / shape)) : 0;

          const indices = [channelOf[s]!, campaignOf[s]!, d, c];
          cellDimensions.forEach((dimension, k) => {
            const v = indices[k]!;
            dimension.sessions[v]![day]! += counted;
            dimension.orders[v]![day]! += orders;
            dimension.revenue[v]![day]! += revenue;
            dimension.ordersMeanToday[v]! += cellOrdersMean;
          });
          totals.sessions[day]! += counted;
          totals.orders[day]! += orders;
          totals.revenue[day]! += revenue;
        });
      });
    });

    // Products: the day's orders split by popularity, the revenue by the orders' prices; a price
    // error then takes its share off the product's revenue and, in proportion, off every other view.
    const productOrders = multinomial(
      random,
      totals.orders[day]!,
      profile.products.map((product) => product.share),
    );
    const productWeights = profile.products.map((product, p) =>
      productOrders[p]! > 0 ? random.gamma(productOrders[p]! * shape, product.price / shape) : 0,
    );
    const revenueBefore = totals.revenue[day]!;
    const productRevenue = apportion(revenueBefore, productWeights).map((amount, p) =>
      Math.round(amount * effects.price[p]!),
    );
    const revenueAfter = productRevenue.reduce((sum, amount) => sum + amount, 0);
    if (revenueAfter !== revenueBefore) {
      for (const dimension of cellDimensions) {
        const scaled = apportion(
          revenueAfter,
          dimension.revenue.map((values) => values[day]!),
        );
        scaled.forEach((amount, v) => {
          dimension.revenue[v]![day] = amount;
        });
      }
      totals.revenue[day] = revenueAfter;
    }
    profile.products.forEach((product, p) => {
      byProduct.orders[p]![day] = productOrders[p]!;
      byProduct.revenue[p]![day] = productRevenue[p]!;
      byProduct.ordersMeanToday[p] = mean.orders * product.share;
    });
    const priceFactor = profile.products.reduce(
      (sum, product, p) => sum + product.share * product.price * effects.price[p]!,
      0,
    );
    mean.revenue *= priceFactor;

    // Refunds follow the orders of one to three weeks before.
    ordersMeans.push(mean.orders);
    ordersMeansUntouched.push(untouched.orders);
    const from = Math.max(0, day - 21);
    const to = Math.max(0, day - 8);
    const average = (list: number[]) =>
      list.slice(from, to + 1).reduce((sum, value) => sum + value, 0) / (to - from + 1);
    const refundsMean = profile.refundRate * average(ordersMeans);
    const refundsMeanUntouched = profile.refundRate * average(ordersMeansUntouched);
    const refundValue = profile.averageOrderValue * profile.refundValueShare;
    let refundAmountMean = 0;
    profile.products.forEach((product, p) => {
      const expectedCount = refundsMean * product.share * effects.refunds[p]!;
      refundAmountMean += expectedCount * refundValue * product.price;
      const count = random.poisson(expectedCount);
      const amount =
        count > 0 ? Math.round(random.gamma(count * shape, (refundValue * product.price) / shape)) : 0;
      byProduct.refundCount[p]![day] = count;
      byProduct.refundAmount[p]![day] = amount;
      totals.refundCount[day]! += count;
      totals.refundAmount[day]! += amount;
    });
    for (const dimension of cellDimensions) {
      const counts = multinomial(random, totals.refundCount[day]!, dimension.ordersMeanToday);
      const amounts = apportion(totals.refundAmount[day]!, counts);
      counts.forEach((count, v) => {
        dimension.refundCount[v]![day] = count;
        dimension.refundAmount[v]![day] = amounts[v]!;
      });
    }
    const refundAmountUntouched = refundsMeanUntouched * refundValue;

    // Labels: the true change and the normal spread of each metric today.
    const ratio = (withIncidents: number, without: number) => (without > 0 ? withIncidents / without - 1 : 0);
    const traffic = profile.noise.shared ** 2 + channelVariance;
    const conversionVariance = profile.noise.conversion ** 2;
    const valueVariance = profile.noise.orderValue ** 2;
    const perOrder = (variance: number) =>
      untouched.orders > 0 ? variance / untouched.orders : Number.POSITIVE_INFINITY;
    const cv2 = profile.orderValueCv ** 2;
    // Per metric: [true change, normal log-scale variance, events behind it, variance per event].
    const today = {
      sessions: [
        ratio(mean.sessions, untouched.sessions),
        traffic + 1 / Math.max(1, untouched.sessions),
        untouched.sessions,
        1,
      ],
      orders: [
        ratio(mean.orders, untouched.orders),
        traffic + conversionVariance + perOrder(1),
        untouched.orders,
        1,
      ],
      revenue: [
        ratio(mean.revenue, untouched.revenue),
        traffic + conversionVariance + valueVariance + perOrder(1 + cv2),
        untouched.orders,
        1 + cv2,
      ],
      conversionRate: [
        mean.sessions > 0 && untouched.sessions > 0
          ? ratio(mean.orders / mean.sessions, untouched.orders / untouched.sessions)
          : 0,
        conversionVariance + perOrder(1),
        untouched.orders,
        1,
      ],
      averageOrderValue: [
        mean.orders > 0 && untouched.orders > 0
          ? ratio(mean.revenue / mean.orders, untouched.revenue / untouched.orders)
          : 0,
        valueVariance + perOrder(cv2),
        untouched.orders,
        cv2,
      ],
      refunds: [
        ratio(refundAmountMean, refundAmountUntouched),
        refundsMeanUntouched > 0 ? (1 + cv2) / refundsMeanUntouched : Number.POSITIVE_INFINITY,
        refundsMeanUntouched,
        1 + cv2,
      ],
    } satisfies Record<StoreMetricName, number[]>;
    for (const [name, values] of Object.entries(today) as [StoreMetricName, number[]][]) {
      const [effect, variance, events, perEvent] = values as [number, number, number, number];
      const noise = Math.sqrt(variance);
      const size = Math.abs(effect) < 1e-9 ? 0 : effect;
      const distance = size <= -1 ? Number.POSITIVE_INFINITY : Math.abs(Math.log1p(size));
      // Log-scale noise understates how much a handful of events wobble, so small counts must also
      // clear 4 Poisson standard deviations in events (a drop from 6 orders to 0 is not a sure thing).
      const eventsChanged = Math.abs(size) * events;
      labels[name].push({
        effect: size,
        incidentId: incident?.id ?? null,
        noise,
        meaningful:
          Math.abs(size) >= meaningfulChange &&
          distance >= meaningfulNoiseMultiple * noise &&
          eventsChanged >= meaningfulEventDeviations * Math.sqrt(events * perEvent),
      });
    }
  }

  const count = (values: number[]): MetricSeries => ({ kind: 'count', start, values });
  const amount = (values: number[], units: number[]): MetricSeries => ({
    kind: 'amount',
    start,
    values,
    units,
  });
  const proportion = (numerators: number[], denominators: number[]): MetricSeries => ({
    kind: 'proportion',
    start,
    numerators,
    denominators,
  });
  const meanOf = (numerators: number[], denominators: number[]): MetricSeries => ({
    kind: 'mean',
    start,
    numerators,
    denominators,
  });
  const breakdownsOf = (
    dimensions: DimensionTotals[],
    build: (dimension: DimensionTotals, v: number) => MetricSeries,
  ): BreakdownSeries[] =>
    dimensions.map((dimension) => ({
      dimension: dimension.dimension,
      values: dimension.names.map((value, v) => ({ value, series: build(dimension, v) })),
    }));
  const allDimensions = [...cellDimensions, byProduct];

  return {
    seed,
    start,
    days,
    currency: 'EUR',
    profile,
    incidents,
    metrics: {
      sessions: {
        name: 'sessions',
        series: count(totals.sessions),
        breakdowns: breakdownsOf(cellDimensions, (dimension, v) => count(dimension.sessions[v]!)),
        labels: labels.sessions,
      },
      orders: {
        name: 'orders',
        series: count(totals.orders),
        breakdowns: breakdownsOf(allDimensions, (dimension, v) => count(dimension.orders[v]!)),
        labels: labels.orders,
      },
      revenue: {
        name: 'revenue',
        series: amount(totals.revenue, totals.orders),
        breakdowns: breakdownsOf(allDimensions, (dimension, v) =>
          amount(dimension.revenue[v]!, dimension.orders[v]!),
        ),
        labels: labels.revenue,
      },
      conversionRate: {
        name: 'conversionRate',
        series: proportion(totals.orders, totals.sessions),
        breakdowns: breakdownsOf(cellDimensions, (dimension, v) =>
          proportion(dimension.orders[v]!, dimension.sessions[v]!),
        ),
        labels: labels.conversionRate,
      },
      averageOrderValue: {
        name: 'averageOrderValue',
        series: meanOf(totals.revenue, totals.orders),
        breakdowns: breakdownsOf(allDimensions, (dimension, v) =>
          meanOf(dimension.revenue[v]!, dimension.orders[v]!),
        ),
        labels: labels.averageOrderValue,
      },
      refunds: {
        name: 'refunds',
        series: amount(totals.refundAmount, totals.refundCount),
        breakdowns: breakdownsOf([byProduct, ...cellDimensions], (dimension, v) =>
          amount(dimension.refundAmount[v]!, dimension.refundCount[v]!),
        ),
        labels: labels.refunds,
      },
    },
  };
}
