import type { ExperimentStatus } from './experiments-queries.ts';

/** The integration points in a shop manager's words (docs/experiments.md). */
export const experimentPointWords: Record<string, string> = {
  announcement_banner: 'Announcement banner',
  product_text: 'Product title and description',
  price_display: 'Price display',
  product_sections: 'Order of product page sections',
};

export const experimentStatusColours: Record<ExperimentStatus, string> = {
  draft: 'gray',
  running: 'green',
  stopped: 'orange',
  shipped: 'blue',
};
