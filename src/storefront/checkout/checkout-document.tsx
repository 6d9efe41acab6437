import type { ComponentChildren } from 'preact';
import { accountCss } from '../account/account-styles.ts';
import { cartCss } from '../cart/cart-styles.ts';
import { Document, renderDocument } from '../document.tsx';
import type { StorefrontSite } from '../site.ts';
import { StoreLayout } from '../store-layout.tsx';
import { checkoutCss } from './checkout-styles.ts';

/**
 * The checkout's small script, all of it optional (every form works without it): on a phone the
 * order summary starts folded; the region menu lists only the chosen country's regions (and hides
 * for countries without them); a placing form's button is disabled once pressed (the idempotency
 * key already makes a second press harmless).
 */
export const checkoutScript = `document.addEventListener('DOMContentLoaded',function(){var s=document.querySelector('.checkout-summary details');if(s&&window.matchMedia('(max-width:959px)').matches)s.open=false;document.querySelectorAll('select[data-country-for]').forEach(function(r){var c=document.getElementById(r.getAttribute('data-country-for'));if(!c)return;var f=r.closest('.field');function sync(){var any=false;r.querySelectorAll('optgroup').forEach(function(g){var on=g.getAttribute('data-country')===c.value;g.disabled=!on;g.hidden=!on;any=any||on});var o=r.options[r.selectedIndex];if(o&&o.parentElement&&o.parentElement.disabled)r.value='';if(f)f.style.display=any?'':'none'}c.addEventListener('change',sync);sync()});document.querySelectorAll('form[data-once]').forEach(function(f){f.addEventListener('submit',function(){var b=f.querySelector('button[type=submit]');if(b){setTimeout(function(){b.disabled=true},0);b.setAttribute('aria-busy','true')}})})});`;

/** A page of the checkout or of an order: never indexed, never cached, the shop's header around it. */
export function renderCheckoutDocument(
  site: StorefrontSite,
  page: { title: string; signedIn?: boolean; cartCount?: number; children: ComponentChildren },
): string {
  return renderDocument(
    <Document
      lang={site.locale}
      title={`${page.title} | ${site.store.name}`}
      noindex
      head={
        <>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constants of these modules, never user data. */}
          <style dangerouslySetInnerHTML={{ __html: accountCss + cartCss + checkoutCss }} />
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
          <script dangerouslySetInnerHTML={{ __html: checkoutScript }} />
        </>
      }
    >
      <StoreLayout
        site={site}
        {...(page.signedIn !== undefined ? { customerSignedIn: page.signedIn } : {})}
        {...(page.cartCount !== undefined ? { cartCount: page.cartCount } : {})}
      >
        {page.children}
      </StoreLayout>
    </Document>,
  );
}
