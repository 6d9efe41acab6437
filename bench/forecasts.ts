// `npm run bench:forecasts`: forecasting and reorder planning for every variant of a store, as the
// Forecasts and reorders screen does it per request (src/modules/insights/reorder-forecasts/). A
// seeded mix of BENCH_VARIANTS (default 2,000) daily histories of 365 days — weekly rhythms, steady,
// trending and intermittent sellers, a fifth with a stock-out spell — each read for observed
// demand (stock-out days left out), its method chosen by backtest, its reorder planned. Prints the
// time per variant and in all, the methods chosen and the median backtest MASE / WAPE per kind of
// seller. Pure computation: the history read from the ledger is not timed here. Asserts nothing.
import { performance } from 'node:perf_hooks';
import { forecastDemand } from '../src/modules/insights/forecasting/forecast-demand.ts';
import { seededDraws } from '../src/modules/insights/forecasting/synthetic-demand.ts';
import { observedDemand, type SalesDay } from '../src/modules/insights/reorder-forecasts/observed-demand.ts';
import {
  forecastHorizons,
  planVariantReorder,
} from '../src/modules/insights/reorder-forecasts/plan-variant-reorder.ts';

const variants = Number(process.env.BENCH_VARIANTS ?? 2_000);
const days = 365;
const kinds = ['weekly', 'steady', 'trending', 'intermittent'] as const;
type Kind = (typeof kinds)[number];

function history(kind: Kind, index: number): SalesDay[] {
  const { poisson, uniform } = seededDraws(`forecast-bench-${index}`);
  const level = 1 + uniform() * 20;
  const weekly = [0.8, 0.9, 0.9, 1, 1.1, 1.4, 0.9];
  const outFrom = index % 5 === 0 ? Math.floor(100 + uniform() * 200) : -1;
  const series: SalesDay[] = [];
  for (let d = 0; d < days; d++) {
    const mean =
      kind === 'weekly'
        ? level * weekly[d % 7]!
        : kind === 'steady'
          ? level
          : kind === 'trending'
            ? level * (0.5 + d / days)
            : uniform() < 0.12
              ? 1 + level / 4
              : 0;
    const stockOut = outFrom >= 0 && d >= outFrom && d < outFrom + 14;
    series.push({ units: stockOut ? 0 : poisson(mean), openingOnHand: stockOut ? 0 : 100 });
  }
  return series;
}

const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

const methods = new Map<string, number>();
const accuracy = new Map<Kind, { mase: number[]; wape: number[] }>(
  kinds.map((k) => [k, { mase: [], wape: [] }]),
);
const perVariant: number[] = [];
const started = performance.now();
for (let i = 0; i < variants; i++) {
  const kind = kinds[i % kinds.length]!;
  const days = history(kind, i);
  const t0 = performance.now();
  const { series } = observedDemand(days);
  const leadTimeDays = 7 + (i % 4) * 7;
  const forecast = forecastDemand(series, forecastHorizons(leadTimeDays, 28));
  planVariantReorder(forecast, {
    today: '2026-01-01',
    available: 40,
    incoming: 0,
    leadTimeDays,
    reviewPeriodDays: 28,
    serviceLevel: 0.95,
    packSize: 6,
    minimumOrderQuantity: 12,
  });
  perVariant.push(performance.now() - t0);
  methods.set(forecast.method, (methods.get(forecast.method) ?? 0) + 1);
  if (forecast.backtest?.mase != null) accuracy.get(kind)!.mase.push(forecast.backtest.mase);
  if (forecast.backtest?.wape != null) accuracy.get(kind)!.wape.push(forecast.backtest.wape);
}
const total = performance.now() - started;
perVariant.sort((a, b) => a - b);

console.log(`${variants.toLocaleString('en')} variants × ${days} days`);
console.log(`  forecast + reorder plan, all: ${(total / 1000).toFixed(1)} s (history generation included)`);
console.log(
  `  per variant: mean ${(perVariant.reduce((a, b) => a + b, 0) / variants).toFixed(1)} ms, p50 ${median(perVariant).toFixed(1)} ms, p99 ${perVariant[Math.floor(variants * 0.99)]!.toFixed(1)} ms`,
);
console.log(`  methods chosen: ${[...methods].map(([m, n]) => `${m} ${n}`).join(', ')}`);
for (const [kind, { mase, wape }] of accuracy) {
  console.log(
    `  ${kind}: median MASE ${median(mase).toFixed(2)}, median WAPE ${(median(wape) * 100).toFixed(0)}%`,
  );
}
