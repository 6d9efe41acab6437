import { randomToken, type Store, tokenDigest } from '../access/index.ts';
import { storefrontUrlOf } from '../transactional-mail/index.ts';
import type { RecipientLinks } from './newsletter-body.ts';

/**
 * A recipient's links all carry one random token (256 bits), stored only as its SHA-256 digest:
 * it is the authority to unsubscribe (RFC 8058 one-click needs no session and no CSRF token) and
 * names the recipient for the open pixel and the click redirect.
 */
export function newRecipientToken(): { token: string; digest: string } {
  const token = randomToken();
  return { token, digest: tokenDigest(token) };
}

export { tokenDigest as recipientTokenDigest };

/** The storefront paths the token is used at (src/storefront/newsletters/). */
export const recipientPaths = {
  unsubscribe: (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`,
  open: (token: string) => `/newsletters/open/${encodeURIComponent(token)}`,
  click: (token: string, index: number) => `/newsletters/click/${encodeURIComponent(token)}/${index}`,
};

/** The absolute addresses of one recipient's message, on the store's storefront. */
export function recipientLinks(
  store: Pick<Store, 'handle' | 'domains'>,
  token: string,
  tracked: boolean,
): RecipientLinks {
  const base = storefrontUrlOf(store);
  return {
    unsubscribeUrl: `${base}${recipientPaths.unsubscribe(token)}`,
    ...(tracked
      ? {
          tracking: {
            openPixelUrl: `${base}${recipientPaths.open(token)}`,
            clickUrl: (index: number) => `${base}${recipientPaths.click(token, index)}`,
          },
        }
      : {}),
  };
}

/** RFC 8058: the one-click unsubscribe address and the header that says a POST to it is enough. */
export function listUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
