/**
 * Numbers as the daily briefing writes them: "−58%", "+120%", "1,240", "€1,234.50", "1.4%".
 * Signs use the minus sign (U+2212), as a reader expects in running text.
 */
import { formatMoney } from '../../../platform/money.ts';
import type { MetricKind } from './metric-series.ts';

export interface WordingOptions {
  /** ISO 4217 code of amounts and means (minor units); without it they are written as plain numbers. */
  currency?: string;
  /** BCP 47 locale for numbers (default en). */
  locale?: string;
}

const minus = '\u2212';

export function signedPercent(fraction: number): string {
  const percent = Math.round(fraction * 100);
  if (percent === 0) return '0%';
  return `${percent > 0 ? '+' : minus}${Math.abs(percent).toLocaleString('en')}%`;
}

/** A count or an amount of the metric's unit, unsigned. */
function plainValue(kind: MetricKind, value: number, options: WordingOptions): string {
  const locale = options.locale ?? 'en';
  if (kind === 'proportion') {
    return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: value < 0.1 ? 2 : 1 })}%`;
  }
  if ((kind === 'amount' || kind === 'mean') && options.currency) {
    return formatMoney(Math.round(value), options.currency, locale);
  }
  return Math.round(value).toLocaleString(locale);
}

export function formatValue(kind: MetricKind, value: number, options: WordingOptions): string {
  return value < 0 ? `${minus}${plainValue(kind, -value, options)}` : plainValue(kind, value, options);
}

/** A change in the metric's unit, always signed: "−1,650", "+€320.00". */
export function signedValue(kind: MetricKind, change: number, options: WordingOptions): string {
  const text = plainValue(kind, Math.abs(change), options);
  return change < 0 ? `${minus}${text}` : `+${text}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
