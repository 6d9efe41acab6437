import type { ShippingChoice } from '../../modules/checkout/index.ts';
import { dateTimeFormat } from '../../platform/intl-formats.ts';
import type { StorefrontMessages } from '../locales/messages/storefront-messages.ts';

/** A day (YYYY-MM-DD, the store's calendar) as the page's language writes it: "Mon, 8 Jul". */
export function formatDay(locale: string, day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  try {
    return dateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return day;
  }
}

/** A moment as a date in the page's language and the store's time zone: "8 July 2030". */
export function formatDate(locale: string, at: Date, timeZone: string): string {
  try {
    return dateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** When a shipping option arrives or is ready, in words; null without an estimate. */
export function whenText(t: StorefrontMessages, locale: string, option: ShippingChoice): string | null {
  const { estimate } = option;
  if (!estimate) return null;
  if ('earliest' in estimate)
    return t.cartArrives(formatDay(locale, estimate.earliest), formatDay(locale, estimate.latest));
  if ('readyInMinutes' in estimate)
    return t.checkoutReadyInHours(Math.max(1, Math.round(estimate.readyInMinutes / 60)));
  return t.checkoutReadyOn(formatDay(locale, estimate.readyOn));
}

/** Why a card was refused, in the page's language (the provider's decline code). */
export function declineText(t: StorefrontMessages, declineCode: unknown): string {
  switch (declineCode) {
    case 'insufficient_funds':
      return t.checkoutDeclinedFunds;
    case 'expired_card':
      return t.checkoutDeclinedExpired;
    case 'incorrect_cvc':
      return t.checkoutDeclinedCvc;
    case 'card_declined':
      return t.checkoutDeclinedCard;
    default:
      return t.checkoutDeclinedOther;
  }
}
