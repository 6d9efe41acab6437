/** Public face of the Google Merchant Center feed: build, validate and stream items as RSS or TSV. */
export {
  type BuiltFeedItems,
  buildFeedItems,
  MAX_ADDITIONAL_IMAGES,
  MAX_DESCRIPTION_CHARS,
  MAX_TITLE_CHARS,
} from './build-feed-items.ts';
export { feedAttributeOrder } from './feed-attributes.ts';
export { acceptedFeedItems, type FeedProductSource, summarizeMerchantFeed } from './feed-items-stream.ts';
export {
  activeVariantsInStock,
  type FeedSourceOptions,
  type FeedStockSource,
  feedProducts,
  type StockQuery,
} from './feed-source.ts';
export { type FeedProblemCount, type FeedSummary, FeedTally } from './feed-tally.ts';
export { escapeXml, tsvField } from './feed-text.ts';
export type {
  FeedAttribute,
  FeedAvailability,
  FeedCondition,
  FeedItem,
  FeedProblem,
  FeedProblemSeverity,
  FeedProduct,
  FeedStore,
  FeedVariant,
} from './feed-types.ts';
export { checkGtin, type GtinVerdict, gtinCheckDigit } from './gtin.ts';
export { ageGroupValue, genderValue, type OptionAttribute, optionAttribute } from './option-attributes.ts';
export { renderMerchantFeedTsv } from './render-tsv.ts';
export { GOOGLE_NAMESPACE, type RenderFeedOptions, renderMerchantFeedXml } from './render-xml.ts';
export { feedProblemLabels, hasErrors, validateFeedItem } from './validate-feed-item.ts';
