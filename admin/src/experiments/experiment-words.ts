import type { ExperimentMetric, ExperimentStatus } from './experiments-queries.ts';

/** The metrics in the order the form offers them. */
export const experimentMetrics: readonly ExperimentMetric[] = [
  'conversion_rate',
  'revenue_per_visitor',
  'average_order_value',
  'add_to_cart_rate',
  'refund_rate',
];

export const metricWords: Record<ExperimentMetric, string> = {
  conversion_rate: 'Conversion rate',
  revenue_per_visitor: 'Revenue per visitor',
  average_order_value: 'Average order value',
  add_to_cart_rate: 'Add-to-cart rate',
  refund_rate: 'Refund rate',
};

/** What each metric counts, as the form's choices explain it. */
export const metricHints: Record<ExperimentMetric, string> = {
  conversion_rate: 'Share of visitors who order',
  revenue_per_visitor: 'Order revenue ÷ visitors',
  average_order_value: 'Revenue ÷ orders',
  add_to_cart_rate: 'Share of visitors who add to the cart',
  refund_rate: 'Refunded ÷ revenue; lower is better, a natural guardrail',
};

/** The storefront's integration points in plain words (a point the console does not know shows its key). */
export const pointWords: Record<string, string> = {
  announcement_banner: 'Announcement banner',
  product_text: 'Product title and description',
  product_media_order: 'Order of a product’s images',
  price_display: 'Price display',
  product_sections: 'Order of the product page sections',
  free_shipping_threshold: 'Free-shipping threshold',
};

export const experimentStatusColours: Record<ExperimentStatus, string> = {
  draft: 'gray',
  running: 'green',
  stopped: 'orange',
  shipped: 'blue',
};
