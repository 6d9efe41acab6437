import { productArtPath } from '../../demo/product-art.ts';
import type { PricedCart } from '../../modules/checkout/index.ts';
import { formatMoney } from '../../platform/money.ts';
import { CsrfField } from '../account/account-page.tsx';
import { codeMessage } from '../cart/cart-page.tsx';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import type { CheckoutView } from './checkout-page.tsx';
import { checkoutPaths } from './checkout-paths.ts';

/**
 * The order summary beside the form: lines, the discount code field, discounts, shipping, each tax
 * rate and the total — all from the cart priced afresh for this page. Folded on a phone (script).
 */
export function CheckoutSummary({ site, view }: { site: StorefrontSite; view: CheckoutView }) {
  const t = messagesFor(site.locale);
  const { priced } = view;
  const money = (amount: number) => formatMoney(amount, priced.currency, site.locale);
  return (
    <aside class="checkout-summary" aria-labelledby="summary-heading">
      <details open>
        <summary>
          <span id="summary-heading">
            {t.cartSummary} <span class="toggle muted">{t.checkoutShowSummary}</span>
          </span>
          <span class="price">{money(priced.totals.total)}</span>
        </summary>
        <div class="summary-body">
          <ul class="summary-lines">
            {priced.lines.map((line) => {
              const image =
                line.imageUrl ??
                (line.defaultHandle ? productArtPath(site.store.handle, line.defaultHandle) : null);
              return (
                <li class="summary-line" key={line.lineId}>
                  <span class="thumb">
                    {image ? (
                      <img src={image} alt="" width={56} height={56} loading="lazy" />
                    ) : (
                      <span class="art" />
                    )}
                    <span class="qty-badge" aria-hidden="true">
                      {line.quantity}
                    </span>
                    <span class="visually-hidden">{t.checkoutQuantity(line.quantity)}</span>
                  </span>
                  <span>
                    <span class="name">{line.title ?? t.cartUnavailable}</span>
                    {line.variantTitle ? <span class="variant"> · {line.variantTitle}</span> : null}
                  </span>
                  <span class="amount">
                    {line.discount > 0 ? <s>{money(line.subtotal)}</s> : null}
                    {money(line.subtotal - line.discount)}
                  </span>
                  {line.problem ? (
                    <p class="line-problem">
                      {line.problem === 'variant_unavailable'
                        ? t.cartUnavailable
                        : line.problem === 'out_of_stock'
                          ? t.cartSoldOut
                          : t.cartOnlyAvailable(line.availability?.available ?? 0)}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {view.progress.locked ? null : <DiscountForm site={site} view={view} t={t} money={money} />}
          <SummaryTotals priced={priced} t={t} money={money} />
        </div>
      </details>
    </aside>
  );
}

function DiscountForm(props: {
  site: StorefrontSite;
  view: CheckoutView;
  t: StorefrontMessages;
  money: (n: number) => string;
}) {
  const { site, view, t, money } = props;
  const { priced } = view;
  const error = view.problems?.section === 'discount' ? view.problems.fields.code : undefined;
  const codes = [
    ...priced.discounts.applied.flatMap((d) => (d.code ? [d.code] : [])),
    ...priced.discounts.rejected.filter((r) => r.kept).map((r) => r.code),
  ].filter((code, i, all) => all.findIndex((c) => c.toLowerCase() === code.toLowerCase()) === i);
  const typed = view.problems?.section === 'discount' ? (view.values.code ?? '') : '';
  return (
    <div class="summary-block">
      <form method="post" action={checkoutPaths.discount(site)}>
        <CsrfField token={view.csrfToken} />
        <label for="discount-code">{t.cartDiscountCode}</label>
        <div class="inline-fields">
          <input
            id="discount-code"
            name="code"
            value={typed}
            autocomplete="off"
            maxLength={64}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'discount-code-error' : undefined}
          />
          <button type="submit">{t.cartApply}</button>
        </div>
      </form>
      {error ? (
        <p class="code-error" id="discount-code-error" role="alert">
          {error}
        </p>
      ) : null}
      {codes.length > 0 ? (
        <ul class="codes">
          {codes.map((code) => (
            <li key={code}>
              <form method="post" action={checkoutPaths.discountRemove(site)} class="code-chip">
                <CsrfField token={view.csrfToken} />
                <input type="hidden" name="code" value={code} />
                <span>{code.toUpperCase()}</span>
                <button type="submit" aria-label={t.cartRemoveCode(code)}>
                  ×
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      {priced.discounts.rejected
        .filter((r) => r.kept)
        .map((r) => (
          <p key={r.code} class="code-error">
            {codeMessage(t, r, priced.currency, money)}
          </p>
        ))}
    </div>
  );
}

/** Subtotal, each discount, shipping, taxes (each rate: inside the prices, or added) and the total. */
function SummaryTotals({
  priced,
  t,
  money,
}: {
  priced: PricedCart;
  t: StorefrontMessages;
  money: (n: number) => string;
}) {
  const { totals, shipping, tax } = priced;
  return (
    <dl class="totals">
      <dt>{t.cartSubtotal}</dt>
      <dd>{money(totals.subtotal)}</dd>
      {priced.discounts.applied.map((d) => (
        <>
          <dt key={`${d.discountId}-t`}>
            {d.code ? `${t.cartDiscount} (${d.code.toUpperCase()})` : d.title}
          </dt>
          <dd key={`${d.discountId}-a`} class="saving">
            −{money(d.amount)}
          </dd>
        </>
      ))}
      {shipping.required ? (
        <>
          <dt>{t.cartShipping}</dt>
          <dd>
            {shipping.mode === 'none'
              ? t.checkoutShippingLater
              : shipping.amount === 0
                ? t.cartShippingFree
                : money(shipping.amount)}
          </dd>
        </>
      ) : null}
      {!totals.taxesIncluded
        ? tax.byRate.map((rate) => (
            <>
              <dt key={`${rate.rateId}-t`}>{rate.name}</dt>
              <dd key={`${rate.rateId}-a`}>{money(rate.amount)}</dd>
            </>
          ))
        : null}
      {!totals.taxesIncluded && !tax.computed ? (
        <>
          <dt>{t.cartTax}</dt>
          <dd>{t.checkoutTaxAfterAddress}</dd>
        </>
      ) : null}
      <dt class="grand">{t.cartTotal}</dt>
      <dd class="grand">
        <small>{priced.currency}</small>
        {money(totals.total)}
      </dd>
      {totals.taxesIncluded && tax.computed
        ? tax.byRate
            .filter((rate) => rate.amount > 0)
            .map((rate) => (
              <dd class="tax-note" key={rate.rateId}>
                {t.checkoutTaxIncludedRate(rate.name, money(rate.amount))}
              </dd>
            ))
        : null}
    </dl>
  );
}
