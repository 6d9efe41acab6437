/**
 * The experiments module's public face: A/B tests on the storefront (docs/experiments.md) — their
 * definitions and states, deterministic sticky assignment, exposures, and the integration points
 * the storefront's pages offer. Statistics over the results live in `statistics/`.
 */
export { BUCKETS, bucketOf, variantAtBucket } from './assignment/bucket.ts';
export {
  type AssignedVariant,
  applyExperimentPoint,
  ExperimentAssignments,
  exposedOn,
  type StoreExperiments,
  variantCacheKey,
} from './assignment/experiment-assignments.ts';
export { importExposures } from './assignment/import-exposures.ts';
export type { VisitorTraits } from './assignment/targeting.ts';
export { experimentsTopic } from './change-topic.ts';
export { type ExperimentInput, experimentInput } from './experiment-input.ts';
export {
  changeExperimentStatus,
  createExperiment,
  deleteExperiment,
  type Experiment,
  getExperiment,
  listExperiments,
  shipExperiment,
  updateExperiment,
} from './experiments.ts';
export { announcementBanner, type Banner } from './points/announcement-banner.ts';
export {
  defineExperimentPoint,
  type ExperimentPage,
  type ExperimentPoint,
  experimentPoint,
  experimentPoints,
} from './points/experiment-point.ts';
export { type FreeShippingChange, freeShippingThreshold } from './points/free-shipping-threshold.ts';
export { priceDisplay, type ShownPrice } from './points/price-display.ts';
export { productMediaOrder } from './points/product-media-order.ts';
export {
  type ProductPageSection,
  productPageSections,
  productSections,
} from './points/product-sections.ts';
export { productText } from './points/product-text.ts';
export {
  type ExperimentResults,
  experimentResults,
  type GuardrailAlert,
  type MetricResult,
  minimumDays,
  type VariantMetricResult,
} from './results/experiment-results.ts';
export { experimentRoutes } from './routes.ts';
export { type ExperimentMetric, type ExperimentStatus, experimentMetrics } from './schema.ts';
