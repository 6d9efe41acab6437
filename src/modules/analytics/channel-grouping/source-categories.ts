/**
 * The well-known sites GA4's channel rules ask about ("source matches a list of search / social /
 * video / shopping sites"). GA4 keeps its own long list; this one is ours: the sites that send a
 * store real traffic, written so that one entry covers every spelling a source arrives in — the
 * bare name a UTM tag uses (`utm_source=fb`), the site's host (`m.facebook.com`) and, for sites
 * with a domain per country, every country (`www.google.co.uk`, `amazon.de`).
 *
 * Adding a site is adding a line here; docs/channels-and-attribution.md lists them for managers.
 */

export type SourceCategory = 'search' | 'social' | 'video' | 'shopping';

export interface KnownSite {
  /** The name reports use for the site, e.g. `google`; also accepted as a bare source. */
  name: string;
  category: SourceCategory;
  /** Other bare source names people tag with (`fb`, `ig`, `x`). */
  aliases?: readonly string[];
  /** Hosts of the site; a host matches itself and any subdomain (`l.instagram.com`). */
  domains?: readonly string[];
  /** A name registered under many country domains: `google` covers google.de, google.co.uk … */
  brand?: string;
  /**
   * When set, only these subdomains (the label next to the site's domain) count, because the
   * site's other services are not the category: mail.google.com is webmail, not a search engine.
   */
  onlySubdomains?: readonly string[];
}

// biome-ignore format: one site per line reads as a list.
export const knownSites: readonly KnownSite[] = [
  // Search engines.
  { name: 'google', category: 'search', brand: 'google', onlySubdomains: ['www', 'm', 'images', 'scholar'] },
  { name: 'bing', category: 'search', brand: 'bing', domains: ['search.msn.com'] },
  { name: 'yahoo', category: 'search', brand: 'yahoo', onlySubdomains: ['www', 'search', 'm'] },
  { name: 'duckduckgo', category: 'search', aliases: ['ddg'], domains: ['duckduckgo.com'] },
  { name: 'baidu', category: 'search', brand: 'baidu', onlySubdomains: ['www', 'm'] },
  { name: 'yandex', category: 'search', brand: 'yandex', domains: ['ya.ru'], onlySubdomains: ['www', 'm'] },
  { name: 'ecosia', category: 'search', domains: ['ecosia.org'] },
  { name: 'naver', category: 'search', domains: ['search.naver.com'] },
  { name: 'seznam', category: 'search', domains: ['seznam.cz'], onlySubdomains: ['search', 'www'] },
  { name: 'qwant', category: 'search', domains: ['qwant.com'] },
  { name: 'startpage', category: 'search', domains: ['startpage.com'] },
  { name: 'brave', category: 'search', domains: ['search.brave.com'] },
  { name: 'ask', category: 'search', domains: ['ask.com'] },
  { name: 'aol', category: 'search', domains: ['search.aol.com'] },
  { name: 'sogou', category: 'search', domains: ['sogou.com'] },
  { name: 'daum', category: 'search', domains: ['search.daum.net'] },
  { name: 'coccoc', category: 'search', domains: ['coccoc.com'] },

  // Social networks and messengers.
  { name: 'facebook', category: 'social', aliases: ['fb'], domains: ['facebook.com', 'fb.com', 'fb.me', 'messenger.com'] },
  { name: 'instagram', category: 'social', aliases: ['ig'], domains: ['instagram.com'] },
  { name: 'threads', category: 'social', domains: ['threads.net', 'threads.com'] },
  { name: 'linkedin', category: 'social', domains: ['linkedin.com', 'lnkd.in'] },
  { name: 'pinterest', category: 'social', brand: 'pinterest', domains: ['pin.it'] },
  { name: 'reddit', category: 'social', domains: ['reddit.com', 'redd.it'] },
  { name: 'tiktok', category: 'social', domains: ['tiktok.com'] },
  { name: 'twitter', category: 'social', aliases: ['x', 'x.com'], domains: ['twitter.com', 'x.com', 't.co'] },
  { name: 'snapchat', category: 'social', domains: ['snapchat.com'] },
  { name: 'tumblr', category: 'social', domains: ['tumblr.com'] },
  { name: 'quora', category: 'social', domains: ['quora.com'] },
  { name: 'whatsapp', category: 'social', domains: ['whatsapp.com', 'wa.me'] },
  { name: 'telegram', category: 'social', domains: ['telegram.org', 't.me'] },
  { name: 'discord', category: 'social', domains: ['discord.com', 'discord.gg'] },
  { name: 'bluesky', category: 'social', domains: ['bsky.app'] },
  { name: 'vk', category: 'social', domains: ['vk.com'] },
  { name: 'weibo', category: 'social', domains: ['weibo.com'] },
  { name: 'xing', category: 'social', domains: ['xing.com'] },
  { name: 'nextdoor', category: 'social', domains: ['nextdoor.com'] },
  { name: 'line', category: 'social', domains: ['line.me'] },

  // Video sites.
  { name: 'youtube', category: 'video', aliases: ['yt'], domains: ['youtube.com', 'youtu.be'] },
  { name: 'vimeo', category: 'video', domains: ['vimeo.com'] },
  { name: 'dailymotion', category: 'video', domains: ['dailymotion.com'] },
  { name: 'twitch', category: 'video', domains: ['twitch.tv'] },
  { name: 'bilibili', category: 'video', domains: ['bilibili.com'] },
  { name: 'wistia', category: 'video', domains: ['wistia.com'] },

  // Shopping sites: marketplaces and price comparison.
  { name: 'google shopping', category: 'shopping', aliases: ['google_shopping', 'googleshopping'], domains: ['shopping.google.com'] },
  { name: 'amazon', category: 'shopping', brand: 'amazon' },
  { name: 'ebay', category: 'shopping', brand: 'ebay' },
  { name: 'etsy', category: 'shopping', domains: ['etsy.com'] },
  { name: 'walmart', category: 'shopping', domains: ['walmart.com'] },
  { name: 'aliexpress', category: 'shopping', brand: 'aliexpress' },
  { name: 'alibaba', category: 'shopping', domains: ['alibaba.com'] },
  { name: 'rakuten', category: 'shopping', brand: 'rakuten' },
  { name: 'mercadolibre', category: 'shopping', brand: 'mercadolibre' },
  { name: 'zalando', category: 'shopping', brand: 'zalando' },
  { name: 'bol', category: 'shopping', domains: ['bol.com'] },
  { name: 'allegro', category: 'shopping', domains: ['allegro.pl'] },
  { name: 'idealo', category: 'shopping', brand: 'idealo' },
  { name: 'pricerunner', category: 'shopping', brand: 'pricerunner' },
  { name: 'kelkoo', category: 'shopping', brand: 'kelkoo' },
];

/**
 * Hosts a shopper passes through in the middle of a visit — payment pages that send the shopper
 * back to the store. Coming back from them is the same visit, not traffic PayPal sent.
 */
// biome-ignore format: a list.
export const paymentReturnHosts: readonly string[] = [
  'paypal.com', 'checkout.stripe.com', 'hooks.stripe.com', 'klarna.com', 'adyen.com', 'mollie.com',
  'pay.google.com', 'afterpay.com', 'clearpay.co.uk', 'affirm.com', 'sofort.com', 'secure.worldpay.com',
  '3dsecure.io', 'acs.cardinalcommerce.com',
];
