import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A cart's secret: 256 random bits, URL-safe; the browser's `sp_cart` cookie holds it. */
export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Carts are found by the SHA-256 of their token: the table never holds a token that opens a cart. */
export function cartTokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token of a cart's forms, derived from the cart's token (an HMAC keyed by it), so only a
 * page made for the holder of the cart cookie can carry it, and nothing needs storing. Checked with
 * a constant-time comparison by the storefront.
 */
export function cartCsrfToken(token: string): string {
  return createHmac('sha256', token).update('storepilot cart form').digest('base64url').slice(0, 32);
}
