import { currencyExponent } from '../../platform/money.ts';
import type { ListingSort } from './listing-params.ts';

export const sortLabels: Record<ListingSort, string> = {
  relevance: 'Best match',
  newest: 'Newest',
  'price-asc': 'Price, low to high',
  'price-desc': 'Price, high to low',
  title: 'Name, A to Z',
};

/** A price bound for people: whole amounts without decimals ("€20"), others exact ("€19.99"). */
export function priceLabel(amount: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const whole = amount % 10 ** exponent === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : exponent,
    maximumFractionDigits: whole ? 0 : exponent,
  }).format(amount / 10 ** exponent);
}

/** "€10 – €20", "€200 and more", "up to €10". */
export function priceRangeLabel(
  min: number | undefined,
  max: number | null | undefined,
  currency: string,
  locale: string,
): string {
  const low = min !== undefined && min > 0 ? priceLabel(min, currency, locale) : null;
  const high = max !== undefined && max !== null ? priceLabel(max, currency, locale) : null;
  if (low && high) return `${low} – ${high}`;
  if (low) return `${low} and more`;
  if (high) return `up to ${high}`;
  return 'Any price';
}

export function productCount(n: number): string {
  return n === 1 ? '1 product' : `${n.toLocaleString('en')} products`;
}
