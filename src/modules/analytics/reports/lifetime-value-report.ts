import { LRUCache } from 'lru-cache';
import type { Db } from '../../../platform/db/database.ts';
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  daysPerMonth,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  type SpendHistory,
} from '../customer-value/index.ts';
import { type CustomerHistory, customerHistories } from './customer-histories.ts';

const dayMs = 86_400_000;
/** Fewer customers or repeat buyers than this, and the fitted parameters say more about chance than about the shop. */
const minimumCustomers = 30;
const minimumRepeatBuyers = 10;
/** A month's discount on future money (about 12.7 % a year). */
const monthlyDiscountRate = 0.01;
const horizonMonths = 12;

export interface CustomerLifetimeValue {
  customerId: string;
  orders: number;
  netSpend: number;
  lastOrderAt: string;
  /** Chance the customer still buys from the store (BG/NBD). */
  probabilityAlive: number;
  /** Orders expected in the next 12 months. */
  expectedOrders: number;
  /** Discounted value of those orders, minor units of the store's currency (rounded). */
  predictedValue: number;
}

/** Fits are cached per store and data: a fit over 100,000 customers takes seconds, not milliseconds. */
const fits = new LRUCache<string, object>({ max: 50, ttl: 60 * 60_000 });

function toSpendHistory(h: CustomerHistory, asOf: Date): SpendHistory {
  const age = Math.max(0, (asOf.getTime() - h.firstAt.getTime()) / dayMs);
  const repeat = h.meanRepeatSpend === null ? 0 : h.orders - 1;
  return {
    repeatPurchases: repeat,
    lastPurchaseTime: repeat === 0 ? 0 : Math.min(age, (h.lastAt.getTime() - h.firstAt.getTime()) / dayMs),
    age,
    meanRepeatSpend: h.meanRepeatSpend ?? 0,
  };
}

/**
 * Predicted 12-month value and chance of still being a customer for every customer, from BG/NBD
 * (how many more orders) and Gamma-Gamma (worth how much each), both fitted by maximum likelihood
 * on the store's own order history in days (docs/customer-value.md). Stores with too little
 * history get `not_enough_history` instead of numbers that would mislead.
 */
export async function lifetimeValueReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  asOf = new Date(),
) {
  const histories = await customerHistories(db, store.id, asOf);
  const day = asOf.toISOString().slice(0, 10);
  const key = `${store.id}|${day}|${histories.length}|${histories.reduce((n, h) => n + h.orders, 0)}`;
  const cached = fits.get(key);
  if (cached) return cached as ReturnType<typeof compute>;
  const report = compute(histories, store.baseCurrency, asOf);
  fits.set(key, report);
  return report;
}

function compute(histories: CustomerHistory[], currency: string, asOf: Date) {
  const spendHistories = histories.map((h) => toSpendHistory(h, asOf));
  const repeatBuyers = spendHistories.filter((h) => h.repeatPurchases > 0).length;
  const base = {
    currency,
    asOf: asOf.toISOString(),
    customers: histories.length,
    repeatBuyers,
    horizonMonths,
  };
  if (histories.length < minimumCustomers || repeatBuyers < minimumRepeatBuyers) {
    return { ...base, status: 'not_enough_history' as const, minimumCustomers, minimumRepeatBuyers };
  }
  const bgNbd = fitBgNbd(spendHistories);
  const gammaGamma = fitGammaGamma(spendHistories);
  // A fit that stopped on a flat ridge (typically: customers stop buying at much the same rate,
  // so the dropout distribution's parameters grow together without end) still predicts what its
  // limit would; it is shown, marked approximate. No finite likelihood, or a spend model without a
  // mean (q ≤ 1), predicts nothing.
  if (
    !Number.isFinite(bgNbd.logLikelihood) ||
    !Number.isFinite(gammaGamma.logLikelihood) ||
    gammaGamma.parameters.q <= 1
  ) {
    return { ...base, status: 'no_fit' as const, minimumCustomers, minimumRepeatBuyers };
  }
  const horizon = { months: horizonMonths, monthlyDiscountRate, periodsPerMonth: daysPerMonth };
  const values: CustomerLifetimeValue[] = histories.map((h, i) => {
    const history = spendHistories[i]!;
    return {
      customerId: h.customerId,
      orders: h.orders,
      netSpend: h.netSpend,
      lastOrderAt: h.lastAt.toISOString(),
      probabilityAlive: probabilityAlive(bgNbd.parameters, history),
      expectedOrders: conditionalExpectedPurchases(bgNbd.parameters, history, horizonMonths * daysPerMonth),
      predictedValue: Math.round(
        customerLifetimeValue(bgNbd.parameters, gammaGamma.parameters, history, horizon),
      ),
    };
  });
  // On the far end of the ridge the hypergeometric terms stop being computable: nothing to show.
  if (values.some((v) => !Number.isFinite(v.predictedValue) || !Number.isFinite(v.probabilityAlive))) {
    return { ...base, status: 'no_fit' as const, minimumCustomers, minimumRepeatBuyers };
  }
  const sorted = values.map((v) => v.predictedValue).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    ...base,
    status: 'ok' as const,
    model: {
      /** False: the fit stopped before the likelihood was flat (see above); the numbers are approximate. */
      converged: bgNbd.converged && gammaGamma.converged,
      bgNbd: { ...bgNbd.parameters, logLikelihood: bgNbd.logLikelihood },
      gammaGamma: { ...gammaGamma.parameters, logLikelihood: gammaGamma.logLikelihood },
    },
    totals: {
      predictedValue: total,
      expectedOrders: values.reduce((n, v) => n + v.expectedOrders, 0),
      meanPredictedValue: Math.round(total / values.length),
      /** Customers more likely gone than not. */
      probablyLost: values.filter((v) => v.probabilityAlive < 0.5).length,
    },
    distribution: { p10: at(0.1), p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9), max: at(1) },
    histogram: histogramOf(sorted),
    top: [...values].sort((a, b) => b.predictedValue - a.predictedValue).slice(0, 20),
  };
}

/** Ten equal-width bins from 0 to the 95th percentile (the last holds everything above). */
function histogramOf(sorted: readonly number[]): { from: number; to: number | null; customers: number }[] {
  const top = sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0;
  const width = Math.max(1, Math.ceil(top / 10));
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i * width,
    to: i === 9 ? null : (i + 1) * width,
    customers: 0,
  }));
  for (const v of sorted) bins[Math.min(9, Math.max(0, Math.floor(v / width)))]!.customers++;
  return bins;
}
