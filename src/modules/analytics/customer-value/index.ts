/**
 * Customer value: RFM segments, and predicted lifetime value with BG/NBD (how many more purchases)
 * and Gamma-Gamma (worth how much each). Pure computation on histories the caller builds from
 * orders; see docs/customer-value.md.
 */
export { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from './bg-nbd-expectations.ts';
export { bgNbdLogLikelihood, bgNbdTotalLogLikelihood } from './bg-nbd-likelihood.ts';
export type { BgNbdParameters } from './bg-nbd-parameters.ts';
export { probabilityOfPurchaseCount } from './bg-nbd-purchase-count.ts';
export {
  customerLifetimeValue,
  daysPerMonth,
  type LifetimeValueHorizon,
  weeksPerMonth,
} from './customer-lifetime-value.ts';
export { expectedAverageSpend } from './expected-average-spend.ts';
export { type BgNbdFit, fitBgNbd } from './fit-bg-nbd.ts';
export { fitGammaGamma, type GammaGammaFit } from './fit-gamma-gamma.ts';
export { gammaGammaLogLikelihood, gammaGammaTotalLogLikelihood } from './gamma-gamma-likelihood.ts';
export type { GammaGammaParameters } from './gamma-gamma-parameters.ts';
export { assertPurchaseHistory, type PurchaseHistory, type SpendHistory } from './purchase-history.ts';
export { type RfmCustomer, type RfmOptions, type RfmScoredCustomer, scoreRfm } from './rfm-scores.ts';
export { type RfmSegmentSummary, summariseRfmSegments } from './rfm-segment-summary.ts';
export {
  type RfmScores,
  type RfmSegment,
  rfmSegment,
  rfmSegmentDescriptions,
  rfmSegments,
} from './rfm-segments.ts';
