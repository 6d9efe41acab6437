/** Public face of demand forecasting and reorder arithmetic (pure computation, no database). */

export { type CrostonVariant, crostonFixed } from './croston.ts';
export { demandOverDays } from './demand-over-days.ts';
export { classifyDemand, type DemandClassification, type DemandPattern } from './demand-pattern.ts';
export { economicOrderQuantity, eoqWithSafetyStock } from './economic-order-quantity.ts';
export { ErrorTally, maseScale } from './forecast-accuracy.ts';
export {
  type CandidateScore,
  type DemandForecast,
  type ForecastDemandOptions,
  forecastDemand,
} from './forecast-demand.ts';
export type { FittedForecaster, ForecastMethod } from './forecaster.ts';
export { fitHolt, type HoltParameters, holtFixed } from './holt.ts';
export {
  fitHoltWinters,
  forecastFromHoltWintersState,
  type HoltWintersParameters,
  type HoltWintersState,
  holtWintersFixed,
} from './holt-winters.ts';
export { type OrderQuantityInput, type SuggestedOrder, suggestOrderQuantity } from './order-quantity.ts';
export { planReorder, type ReorderPlan, type ReorderPlanInput } from './reorder-plan.ts';
export { reorderPoint, type SafetyStockInput, safetyStock, serviceLevelZ } from './safety-stock.ts';
export { fitSes, type SesParameters, sesFixed } from './simple-exponential-smoothing.ts';
export { type Arrival, daysOfCover, stockOutDay } from './stock-out.ts';
export { fitTsb, type TsbParameters, tsbFixed } from './tsb.ts';
