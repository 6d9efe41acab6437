import { isbot } from 'isbot';

export type DeviceClass = 'desktop' | 'mobile' | 'tablet' | 'other';

// Tablets first: iPads and Android tablets also match broader mobile patterns. Android phones say
// "Mobile"; Android tablets do not.
const tablet = /iPad|Tablet|PlayBook|Silk|Kindle|(Android(?!.*Mobile))/i;
const mobile = /Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|Opera Mini|IEMobile/i;
const desktop = /Windows NT|Macintosh|X11|Linux x86_64|CrOS/i;

/** The device class GA4 reports (desktop, mobile, tablet), from the User-Agent header. */
export function deviceClass(userAgent: string | undefined): DeviceClass {
  if (!userAgent) return 'other';
  if (tablet.test(userAgent)) return 'tablet';
  if (mobile.test(userAgent)) return 'mobile';
  if (desktop.test(userAgent)) return 'desktop';
  return 'other';
}

/**
 * Why a request is not a shopper's visit, or null when it is: crawlers and bots (the `isbot`
 * list), clients that send no User-Agent, and browsers' speculative prefetches (they may never be
 * shown to anyone).
 */
export function notAVisit(headers: {
  'user-agent'?: string;
  purpose?: string;
  'sec-purpose'?: string;
  'x-moz'?: string;
}): 'bot' | 'no_user_agent' | 'prefetch' | null {
  const userAgent = headers['user-agent'];
  if (!userAgent) return 'no_user_agent';
  if (isbot(userAgent)) return 'bot';
  const purpose = `${headers['sec-purpose'] ?? ''} ${headers.purpose ?? ''} ${headers['x-moz'] ?? ''}`;
  if (/prefetch/i.test(purpose)) return 'prefetch';
  return null;
}
