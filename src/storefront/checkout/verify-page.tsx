import type { Payment } from '../../modules/payments/index.ts';
import { formatMoney } from '../../platform/money.ts';
import { CsrfField } from '../account/account-page.tsx';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { renderCheckoutDocument } from './checkout-document.tsx';

/**
 * The test card's stand-in for a bank's 3-D Secure page: the amount, the shop and the card, and
 * two answers. A real provider would send the shopper to the bank's own page instead.
 */
export function renderVerifyPage(
  site: StorefrontSite,
  view: { payment: Payment; csrfToken: string; action: string },
): string {
  const t = messagesFor(site.locale);
  const { payment } = view;
  const brand = payment.card ? payment.card.brand.charAt(0).toUpperCase() + payment.card.brand.slice(1) : '';
  return renderCheckoutDocument(site, {
    title: t.checkoutVerifyTitle,
    children: (
      <div class="wrap">
        <section class="verify" aria-labelledby="verify-heading">
          <div class="bank">
            <svg
              role="img"
              aria-label={t.checkoutVerifyTitle}
              width="28"
              height="28"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
            >
              <path d="M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6z" />
              <path d="M8.5 12l2.5 2.5 4.5-5" />
            </svg>
          </div>
          <h1 id="verify-heading">{t.checkoutVerifyTitle}</h1>
          <p>{t.checkoutVerifyLead}</p>
          <dl>
            <dt>{t.checkoutVerifyMerchant}</dt>
            <dd>{site.store.name}</dd>
            <dt>{t.checkoutVerifyAmount}</dt>
            <dd>{formatMoney(payment.amount, payment.currency, site.locale)}</dd>
            {payment.card ? (
              <>
                <dt>{t.checkoutVerifyCard}</dt>
                <dd>
                  {brand} •••• {payment.card.last4}
                </dd>
              </>
            ) : null}
          </dl>
          <p class="test-mode">
            <strong>{t.checkoutTestMode}</strong>
            <span>{t.checkoutVerifyTestNote}</span>
          </p>
          <form method="post" action={view.action} data-once>
            <CsrfField token={view.csrfToken} />
            <div class="actions" style="margin-top:20px">
              <button class="btn" type="submit" name="decision" value="approve">
                {t.checkoutVerifyApprove}
              </button>
              <button class="btn btn-quiet" type="submit" name="decision" value="fail">
                {t.checkoutVerifyFail}
              </button>
            </div>
          </form>
        </section>
      </div>
    ),
  });
}
