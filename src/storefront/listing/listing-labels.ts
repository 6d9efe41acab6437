import { numberFormat } from '../../platform/intl-formats.ts';
import { currencyExponent } from '../../platform/money.ts';
import type { StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import type { ListingSort } from './listing-params.ts';

/** What each order is called in the page's language. */
export function sortLabel(t: StorefrontMessages, sort: ListingSort): string {
  switch (sort) {
    case 'featured':
      return t.sortFeatured;
    case 'relevance':
      return t.sortRelevance;
    case 'newest':
      return t.sortNewest;
    case 'price-asc':
      return t.sortPriceAsc;
    case 'price-desc':
      return t.sortPriceDesc;
    case 'title':
      return t.sortTitle;
    case 'title-desc':
      return t.sortTitleDesc;
  }
}

/** A price bound for people: whole amounts without decimals ("€20"), others exact ("€19.99"). */
export function priceLabel(amount: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const whole = amount % 10 ** exponent === 0;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : exponent,
    maximumFractionDigits: whole ? 0 : exponent,
  }).format(amount / 10 ** exponent);
}

/** "€10 – €20", "€200 and more", "up to €10", in the page's language. */
export function priceRangeLabel(
  t: StorefrontMessages,
  min: number | undefined,
  max: number | null | undefined,
  currency: string,
  locale: string,
): string {
  const low = min !== undefined && min > 0 ? priceLabel(min, currency, locale) : null;
  const high = max !== undefined && max !== null ? priceLabel(max, currency, locale) : null;
  if (low && high) return `${low} – ${high}`;
  if (low) return t.priceAndMore(low);
  if (high) return t.priceUpTo(high);
  return t.anyPrice;
}
