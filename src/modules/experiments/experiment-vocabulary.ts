/*
 * The words of an experiment's record that the admin console shares with the server: its states
 * and the metrics it can measure. Free of the database, so the console imports them as they are.
 */

export const experimentStatuses = ['draft', 'running', 'stopped', 'shipped'] as const;
export type ExperimentStatus = (typeof experimentStatuses)[number];

export const experimentMetrics = [
  'conversion_rate',
  'revenue_per_visitor',
  'average_order_value',
  'add_to_cart_rate',
  /** Refunded ÷ revenue of the visitors' orders; lower is better (a guardrail). */
  'refund_rate',
] as const;
export type ExperimentMetric = (typeof experimentMetrics)[number];

/**
 * What shipping a winner did: a standing rollout every visitor sees, the store's own data changed
 * live, the change staged for review in the catalog's workflow (the shipper may not publish), or
 * nothing to change (the product already had it).
 */
export const shipOutcomes = ['rollout', 'live', 'in_review', 'unchanged'] as const;
export type ShipOutcome = (typeof shipOutcomes)[number];
