import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { CART_COUNT_COOKIE } from './cart-cookies.ts';
import { cartPaths } from './cart-paths.ts';

/**
 * The header's link to the cart. Pages in the page cache are the same for every shopper, so they
 * carry no count: the layout's little script reads it from the `sp_cart_count` cookie (set with
 * every change of the cart) and shows it; without script the link shows no count. Pages that are
 * never cached (the cart itself) pass `count` and render it.
 */
export function CartLink({ site, count }: { site: StorefrontSite; count?: number | undefined }) {
  const t = messagesFor(site.locale);
  const shown = count !== undefined && count > 0;
  return (
    <a class="cart-link" href={cartPaths.cart(site)}>
      <span>{t.cartLink}</span>
      <span class="cart-count" data-cart-count={count === undefined ? '' : undefined} hidden={!shown}>
        {shown ? String(count) : ''}
      </span>
    </a>
  );
}

/**
 * The storefront's one script, small and optional: marks the page as scripted (forms then hide
 * their Update buttons), submits a form when a field marked `data-autosubmit` changes, and fills
 * the cart link's count from its cookie.
 */
export const storefrontScript = `(function(){var d=document;d.documentElement.classList.add('js');var m=d.cookie.match(/(?:^|; )${CART_COUNT_COOKIE}=(\\d{1,5})(?:;|$)/),c=d.querySelector('[data-cart-count]');if(m&&c&&m[1]!=='0'){c.textContent=m[1];c.hidden=false}d.addEventListener('change',function(e){var t=e.target;if(t&&t.hasAttribute&&t.hasAttribute('data-autosubmit')&&t.form){t.form.requestSubmit?t.form.requestSubmit():t.form.submit()}})})();`;
