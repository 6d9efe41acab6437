import { buildFeedItems } from './build-feed-items.ts';
import { type FeedSummary, FeedTally } from './feed-tally.ts';
import type { FeedItem, FeedProduct, FeedStore } from './feed-types.ts';
import { hasErrors, validateFeedItem } from './validate-feed-item.ts';

export type FeedProductSource = Iterable<FeedProduct> | AsyncIterable<FeedProduct>;

/**
 * The items that pass validation, product by product, in the order the products arrive; items with
 * errors are counted in `tally` and left out. Products can come from a paged database read, so a
 * feed of any size is never held in memory.
 */
export async function* acceptedFeedItems(
  store: FeedStore,
  products: FeedProductSource,
  tally: FeedTally,
): AsyncGenerator<FeedItem> {
  for await (const product of products) {
    tally.products++;
    const { items, warnings } = buildFeedItems(store, product);
    for (const item of items) {
      const problems = [...warnings.filter((w) => w.itemId === item.id), ...validateFeedItem(item)];
      const accepted = !hasErrors(problems);
      tally.recordItem(problems, accepted);
      if (accepted) yield item;
    }
  }
}

/** What a feed would contain, without rendering it: counts and the problems that reject or limit items. */
export async function summarizeMerchantFeed(
  store: FeedStore,
  products: FeedProductSource,
): Promise<FeedSummary> {
  const tally = new FeedTally();
  for await (const _ of acceptedFeedItems(store, products, tally)) {
    // Counting is all that is wanted here.
  }
  return tally.summary();
}
