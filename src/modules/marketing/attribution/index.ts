/**
 * Public face of attribution: who gets the credit for a conversion (six models over a lookback
 * window, with exact money splits), and the spend ratios built on it (ROAS, MER, CPA, CAC,
 * break-even ROAS).
 */
export {
  type AttributionOptions,
  attributeConversion,
  attributeConversionValue,
  defaultHalfLifeDays,
  defaultLookbackDays,
  type TouchpointCredit,
  type TouchpointValue,
} from './attribute-conversion.ts';
export { type AttributionModel, attributionModels, defaultAttributionModel } from './attribution-models.ts';
export { breakEvenRoas, cac, cpa, mer, roas } from './spend-efficiency.ts';
export { channelOf, type Touchpoint } from './touchpoints.ts';
