import { channelGroup } from './channel-group.ts';
import type { ChannelGroup } from './channel-groups.ts';
import { paymentReturnHosts } from './source-categories.ts';
import { knownSiteOf } from './source-site.ts';

/** Where a landing request says the shopper came from. */
export interface ArrivingTraffic {
  source: string;
  medium: string;
  campaign: string | null;
  term: string | null;
  content: string | null;
  channel: ChannelGroup;
  /** The referring page's host as sent (`www.google.co.uk`), or null without a referrer. */
  referrerHost: string | null;
  /** How the source was told: UTM tags, an ad platform's click id, or the referring page. */
  basis: 'utm' | 'click_id' | 'referrer';
  /** The click id parameter that decided the source (`gclid`, `msclkid` …), or null. */
  clickIdParam: string | null;
}

export interface LandingRequest {
  /** The landing page's URL (absolute, or a path with its query string). */
  landingUrl: string;
  /** The Referer header, or null / '' without one. */
  referrer?: string | null;
  /**
   * The store's own hosts (`shop.example.com`); their subdomains count as the store too, and so
   * does the landing URL's own host when the URL is absolute.
   */
  ownHosts: readonly string[];
}

interface ClickId {
  param: string;
  source: string;
  medium: string;
  /** Whether the click id decides the source even when UTM tags say otherwise (GA4 auto-tagging). */
  overridesUtm: boolean;
}

/**
 * Click ids ad platforms append to their links, in the order they are looked for. Google's
 * auto-tagging wins over manual UTM tags (GA4's default); for the others the UTM tags, when
 * present, say more (campaign, paid or not), so they win.
 */
const clickIds: readonly ClickId[] = [
  { param: 'gclid', source: 'google', medium: 'cpc', overridesUtm: true },
  { param: 'gbraid', source: 'google', medium: 'cpc', overridesUtm: true },
  { param: 'wbraid', source: 'google', medium: 'cpc', overridesUtm: true },
  { param: 'msclkid', source: 'bing', medium: 'cpc', overridesUtm: false },
  { param: 'ttclid', source: 'tiktok', medium: 'cpc', overridesUtm: false },
  { param: 'twclid', source: 'twitter', medium: 'cpc', overridesUtm: false },
  { param: 'li_fat_id', source: 'linkedin', medium: 'cpc', overridesUtm: false },
  // Meta appends fbclid to every outbound link, organic posts included, so alone it says only that
  // the click came from Facebook or Instagram — a social referral.
  { param: 'fbclid', source: 'facebook', medium: 'referral', overridesUtm: false },
];

const placeholderBase = 'https://landing.invalid';

/**
 * The traffic source a landing request carries, as GA4 would record it: UTM tags, else an ad
 * platform's click id, else the referrer (a search engine → organic, any other site → referral).
 * Returns null when the request carries no source of its own — no tags and no referrer (a typed
 * address, a bookmark), or a referrer on the store's own hosts or a payment page returning the
 * shopper — so the caller continues the live session or, without one, records Direct.
 */
export function arrivingTraffic(request: LandingRequest): ArrivingTraffic | null {
  const query = queryOf(request.landingUrl);
  const referrerHost = hostOfUrl(request.referrer);
  const tag = (name: string) => nonEmpty(query.get(name));
  const utm = {
    source: tag('utm_source'),
    medium: tag('utm_medium'),
    campaign: tag('utm_campaign'),
    term: tag('utm_term'),
    content: tag('utm_content'),
  };
  const tagged = utm.source !== null || utm.medium !== null;
  const click = clickIds.find((id) => tag(id.param) !== null);

  const make = (source: string, medium: string, basis: ArrivingTraffic['basis']): ArrivingTraffic => ({
    source,
    medium,
    campaign: utm.campaign,
    term: utm.term,
    content: utm.content,
    channel: channelGroup({ source, medium, campaign: utm.campaign }),
    referrerHost,
    basis,
    clickIdParam: basis === 'click_id' ? (click?.param ?? null) : null,
  });

  if (click && (click.overridesUtm || !tagged)) return make(click.source, click.medium, 'click_id');
  if (tagged) return make(utm.source ?? '(not set)', utm.medium ?? '(not set)', 'utm');
  const landingHost = hostOfUrl(request.landingUrl);
  const ownHosts = landingHost ? [...request.ownHosts, landingHost] : request.ownHosts;
  if (referrerHost === null || isOwnOrPaymentHost(referrerHost, ownHosts)) {
    // A campaign name alone (utm_campaign without source or medium) has nothing to attach to.
    return null;
  }
  const site = knownSiteOf(referrerHost);
  if (site?.category === 'search') return make(site.name, 'organic', 'referrer');
  return make(site?.name ?? withoutWww(referrerHost), 'referral', 'referrer');
}

/** The query parameters of a landing URL; names are matched without regard to case (UTM_Source). */
function queryOf(landingUrl: string): { get(name: string): string | null } {
  let params: URLSearchParams;
  try {
    params = new URL(landingUrl, placeholderBase).searchParams;
  } catch {
    params = new URLSearchParams();
  }
  const byLowerName = new Map<string, string>();
  for (const [name, value] of params) {
    const key = name.toLowerCase();
    if (!byLowerName.has(key)) byLowerName.set(key, value);
  }
  return { get: (name) => byLowerName.get(name) ?? null };
}

function hostOfUrl(url: string | null | undefined): string | null {
  if (!url || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const host = parsed.hostname.toLowerCase().replace(/\.+$/, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

function isOwnOrPaymentHost(host: string, ownHosts: readonly string[]): boolean {
  const bare = withoutWww(host);
  const sameSite = (own: string) => {
    // Hosts may be configured with a port (`localhost:3000`); a referrer's host never has one.
    const ownBare = withoutWww(own.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.+$/, ''));
    return ownBare !== '' && (bare === ownBare || bare.endsWith(`.${ownBare}`));
  };
  return ownHosts.some(sameSite) || paymentReturnHosts.some(sameSite);
}

function withoutWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
