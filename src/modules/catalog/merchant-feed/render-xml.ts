import { feedAttributeOrder } from './feed-attributes.ts';
import { acceptedFeedItems, type FeedProductSource } from './feed-items-stream.ts';
import { FeedTally } from './feed-tally.ts';
import { escapeXml } from './feed-text.ts';
import type { FeedItem, FeedStore } from './feed-types.ts';

/**
 * The feed as RSS 2.0 with Google's `g:` namespace, streamed: chunks of about `chunkChars`
 * characters are yielded as items are built, so memory stays flat however many products there are.
 */
export interface RenderFeedOptions {
  /** Filled in as the feed streams; read `tally.summary()` once the last chunk is consumed. */
  tally?: FeedTally;
  chunkChars?: number;
}

export const GOOGLE_NAMESPACE = 'http://base.google.com/ns/1.0';
const DEFAULT_CHUNK_CHARS = 64 * 1024;

function itemXml(item: FeedItem): string {
  let xml = '<item>\n';
  for (const attribute of feedAttributeOrder) {
    const value = item[attribute];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) xml += `<g:${attribute}>${escapeXml(one)}</g:${attribute}>\n`;
  }
  return `${xml}</item>\n`;
}

export async function* renderMerchantFeedXml(
  store: FeedStore,
  products: FeedProductSource,
  options: RenderFeedOptions = {},
): AsyncGenerator<string, void, undefined> {
  const tally = options.tally ?? new FeedTally();
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  let buffer =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<rss version="2.0" xmlns:g="${GOOGLE_NAMESPACE}">\n<channel>\n` +
    `<title>${escapeXml(store.name)}</title>\n` +
    `<link>${escapeXml(store.baseUrl)}</link>\n` +
    `<description>${escapeXml(store.description ?? `Products of ${store.name}`)}</description>\n` +
    `<language>${escapeXml(store.language)}</language>\n`;
  for await (const item of acceptedFeedItems(store, products, tally)) {
    buffer += itemXml(item);
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}</channel>\n</rss>\n`;
}
