import { feedAttributeOrder } from './feed-attributes.ts';
import { acceptedFeedItems, type FeedProductSource } from './feed-items-stream.ts';
import { FeedTally } from './feed-tally.ts';
import { tsvField } from './feed-text.ts';
import type { FeedItem, FeedStore } from './feed-types.ts';
import type { RenderFeedOptions } from './render-xml.ts';

/**
 * The feed as a tab-separated text file: a header row of attribute names, then one row per item.
 * Tabs and line breaks inside values become spaces; several additional images share one field,
 * separated by commas as Google reads them (commas inside those URLs are percent-encoded).
 */

const DEFAULT_CHUNK_CHARS = 64 * 1024;

function field(item: FeedItem, attribute: (typeof feedAttributeOrder)[number]): string {
  const value = item[attribute];
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((url) => tsvField(url).replaceAll(',', '%2C')).join(',');
  return tsvField(value);
}

function itemRow(item: FeedItem): string {
  return `${feedAttributeOrder.map((attribute) => field(item, attribute)).join('\t')}\n`;
}

export async function* renderMerchantFeedTsv(
  store: FeedStore,
  products: FeedProductSource,
  options: RenderFeedOptions = {},
): AsyncGenerator<string, void, undefined> {
  const tally = options.tally ?? new FeedTally();
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  let buffer = `${feedAttributeOrder.join('\t')}\n`;
  for await (const item of acceptedFeedItems(store, products, tally)) {
    buffer += itemRow(item);
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}
