/**
 * Incidents injected into the labelled series: what went wrong, when, how badly and where, and what
 * each does to the store's traffic, conversion, prices and refunds on its days.
 *
 * The kinds are the ones an e-commerce manager meets: the checkout or a payment method down, a
 * campaign's budget run out, a search-ranking drop, the analytics tag lost on one device (sessions
 * vanish while orders do not), a post going viral, a newsletter blast, a price typo, a discount code
 * leaked to a deals site, a faulty batch that comes back as refunds.
 */
import type { SeededRandom } from '../../../platform/random/seeded-random.ts';
import type { BreakdownDimension } from './store-metrics.ts';
import type { SyntheticStoreProfile } from './synthetic-store-profile.ts';

export type IncidentKind =
  | 'checkout-outage'
  | 'payment-outage'
  | 'campaign-stopped'
  | 'channel-drop'
  | 'tracking-loss'
  | 'viral-day'
  | 'email-blast'
  | 'price-error'
  | 'coupon-leak'
  | 'refund-wave';

export interface Incident {
  id: string;
  kind: IncidentKind;
  /** Index of its first day in the series, and how many days it lasts. */
  startDay: number;
  days: number;
  /**
   * Its size on what it hits directly: the share of orders, sessions or price lost (0.6 = −60%; for
   * a leaked code the average discount), or for a viral day and a blast the extra sessions as a share
   * of a usual day's, or for a refund wave the extra refunds of the product (2 = three times as many).
   */
  size: number;
  /** Where it comes from, when that is one breakdown value; null when it hits the whole site. */
  source: { dimension: BreakdownDimension; value: string } | null;
  description: string;
}

/** What the incidents active on one day do, as multipliers (1 = untouched). */
export interface DayEffects {
  /** Real sessions per traffic source. */
  sessions: number[];
  /** Conversion per traffic source (extra traffic converts differently). */
  conversion: number[];
  /** Share of real sessions the analytics tag records, per device. */
  tracked: number[];
  /** Orders that can be placed, per country (checkout and payment outages). */
  ordersPlaced: number[];
  /** Price paid, per product. */
  price: number[];
  /** Value of every order (a discount everyone uses). */
  orderValue: number;
  /** Refunds, per product. */
  refunds: number[];
}

export function untouchedDay(profile: SyntheticStoreProfile): DayEffects {
  return {
    sessions: profile.sources.map(() => 1),
    conversion: profile.sources.map(() => 1),
    tracked: profile.devices.map(() => 1),
    ordersPlaced: profile.countries.map(() => 1),
    price: profile.products.map(() => 1),
    orderValue: 1,
    refunds: profile.products.map(() => 1),
  };
}

const kindWeights: [IncidentKind, number][] = [
  ['checkout-outage', 2],
  ['payment-outage', 1],
  ['campaign-stopped', 2],
  ['channel-drop', 1],
  ['tracking-loss', 1],
  ['viral-day', 1.5],
  ['email-blast', 1],
  ['price-error', 1],
  ['coupon-leak', 1],
  ['refund-wave', 1],
];

/** Days before the first incident: the detector needs 28 days, and a few clean weeks after that. */
export const firstIncidentDay = 56;
/** Quiet days between two incidents, so each one's label is its own. */
const gapDays = 14;

export function planIncidents(
  random: SeededRandom,
  profile: SyntheticStoreProfile,
  days: number,
  perYear: number,
): Incident[] {
  // One incident per equal slot of the year after the clean start, each at a random point of its
  // slot that leaves the gap (and up to five incident days) before the next slot.
  const wanted = Math.round((perYear * days) / 365);
  const slot = (days - 6 - firstIncidentDay) / Math.max(1, wanted);
  if (wanted === 0 || slot < gapDays + 6) return [];
  const incidents: Incident[] = [];
  for (let n = 0; n < wanted; n++) {
    const startDay = Math.floor(firstIncidentDay + n * slot + random.uniform() * (slot - gapDays - 5));
    const kind = kindWeights[random.pick(kindWeights.map(([, weight]) => weight))]![0];
    incidents.push(describeIncident(random, profile, kind, startDay, `incident-${n + 1}`));
  }
  return incidents;
}

function pickByShare<T extends { share: number }>(
  random: SeededRandom,
  items: readonly T[],
  minShare: number,
): T {
  const candidates = items.filter((item) => item.share >= minShare);
  const pool = candidates.length > 0 ? candidates : [...items];
  return pool[random.pick(pool.map((item) => item.share))]!;
}

function describeIncident(
  random: SeededRandom,
  profile: SyntheticStoreProfile,
  kind: IncidentKind,
  startDay: number,
  id: string,
): Incident {
  const length = (shortest: number, longest: number): number =>
    shortest + Math.floor(random.uniform() * (longest - shortest + 1));
  switch (kind) {
    case 'checkout-outage': {
      const size = random.between(0.35, 1);
      return {
        id,
        kind,
        startDay,
        days: random.uniform() < 0.8 ? 1 : 2,
        size,
        source: null,
        description: `checkout down: ${Math.round(size * 100)}% of orders lost`,
      };
    }
    case 'payment-outage': {
      const country = pickByShare(random, profile.countries, 0.1);
      const size = random.between(0.7, 1);
      return {
        id,
        kind,
        startDay,
        days: length(1, 2),
        size,
        source: { dimension: 'country', value: country.name },
        description: `payments failing in ${country.name}: ${Math.round(size * 100)}% of its orders lost`,
      };
    }
    case 'campaign-stopped': {
      const size = random.between(0.6, 1);
      if (random.uniform() < 0.4) {
        // The ad account's billing failed: every Paid Search campaign stops at once.
        return {
          id,
          kind,
          startDay,
          days: length(1, 3),
          size,
          source: { dimension: 'channel', value: 'Paid Search' },
          description: `Paid Search ads stopped (billing failed): ${Math.round(size * 100)}% of its sessions lost`,
        };
      }
      const paid = profile.sources.filter(
        (source) => source.channel === 'Paid Search' || source.campaign === 'Prospecting',
      );
      const source = pickByShare(random, paid, 0.05);
      return {
        id,
        kind,
        startDay,
        days: length(1, 5),
        size,
        source: { dimension: 'campaign', value: source.campaign },
        description: `campaign ${source.campaign} (${source.channel}) out of budget: ${Math.round(size * 100)}% of its sessions lost`,
      };
    }
    case 'channel-drop': {
      const size = random.between(0.4, 0.9);
      return {
        id,
        kind,
        startDay,
        days: length(1, 3),
        size,
        source: { dimension: 'channel', value: 'Organic Search' },
        description: `organic search traffic down ${Math.round(size * 100)}% (pages dropped from the index)`,
      };
    }
    case 'tracking-loss': {
      const device = pickByShare(random, profile.devices, 0.2);
      const size = random.between(0.5, 1);
      return {
        id,
        kind,
        startDay,
        days: length(1, 2),
        size,
        source: { dimension: 'device', value: device.name },
        description: `analytics tag broken on ${device.name}: ${Math.round(size * 100)}% of its sessions unrecorded`,
      };
    }
    case 'viral-day': {
      const size = random.between(0.4, 2.5);
      return {
        id,
        kind,
        startDay,
        days: length(1, 2),
        size,
        source: { dimension: 'campaign', value: 'Organic social' },
        description: `a post went viral: ${Math.round(size * 100)}% of a usual day's sessions extra, from social`,
      };
    }
    case 'email-blast': {
      const size = random.between(0.3, 1);
      return {
        id,
        kind,
        startDay,
        days: 1,
        size,
        source: { dimension: 'campaign', value: 'Newsletter' },
        description: `newsletter blast: ${Math.round(size * 100)}% of a usual day's sessions extra`,
      };
    }
    case 'price-error': {
      const product = pickByShare(random, profile.products, 0.2);
      const size = random.between(0.5, 0.9);
      return {
        id,
        kind,
        startDay,
        days: length(1, 2),
        size,
        source: { dimension: 'product', value: product.name },
        description: `${product.name} priced ${Math.round(size * 100)}% too low`,
      };
    }
    case 'coupon-leak': {
      // Half to all orders use a 30–60% code: the average order falls by share × discount, and the
      // bargain brings that proportion of extra orders (so revenue hardly moves; AOV and orders do).
      const share = random.between(0.5, 1);
      const discount = random.between(0.3, 0.6);
      return {
        id,
        kind,
        startDay,
        days: length(1, 3),
        size: share * discount,
        source: null,
        description: `a ${Math.round(discount * 100)}% code leaked: ${Math.round(share * 100)}% of orders use it`,
      };
    }
    case 'refund-wave': {
      const product = pickByShare(random, profile.products, 0.15);
      const size = random.between(1.5, 5);
      return {
        id,
        kind,
        startDay,
        days: length(2, 5),
        size,
        source: { dimension: 'product', value: product.name },
        description: `a faulty batch of ${product.name}: ${Math.round((1 + size) * 10) / 10}× its usual refunds`,
      };
    }
  }
}

/** The incident active on `day`, if any. */
export function incidentOn(incidents: readonly Incident[], day: number): Incident | null {
  return (
    incidents.find((incident) => day >= incident.startDay && day < incident.startDay + incident.days) ?? null
  );
}

/** What `incident` does on one of its days. `weekly` is the day's session shape per source. */
export function applyIncident(
  effects: DayEffects,
  incident: Incident,
  profile: SyntheticStoreProfile,
  sourceWeights: readonly number[],
): void {
  const keep = 1 - incident.size;
  const value = incident.source?.value;
  const totalWeight = sourceWeights.reduce((sum, weight) => sum + weight, 0);
  switch (incident.kind) {
    case 'checkout-outage':
      effects.ordersPlaced = effects.ordersPlaced.map((factor) => factor * keep);
      return;
    case 'payment-outage':
      profile.countries.forEach((country, i) => {
        if (country.name === value) effects.ordersPlaced[i]! *= keep;
      });
      return;
    case 'campaign-stopped':
      profile.sources.forEach((source, i) => {
        const hit =
          incident.source?.dimension === 'channel' ? source.channel === value : source.campaign === value;
        if (hit) effects.sessions[i]! *= keep;
      });
      return;
    case 'channel-drop':
      profile.sources.forEach((source, i) => {
        if (source.channel === value) effects.sessions[i]! *= keep;
      });
      return;
    case 'tracking-loss':
      profile.devices.forEach((device, i) => {
        if (device.name === value) effects.tracked[i]! *= keep;
      });
      return;
    case 'viral-day':
    case 'email-blast': {
      // Extra sessions worth `size` of a usual day, all from one campaign; the extra visitors convert
      // at 35% (viral) or 110% (newsletter readers) of that campaign's usual rate.
      const extraConversion = incident.kind === 'viral-day' ? 0.35 : 1.1;
      profile.sources.forEach((source, i) => {
        if (source.campaign !== value || sourceWeights[i]! <= 0) return;
        const factor = 1 + (incident.size * totalWeight) / sourceWeights[i]!;
        effects.sessions[i]! *= factor;
        effects.conversion[i]! *= (1 + extraConversion * (factor - 1)) / factor;
      });
      return;
    }
    case 'price-error':
      profile.products.forEach((product, i) => {
        if (product.name === value) effects.price[i]! *= keep;
      });
      return;
    case 'coupon-leak':
      effects.orderValue *= keep;
      effects.conversion = effects.conversion.map((factor) => factor * (1 + incident.size));
      return;
    case 'refund-wave':
      profile.products.forEach((product, i) => {
        if (product.name === value) effects.refunds[i]! *= 1 + incident.size;
      });
      return;
  }
}
