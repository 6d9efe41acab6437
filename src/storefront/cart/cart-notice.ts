import type { PricedCart } from '../../modules/checkout/index.ts';
import type { StorefrontMessages } from '../locales/messages/storefront-messages.ts';

/**
 * What the cart page says after a form post redirected to it (303): carried in its query string,
 * from a fixed set of codes and numbers, so nothing a shopper typed travels in an address.
 */
export type CartNotice =
  | { kind: 'error'; code: CartErrorCode; n?: number }
  | { kind: 'added'; lineId: string };

export const cartErrorCodes = [
  'line_quantity_limit',
  'cart_line_limit',
  'discount_code_limit',
  'insufficient_stock',
  'variant_unavailable',
  'invalid',
  'expired',
] as const;
export type CartErrorCode = (typeof cartErrorCodes)[number];

/** The query string of a notice, for the redirect's Location. */
export function noticeQuery(notice: CartNotice): string {
  const params = new URLSearchParams(
    notice.kind === 'added'
      ? { added: notice.lineId }
      : { error: notice.code, ...(notice.n !== undefined ? { n: String(notice.n) } : {}) },
  );
  return `?${params}`;
}

/** The notice a cart page's query string names; anything else is ignored. */
export function readNotice(query: unknown): CartNotice | null {
  const q = (query ?? {}) as Record<string, unknown>;
  if (typeof q.added === 'string' && /^cartl_[0-9a-z]{26}$/.test(q.added))
    return { kind: 'added', lineId: q.added };
  const code = cartErrorCodes.find((c) => c === q.error);
  if (!code) return null;
  const n = typeof q.n === 'string' && /^\d{1,6}$/.test(q.n) ? Number(q.n) : undefined;
  return { kind: 'error', code, ...(n !== undefined ? { n } : {}) };
}

export function noticeText(
  t: StorefrontMessages,
  notice: CartNotice,
  priced: PricedCart | null,
): string | null {
  if (notice.kind === 'added') {
    const line = priced?.lines.find((l) => l.lineId === notice.lineId);
    if (!line?.title) return null;
    return t.cartAdded(line.variantTitle ? `${line.title} (${line.variantTitle})` : line.title);
  }
  const n = notice.n ?? 0;
  switch (notice.code) {
    case 'line_quantity_limit':
      return t.cartErrorQuantityLimit(n);
    case 'cart_line_limit':
      return t.cartErrorLineLimit(n);
    case 'discount_code_limit':
      return t.cartErrorCodeLimit(n);
    case 'insufficient_stock':
      return t.cartErrorStock(n);
    case 'variant_unavailable':
      return t.cartErrorUnavailable;
    case 'expired':
      return t.cartErrorExpired;
    case 'invalid':
      return t.cartErrorInvalid;
  }
}
