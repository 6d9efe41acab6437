import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';

export type DeviceClass = 'desktop' | 'mobile' | 'tablet' | 'other';

// Tablets first: iPads and Android tablets also match broader mobile patterns. Android phones say
// "Mobile"; Android tablets do not.
const tablet = /iPad|Tablet|PlayBook|Silk|Kindle|(Android(?!.*Mobile))/i;
const mobile = /Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|Opera Mini|IEMobile/i;
const desktop = /Windows NT|Macintosh|X11|Linux x86_64|CrOS/i;

/** The device class GA4 reports (desktop, mobile, tablet), from the User-Agent header. */
export function deviceClass(userAgent: string | undefined): DeviceClass {
  return userAgent ? verdictOn(userAgent).device : 'other';
}

function classify(userAgent: string): DeviceClass {
  if (tablet.test(userAgent)) return 'tablet';
  if (mobile.test(userAgent)) return 'mobile';
  if (desktop.test(userAgent)) return 'desktop';
  return 'other';
}

/**
 * What a User-Agent says, worked out once per distinct header. isbot's pattern is one long regular
 * expression, the costliest step of a cached page, and the device patterns scan the header three
 * times; a store's visitors send a few hundred distinct User-Agents, each many times, and each
 * request asks twice (analytics and experiments). Bounded, as the header is the client's to choose.
 */
const agentVerdicts = new LRUCache<string, { bot: boolean; device: DeviceClass }>({ max: 2_000 });

function verdictOn(userAgent: string): { bot: boolean; device: DeviceClass } {
  let verdict = agentVerdicts.get(userAgent);
  if (!verdict) {
    verdict = { bot: isbot(userAgent), device: classify(userAgent) };
    agentVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

/**
 * Why a request is not a shopper's visit, or null when it is: crawlers and bots (the `isbot`
 * list), clients that send no User-Agent, and browsers' speculative prefetches (they may never be
 * shown to anyone).
 */
export function notAVisit(headers: {
  'user-agent'?: string;
  purpose?: string | string[];
  'sec-purpose'?: string | string[];
  'x-moz'?: string | string[];
}): 'bot' | 'no_user_agent' | 'prefetch' | null {
  const userAgent = headers['user-agent'];
  if (!userAgent) return 'no_user_agent';
  if (verdictOn(userAgent).bot) return 'bot';
  const purpose = `${headers['sec-purpose'] ?? ''} ${headers.purpose ?? ''} ${headers['x-moz'] ?? ''}`;
  if (/prefetch/i.test(purpose)) return 'prefetch';
  return null;
}
