import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Safety stock: the extra units kept so that demand above the forecast, while a delivery is on its
 * way, is still served in most cycles. The share of cycles without a stock-out is the service
 * level; its z-score is how many standard deviations of demand the buffer covers.
 */

/** z = Φ⁻¹(service level), e.g. 1.645 for 95%. */
export function serviceLevelZ(serviceLevel: number): number {
  if (!(serviceLevel > 0 && serviceLevel < 1)) {
    throw new RangeError(`service level must be between 0 and 1 (exclusive), got ${serviceLevel}`);
  }
  return normalQuantile(serviceLevel, 0, 1);
}

export interface SafetyStockInput {
  /** Share of replenishment cycles to get through without running out, in (0, 1). */
  serviceLevel: number;
  /** Standard deviation of daily demand around its forecast (units per day). */
  demandSd: number;
  /** Days the buffer must protect: the lead time. */
  days: number;
  /** Only with `leadTimeSdDays`: mean daily demand. */
  meanDemand?: number;
  /** Standard deviation of the lead time in days, when deliveries are not punctual. */
  leadTimeSdDays?: number;
}

/**
 * z·σ·√L when the lead time is certain (daily errors independent, so their variance adds up over
 * L days); z·√(L·σ² + d̄²·σ_L²) when the lead time varies too: a late delivery costs d̄ units a day.
 */
export function safetyStock(input: SafetyStockInput): number {
  const { demandSd, days } = input;
  if (!(demandSd >= 0) || !(days >= 0)) throw new RangeError('demand spread and days must not be negative');
  const z = serviceLevelZ(input.serviceLevel);
  const leadTimeSd = input.leadTimeSdDays ?? 0;
  if (leadTimeSd < 0) throw new RangeError('lead time spread must not be negative');
  const meanDemand = input.meanDemand ?? 0;
  if (leadTimeSd > 0 && input.meanDemand === undefined) {
    throw new RangeError('a varying lead time needs the mean daily demand');
  }
  return z * Math.sqrt(days * demandSd * demandSd + meanDemand * meanDemand * leadTimeSd * leadTimeSd);
}

/** Units on hand and on order at which to reorder: demand expected over the lead time + safety stock. */
export function reorderPoint(leadTimeDemand: number, safety: number): number {
  return leadTimeDemand + safety;
}
