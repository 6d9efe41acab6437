import type { ForecastOrder, ReorderForecastItem } from './forecast-types.ts';

/** How the screen names each forecasting method (docs/forecasting.md, "The methods"). */
export const methodLabels: Record<string, string> = {
  zero: 'No sales',
  ses: 'Exponential smoothing',
  holt: 'Holt (trend)',
  'damped-holt': 'Damped trend',
  'holt-winters': 'Holt-Winters (weekly)',
  croston: 'Croston',
  sba: 'Croston SBA',
  tsb: 'TSB',
};

export function methodLabel(method: string): string {
  return methodLabels[method] ?? method;
}

const two = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const one = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** "MASE 0.82 · WAPE 31%", or why there is none. */
export function accuracyText(item: Pick<ReorderForecastItem, 'accuracy'>): string {
  if (!item.accuracy) return 'Too little history to backtest';
  const mase = item.accuracy.mase === null ? 'MASE —' : `MASE ${two.format(item.accuracy.mase)}`;
  const wape = item.accuracy.wape === null ? 'WAPE —' : `WAPE ${percent.format(item.accuracy.wape)}`;
  return `${mase} · ${wape}`;
}

export function daysText(days: number | null): string {
  return days === null ? 'Over 3 months' : `${one.format(days)} days`;
}

export function unitsText(units: number | null): string {
  return units === null ? '—' : one.format(units);
}

/** "66 (11 packs of 6)", "200 (the minimum)", or "Nothing". */
export function orderText(order: ForecastOrder | null): string {
  if (!order || order.quantity === 0) return 'Nothing';
  const packs =
    order.packSize > 1
      ? ` (${order.packs} ${order.packs === 1 ? 'pack' : 'packs'} of ${order.packSize})`
      : '';
  const minimum = order.roundedUpBy === 'minimum' ? ', the minimum' : '';
  return `${order.quantity}${packs}${minimum}`;
}
