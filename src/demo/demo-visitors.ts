/**
 * Who visits the demo shop and from where: the traffic sources with their campaigns, devices,
 * countries and search terms, shared by the recent visits (demo-traffic.ts) and the long history
 * (demo-history-plan.ts), so both tell one story.
 */

/**
 * Where the demo shop's visitors come from, with the campaigns they arrive on (the traffic a small
 * European shop with some paid search and a newsletter would see). Weights sum to 1.
 */
export const sources: {
  weight: number;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  channel: string;
  referrerHost: string | null;
  /** Share of the source's sessions that buy (a small shop's usual rates: the newsletter best, social least). */
  conversion: number;
  /** What a click costs on the ad platform (minor units of the store's currency); paid sources only. */
  costPerClick?: number;
}[] = [
  {
    weight: 0.29,
    source: 'google',
    medium: 'organic',
    campaign: null,
    channel: 'Organic Search',
    referrerHost: 'www.google.com',
    conversion: 0.022,
  },
  {
    weight: 0.04,
    source: 'bing',
    medium: 'organic',
    campaign: null,
    channel: 'Organic Search',
    referrerHost: 'www.bing.com',
    conversion: 0.02,
  },
  {
    weight: 0.11,
    source: 'google',
    medium: 'cpc',
    campaign: 'Brand – Search',
    channel: 'Paid Search',
    referrerHost: null,
    conversion: 0.042,
    costPerClick: 38,
  },
  {
    weight: 0.07,
    source: 'google',
    medium: 'cpc',
    campaign: 'Ceramics – Generic',
    channel: 'Paid Search',
    referrerHost: null,
    conversion: 0.02,
    costPerClick: 71,
  },
  {
    weight: 0.19,
    source: null,
    medium: null,
    campaign: null,
    channel: 'Direct',
    referrerHost: null,
    conversion: 0.034,
  },
  {
    weight: 0.09,
    source: 'newsletter',
    medium: 'email',
    campaign: 'Weekly letter',
    channel: 'Email',
    referrerHost: null,
    conversion: 0.045,
  },
  {
    weight: 0.1,
    source: 'instagram',
    medium: 'social',
    campaign: null,
    channel: 'Organic Social',
    referrerHost: 'l.instagram.com',
    conversion: 0.009,
  },
  {
    weight: 0.07,
    source: 'facebook',
    medium: 'paid_social',
    campaign: 'Autumn table',
    channel: 'Paid Social',
    referrerHost: null,
    conversion: 0.011,
    costPerClick: 54,
  },
  {
    weight: 0.04,
    source: 'designmilk.com',
    medium: 'referral',
    campaign: null,
    channel: 'Referral',
    referrerHost: 'design-milk.com',
    conversion: 0.02,
  },
];
export const devices: [string, number][] = [
  ['mobile', 0.58],
  ['desktop', 0.36],
  ['tablet', 0.06],
];
export const countries: [string, number][] = [
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
export const searchTerms = [
  'mug',
  'linen napkins',
  'vase',
  'oak',
  'candle',
  'teapot',
  'gift card',
  'espresso cups',
];
export const termsWithoutResults = new Set(['teapot', 'gift card', 'espresso cups']);

/** A value drawn with probability proportional to its weight. */
export function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let roll = random();
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}
