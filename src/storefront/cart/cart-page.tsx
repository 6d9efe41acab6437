import { productArtPath } from '../../demo/product-art.ts';
import type { PricedCart, PricedCartLine, RejectedCartCode } from '../../modules/checkout/index.ts';
import { formatMoney } from '../../platform/money.ts';
import { Document, renderDocument } from '../document.tsx';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import { byCountryName, countryName } from '../market/country-names.ts';
import { homePath, productPath, type StorefrontSite } from '../site.ts';
import { StoreLayout } from '../store-layout.tsx';
import { type CartNotice, noticeText } from './cart-notice.ts';
import { cartPaths } from './cart-paths.ts';
import { cartCss } from './cart-styles.ts';

export interface CartPageView {
  site: StorefrontSite;
  /** Null when the shopper has no cart yet. */
  priced: PricedCart | null;
  /** The `_csrf` of the page's forms (derived from the cart's token). */
  csrfToken: string | null;
  /** The "ship to" list. */
  countries: readonly string[];
  notice: CartNotice | null;
  /** The subtotal from which delivery to the cart's country ships free (with the visitor's variant); null: none. */
  freeShippingFrom: number | null;
}

/** The cart: its lines, codes, the shipping estimate for a country, tax and totals, and the way to checkout. */
export function renderCartPage(view: CartPageView): string {
  const { site, priced } = view;
  const t = messagesFor(site.locale);
  const lines = priced?.lines ?? [];
  return renderDocument(
    <Document
      lang={site.locale}
      title={`${t.cartTitle} | ${site.store.name}`}
      noindex
      head={
        <>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constants of this module. */}
          <style dangerouslySetInnerHTML={{ __html: cartCss }} />
        </>
      }
    >
      <StoreLayout site={site} cartCount={priced?.itemCount ?? 0}>
        <div class="cart wrap">
          <div class="cart-head">
            <h1>{t.cartTitle}</h1>
            {lines.length > 0 ? <span class="count">{t.cartItemCount(priced!.itemCount)}</span> : null}
          </div>
          {view.notice ? <Notice t={t} notice={view.notice} priced={priced} locale={site.locale} /> : null}
          {priced && lines.length > 0 ? (
            <CartContents view={view} priced={priced} t={t} />
          ) : (
            <div class="cart-empty">
              <p>
                {t.cartEmpty} {t.cartEmptyHint}
              </p>
              <a class="button" href={homePath(site)}>
                {t.cartContinueShopping}
              </a>
            </div>
          )}
        </div>
      </StoreLayout>
    </Document>,
  );
}

function Notice(props: {
  t: StorefrontMessages;
  notice: CartNotice;
  priced: PricedCart | null;
  locale: string;
}) {
  const text = noticeText(props.t, props.notice, props.priced);
  if (!text) return null;
  return (
    <p
      class={`cart-notice ${props.notice.kind === 'error' ? 'error' : 'ok'}`}
      role={props.notice.kind === 'error' ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}

function CartContents({
  view,
  priced,
  t,
}: {
  view: CartPageView;
  priced: PricedCart;
  t: StorefrontMessages;
}) {
  const { site } = view;
  const money = (amount: number) => formatMoney(amount, priced.currency, site.locale);
  return (
    <div class="cart-grid">
      <section aria-label={t.cartTitle}>
        {priced.problems.some((p) => p.lineId) ? <p class="cart-notice error">{t.cartProblemsLead}</p> : null}
        <ul class="cart-lines">
          {priced.lines.map((line) => (
            <CartLineItem key={line.lineId} view={view} line={line} money={money} t={t} />
          ))}
        </ul>
      </section>
      <aside class="cart-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t.cartSummary}</h2>
        <DiscountCodes view={view} priced={priced} t={t} money={money} />
        <ShipTo view={view} priced={priced} t={t} money={money} />
        <Totals priced={priced} t={t} money={money} />
        <a
          class="button checkout"
          href={cartPaths.checkout(site)}
          aria-disabled={priced.purchasable ? undefined : 'true'}
        >
          {t.cartCheckout}
        </a>
        <a class="continue" href={homePath(site)}>
          {t.cartContinueShopping}
        </a>
      </aside>
    </div>
  );
}

function Csrf({ token }: { token: string | null }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

function CartLineItem(props: {
  view: CartPageView;
  line: PricedCartLine;
  money: (amount: number) => string;
  t: StorefrontMessages;
}) {
  const { view, line, money, t } = props;
  const { site } = view;
  const title = line.title ?? t.cartUnavailable;
  const href = line.productHandle ? productPath(site, line.productHandle) : undefined;
  const image =
    line.imageUrl ?? (line.defaultHandle ? productArtPath(site.store.handle, line.defaultHandle) : undefined);
  const charged = line.subtotal - line.discount;
  return (
    <li class="cart-line">
      {image ? <img src={image} alt="" width={96} height={96} loading="lazy" decoding="async" /> : <span />}
      <div>
        <h2>{href ? <a href={href}>{title}</a> : title}</h2>
        {line.variantTitle ? <p class="variant">{line.variantTitle}</p> : null}
        {line.problem !== 'variant_unavailable' ? (
          <p class="each">
            {t.cartEach(money(line.unitAmount))}
            {line.compareAtAmount ? <s>{money(line.compareAtAmount)}</s> : null}
          </p>
        ) : null}
        {line.problem ? <p class="problem">{problemText(t, line)}</p> : null}
        <div class="line-actions">
          {line.problem !== 'variant_unavailable' ? (
            <form method="post" action={cartPaths.line(site, line.lineId)} class="qty">
              <Csrf token={view.csrfToken} />
              <label class="qty">
                <span class="visually-hidden">{t.cartQuantityOf(title)}</span>
                <input
                  type="number"
                  name="quantity"
                  value={String(line.quantity)}
                  min="0"
                  max="9999"
                  inputMode="numeric"
                  data-autosubmit
                />
              </label>
              <button type="submit" class="quiet-button js-hide">
                {t.cartUpdate}
              </button>
            </form>
          ) : null}
          <form method="post" action={cartPaths.line(site, line.lineId)}>
            <Csrf token={view.csrfToken} />
            <input type="hidden" name="quantity" value="0" />
            <button type="submit" class="link-button" aria-label={t.cartRemoveItem(title)}>
              {t.cartRemove}
            </button>
          </form>
        </div>
      </div>
      <div class="line-total">
        {line.discount > 0 ? <s>{money(line.subtotal)}</s> : null}
        {money(charged)}
      </div>
    </li>
  );
}

function problemText(t: StorefrontMessages, line: PricedCartLine): string {
  if (line.problem === 'variant_unavailable') return t.cartUnavailable;
  if (line.problem === 'out_of_stock') return t.cartSoldOut;
  return t.cartOnlyAvailable(line.availability?.available ?? 0);
}

function DiscountCodes(props: {
  view: CartPageView;
  priced: PricedCart;
  t: StorefrontMessages;
  money: (amount: number) => string;
}) {
  const { view, priced, t, money } = props;
  const { site } = view;
  const applied = priced.discounts.applied.filter((d) => d.code !== null);
  const keptRejections = new Set(
    priced.discounts.rejected.filter((r) => r.kept).map((r) => r.code.toLowerCase()),
  );
  const chips = [
    ...applied.map((d) => d.code!),
    // A kept code that stopped applying still shows, with why, and can be removed.
    ...priced.discounts.rejected.filter((r) => r.kept).map((r) => r.code),
  ].filter((code, i, all) => all.findIndex((c) => c.toLowerCase() === code.toLowerCase()) === i);
  return (
    <div class="summary-block">
      <form method="post" action={cartPaths.discount(site)}>
        <Csrf token={view.csrfToken} />
        <label for="discount-code">{t.cartDiscountCode}</label>
        <div class="inline-fields">
          <input id="discount-code" name="code" autocomplete="off" maxLength={64} required />
          <button type="submit">{t.cartApply}</button>
        </div>
      </form>
      {chips.length > 0 ? (
        <ul class="codes">
          {chips.map((code) => (
            <li key={code}>
              <form method="post" action={cartPaths.discountRemove(site)} class="code-chip">
                <Csrf token={view.csrfToken} />
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
        .filter((r) => !r.kept || keptRejections.has(r.code.toLowerCase()))
        .map((r) => (
          <p key={r.code} class="code-error" role={r.kept ? undefined : 'alert'}>
            {codeMessage(t, r, priced.currency, money)}
          </p>
        ))}
    </div>
  );
}

/** Why a code does not apply, in the page's language, from the engine's reason and details. */
export function codeMessage(
  t: StorefrontMessages,
  rejection: Pick<RejectedCartCode, 'code' | 'reason' | 'details'>,
  currency: string,
  money: (amount: number) => string,
): string {
  const { code, details } = rejection;
  switch (rejection.reason) {
    case 'unknown_code':
      return t.cartCodeUnknown(code);
    case 'disabled':
    case 'not_started':
      return t.cartCodeInactive(code);
    case 'expired':
      return t.cartCodeExpired(code);
    case 'usage_limit_reached':
    case 'customer_limit_reached':
      return t.cartCodeUsedUp(code);
    case 'customer_required':
      return t.cartCodeNeedsEmail(code);
    case 'customer_not_eligible':
      return t.cartCodeNotForYou(code);
    case 'wrong_currency':
      return t.cartCodeWrongCurrency(code, currency);
    case 'not_applicable':
      return t.cartCodeNotApplicable(code);
    case 'below_minimum_subtotal':
      return t.cartCodeSpendMore(code, money(Number(details?.minimum ?? 0) - Number(details?.subtotal ?? 0)));
    case 'below_minimum_quantity':
      return t.cartCodeAddMore(code, Number(details?.minimum ?? 0) - Number(details?.quantity ?? 0));
    case 'does_not_combine':
      return t.cartCodeNoCombine(code);
    case 'nothing_to_discount':
      return t.cartCodeNothing(code);
  }
}

function ShipTo(props: {
  view: CartPageView;
  priced: PricedCart;
  t: StorefrontMessages;
  money: (amount: number) => string;
}) {
  const { view, priced, t, money } = props;
  const { site } = view;
  const { shipping } = priced;
  if (!shipping.required) return null;
  const option = shipping.option;
  const delivery = shipping.options.filter((o) => o.type === 'delivery');
  const charged = shipping.amount - shipping.discount;
  const window = option?.type === 'delivery' ? option.estimate : null;
  return (
    <div class="summary-block">
      <form method="post" action={cartPaths.country(site)}>
        <Csrf token={view.csrfToken} />
        <label for="ship-to">{t.cartShippingTo}</label>
        <div class="inline-fields">
          <select id="ship-to" name="country" data-autosubmit>
            {priced.country ? null : <option value="">—</option>}
            {byCountryName(site.locale, view.countries).map((code) => (
              <option key={code} value={code} selected={code === priced.country}>
                {countryName(site.locale, code)}
              </option>
            ))}
          </select>
          <button type="submit" class="js-hide">
            {t.cartUpdate}
          </button>
        </div>
      </form>
      <div class="estimate" aria-live="polite">
        {!priced.country ? <span>{t.cartShippingChooseCountry}</span> : null}
        {priced.problems.some((p) => p.code === 'no_shipping_to_country') ? (
          <span>{t.cartNoShipping}</span>
        ) : null}
        {option ? (
          <span>
            <strong>{option.name}</strong> · {charged === 0 ? t.cartShippingFree : money(charged)}
          </span>
        ) : null}
        {window ? (
          <span>
            {t.cartArrives(formatDay(site.locale, window.earliest), formatDay(site.locale, window.latest))}
          </span>
        ) : null}
        {delivery.length > 1 && shipping.range ? (
          <span>
            {t.cartShippingOptions(delivery.length, money(shipping.range.min), money(shipping.range.max))}
          </span>
        ) : null}
        {view.freeShippingFrom !== null ? (
          <span class="free-shipping-note">{t.freeShippingNote(money(view.freeShippingFrom))}</span>
        ) : null}
        {shipping.options.some((o) => o.type === 'pickup') ? <span>{t.cartPickupAvailable}</span> : null}
        {shipping.mayVaryByRegion ? <span>{t.cartMayVary}</span> : null}
      </div>
    </div>
  );
}

/** A delivery day (YYYY-MM-DD, the store's calendar) as the page's language writes it: "Mon, 8 Jul". */
function formatDay(locale: string, day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return day;
  }
}

function Totals({
  priced,
  t,
  money,
}: {
  priced: PricedCart;
  t: StorefrontMessages;
  money: (amount: number) => string;
}) {
  const { totals, shipping, tax } = priced;
  return (
    <dl class="totals">
      <dt>{t.cartSubtotal}</dt>
      <dd>{money(totals.subtotal)}</dd>
      {shipping.required ? (
        <>
          <dt>{t.cartShipping}</dt>
          <dd>
            {shipping.option ? (shipping.amount === 0 ? t.cartShippingFree : money(shipping.amount)) : '—'}
          </dd>
        </>
      ) : null}
      {totals.discountTotal > 0 ? (
        <>
          <dt>{t.cartDiscount}</dt>
          <dd class="saving">−{money(totals.discountTotal)}</dd>
        </>
      ) : null}
      {!totals.taxesIncluded ? (
        <>
          <dt>{t.cartTax}</dt>
          <dd>{tax.computed ? money(totals.taxTotal) : t.cartTaxAtCheckout}</dd>
        </>
      ) : null}
      <dt class="grand">{t.cartTotal}</dt>
      <dd class="grand">
        <small>{priced.currency}</small>
        {money(totals.total)}
      </dd>
      {totals.taxesIncluded && tax.computed && totals.taxTotal > 0 ? (
        <dd class="tax-note">{t.cartTaxIncluded(money(totals.taxTotal))}</dd>
      ) : null}
      {tax.computed && tax.estimated && totals.taxTotal > 0 ? (
        <dd class="tax-note">{t.cartTaxEstimated}</dd>
      ) : null}
    </dl>
  );
}
