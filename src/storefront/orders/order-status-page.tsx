import { townLines } from '../../modules/customers/index.ts';
import type { OrderAddress, OrderDetail, ReturnableLines } from '../../modules/orders/index.ts';
import { orderName, returnReasons, trackingUrlFor } from '../../modules/orders/index.ts';
import { formatMoney } from '../../platform/money.ts';
import { CsrfField, SubmitRow } from '../account/account-page.tsx';
import { renderCheckoutDocument } from '../checkout/checkout-document.tsx';
import { formatDate, formatDay } from '../checkout/checkout-words.ts';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import { countryName } from '../market/country-names.ts';
import { homePath, type StorefrontSite } from '../site.ts';
import { orderPaths } from './order-paths.ts';
import { orderStatusText, returnReasonText, returnStatusText } from './order-status-words.ts';

export interface OrderStatusView {
  order: OrderDetail;
  /** The store's order number prefix (order settings): the order is named as the admin and e-mails name it. */
  numberPrefix: string;
  /** Each line's picture by variant id (the shop's current one). */
  images: ReadonlyMap<string, string>;
  /** What may be sent back (null for an order that cannot have returns, e.g. cancelled). */
  returnable: ReturnableLines | null;
  /** How to pay a manual payment still awaited (the store's words). */
  manualPayment: { title: string; instructions: string } | null;
  /** The card's extra step, while it waits and this browser placed the order. */
  actionPath: string | null;
  /** The return form's `_csrf` (derived from the order's token). */
  csrfToken: string;
  /** The return form's problem, and what was chosen in it. */
  returnProblem: string | null;
  values: Record<string, string>;
  notice: 'return-requested' | 'help-sent' | null;
  /** The "Get help" form's problem (its text is in `values.help`). */
  helpProblem: string | null;
  signedIn: boolean;
}

/**
 * /orders/:token — everything the customer needs to know of their order: where it stands, what
 * they bought and paid (with each tax), where it goes and how, its parcels with tracking, refunds
 * and returns, and the return form while items can still be sent back. The token is the secret.
 */
export function renderOrderStatusPage(site: StorefrontSite, view: OrderStatusView): string {
  const t = messagesFor(site.locale);
  const { order } = view;
  const name = orderName(order, view.numberPrefix);
  const money = (amount: number) => formatMoney(amount, order.currency, site.locale);
  const status = orderStatusText(t, order);
  const timezone = site.store.timezone;
  const placedAt = order.placedAt ?? order.createdAt;
  const firstName = (order.shippingAddress ?? order.billingAddress)?.firstName ?? '';
  return renderCheckoutDocument(site, {
    title: t.orderTitle(name),
    signedIn: view.signedIn,
    children: (
      <div class="checkout-page order-page wrap">
        <div class="order-head">
          <div>
            <p class="muted">{t.orderPlacedOn(formatDate(site.locale, placedAt, timezone))}</p>
            <h1>{t.orderTitle(name)}</h1>
          </div>
          <span class={`status-badge tone-${status.tone}`}>{status.text}</span>
        </div>
        {view.notice === 'return-requested' ? (
          <p class="notice-ok" role="status">
            {t.orderReturnSent}
          </p>
        ) : null}
        {view.notice === 'help-sent' ? (
          <p class="notice-ok" role="status">
            {t.orderHelpSent}
          </p>
        ) : null}
        {order.status !== 'cancelled' ? (
          <p class="lead-line">
            {t.orderThanks(firstName)} {t.orderConfirmationSent(order.email)}
          </p>
        ) : null}
        {view.actionPath ? (
          <div class="panel pay-box">
            <p>{t.orderConfirmPaymentLead}</p>
            <a class="btn" href={view.actionPath}>
              {t.orderConfirmPayment}
            </a>
          </div>
        ) : null}
        {view.manualPayment ? (
          <div class="panel pay-box">
            <h2>{t.orderHowToPay(view.manualPayment.title)}</h2>
            <p>{t.orderAmountToPay(money(order.total - order.refundedAmount), name)}</p>
            {view.manualPayment.instructions ? (
              <p class="instructions">{view.manualPayment.instructions}</p>
            ) : null}
          </div>
        ) : null}
        <div class="checkout-grid">
          <aside class="checkout-summary">
            <div class="summary-body" style="padding-top:22px">
              <h2 class="summary-title">{t.orderItems}</h2>
              <ul class="summary-lines">
                {order.lines.map((line) => (
                  <li class="summary-line" key={line.id}>
                    <span class="thumb">
                      {line.variantId && view.images.get(line.variantId) ? (
                        <img
                          src={view.images.get(line.variantId)}
                          alt=""
                          width={56}
                          height={56}
                          loading="lazy"
                        />
                      ) : (
                        <span class="art" />
                      )}
                      <span class="qty-badge" aria-hidden="true">
                        {line.quantity}
                      </span>
                      <span class="visually-hidden">{t.checkoutQuantity(line.quantity)}</span>
                    </span>
                    <span>
                      <span class="name">{line.title}</span>
                      {line.variantTitle ? <span class="variant"> · {line.variantTitle}</span> : null}
                    </span>
                    <span class="amount">
                      {line.discount > 0 ? <s>{money(line.subtotal)}</s> : null}
                      {money(line.subtotal - line.discount)}
                    </span>
                  </li>
                ))}
              </ul>
              <OrderTotals order={order} t={t} money={money} />
            </div>
          </aside>
          <div class="checkout-main">
            <section class="panel">
              <h2>{t.orderDelivery}</h2>
              <div class="order-facts">
                {order.shippingAddress ? (
                  <div>
                    <h3>{t.orderShippingAddress}</h3>
                    <Address site={site} address={order.shippingAddress} />
                  </div>
                ) : null}
                {order.billingAddress ? (
                  <div>
                    <h3>{t.orderBillingAddress}</h3>
                    <Address site={site} address={order.billingAddress} />
                  </div>
                ) : null}
                {order.shipping ? (
                  <div>
                    <h3>{t.orderShippingMethod}</h3>
                    <p>{order.shipping.title}</p>
                    {order.shipping.estimate && order.status !== 'cancelled' ? (
                      <p class="muted">
                        {t.cartArrives(
                          formatDay(site.locale, order.shipping.estimate.earliest),
                          formatDay(site.locale, order.shipping.estimate.latest),
                        )}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </section>
            {order.fulfilments.length > 0 ? (
              <section class="panel">
                <h2>{t.orderParcels}</h2>
                <ul class="parcels">
                  {order.fulfilments.map((parcel, i) => {
                    const url = parcel.trackingUrl ?? trackingUrlFor(parcel.carrier, parcel.trackingNumber);
                    const units = parcel.lines.reduce((sum, l) => sum + l.quantity, 0);
                    return (
                      <li key={parcel.id} class="parcel">
                        <div>
                          <strong>{t.orderParcel(i + 1)}</strong> · {t.orderItemCount(units)}
                          <p class="muted">
                            {parcel.status === 'delivered' && parcel.deliveredAt
                              ? t.orderParcelDelivered(formatDate(site.locale, parcel.deliveredAt, timezone))
                              : parcel.status === 'cancelled'
                                ? t.orderParcelCancelled
                                : t.orderParcelShipped(formatDate(site.locale, parcel.shippedAt, timezone))}
                          </p>
                          {parcel.carrier || parcel.trackingNumber ? (
                            <p>{[parcel.carrier, parcel.trackingNumber].filter(Boolean).join(' · ')}</p>
                          ) : null}
                        </div>
                        {url && parcel.status !== 'cancelled' ? (
                          <a
                            class="btn btn-quiet btn-small"
                            href={url}
                            rel="noopener noreferrer"
                            target="_blank"
                          >
                            {t.orderTrack}
                          </a>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ) : null}
            {order.refunds.length > 0 ? (
              <section class="panel">
                <h2>{t.orderRefunds}</h2>
                <ul class="plain-list">
                  {order.refunds.map((refund) => (
                    <li key={refund.id}>
                      {t.orderRefunded(
                        money(refund.amount),
                        formatDate(site.locale, refund.createdAt, timezone),
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {order.returns.length > 0 ? (
              <section class="panel">
                <h2>{t.orderReturns}</h2>
                <ul class="plain-list">
                  {order.returns.map((ret) => (
                    <li key={ret.id}>
                      <strong>{returnStatusText(t, ret.status)}</strong> ·{' '}
                      {formatDate(site.locale, ret.requestedAt, timezone)}
                      <ul>
                        {ret.lines.map((l) => {
                          const line = order.lines.find((ol) => ol.id === l.orderLineId);
                          return (
                            <li key={l.orderLineId}>
                              {l.quantity} × {line?.title ?? ''} — {returnReasonText(t, l.reason)}
                            </li>
                          );
                        })}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <ReturnForm site={site} view={view} t={t} />
            <HelpForm site={site} view={view} t={t} />
            <p class="links">
              <a href={homePath(site)}>{t.cartContinueShopping}</a>
            </p>
          </div>
        </div>
      </div>
    ),
  });
}

function OrderTotals({
  order,
  t,
  money,
}: {
  order: OrderDetail;
  t: StorefrontMessages;
  money: (n: number) => string;
}) {
  return (
    <dl class="totals">
      <dt>{t.cartSubtotal}</dt>
      <dd>{money(order.subtotal)}</dd>
      {order.discounts.map((d) => (
        <>
          <dt key={`${d.discountId}-t`}>{d.code ? `${t.cartDiscount} (${d.code})` : d.title}</dt>
          <dd key={`${d.discountId}-a`} class="saving">
            −{money(d.amount)}
          </dd>
        </>
      ))}
      {order.shipping ? (
        <>
          <dt>{t.cartShipping}</dt>
          <dd>{order.shipping.amount === 0 ? t.cartShippingFree : money(order.shipping.amount)}</dd>
        </>
      ) : null}
      {!order.taxesIncluded
        ? order.taxLines.map((line) => (
            <>
              <dt key={`${line.rateId}-t`}>{line.name}</dt>
              <dd key={`${line.rateId}-a`}>{money(line.amount)}</dd>
            </>
          ))
        : null}
      <dt class="grand">{t.cartTotal}</dt>
      <dd class="grand">
        <small>{order.currency}</small>
        {money(order.total)}
      </dd>
      {order.taxesIncluded
        ? order.taxLines
            .filter((line) => line.amount > 0)
            .map((line) => (
              <dd class="tax-note" key={line.rateId}>
                {t.checkoutTaxIncludedRate(line.name, money(line.amount))}
              </dd>
            ))
        : null}
      {order.refundedAmount > 0 ? (
        <>
          <dt>{t.orderRefundedTotal}</dt>
          <dd class="saving">−{money(order.refundedAmount)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Address({ site, address }: { site: StorefrontSite; address: OrderAddress }) {
  const lines = [
    `${address.firstName} ${address.lastName}`,
    address.company,
    address.line1,
    address.line2,
    ...townLines(address),
    countryName(site.locale, address.country),
  ].filter((line): line is string => Boolean(line));
  return (
    <address>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </address>
  );
}

/**
 * "Request a return": each line that can still go back (shipped, not already in a return, inside
 * its window) with how many and why; or when the window closed, the day it did.
 */
function ReturnForm({
  site,
  view,
  t,
}: {
  site: StorefrontSite;
  view: OrderStatusView;
  t: StorefrontMessages;
}) {
  const { returnable, order } = view;
  if (!returnable || order.status === 'cancelled') return null;
  const shipped = returnable.lines.filter((l) => l.fulfilledQuantity > 0);
  if (shipped.length === 0) return null;
  const open = shipped.filter((l) => l.window.open && l.returnableQuantity > 0);
  const lastDays = shipped
    .map((l) => l.window.lastDay)
    .filter((d): d is string => d !== null)
    .sort();
  if (open.length === 0) {
    const closedOn = lastDays.at(-1);
    if (!closedOn || shipped.every((l) => l.returnableQuantity === 0 && l.window.open)) return null;
    return (
      <section class="panel">
        <h2>{t.orderRequestReturn}</h2>
        <p class="muted">{t.orderReturnWindowClosed(formatDay(site.locale, closedOn))}</p>
      </section>
    );
  }
  const until = open
    .map((l) => l.window.lastDay)
    .filter((d): d is string => d !== null)
    .sort()[0];
  return (
    <section class="panel" id="return" aria-labelledby="return-heading">
      <h2 id="return-heading">{t.orderRequestReturn}</h2>
      {until ? <p class="muted">{t.orderReturnUntil(formatDay(site.locale, until))}</p> : null}
      {view.returnProblem ? (
        <p class="form-problem" role="alert">
          {view.returnProblem}
        </p>
      ) : null}
      <form class="form" method="post" action={orderPaths.returns(site, order.token)}>
        <CsrfField token={view.csrfToken} />
        {open.map((line) => {
          const qtyName = `qty.${line.orderLineId}`;
          const reasonName = `reason.${line.orderLineId}`;
          return (
            <fieldset class="return-line" key={line.orderLineId}>
              <legend>
                {line.title}
                {line.variantTitle ? ` · ${line.variantTitle}` : ''}
              </legend>
              <div class="form-row">
                <div class="field">
                  <label for={`f-${qtyName}`}>{t.orderReturnQuantity}</label>
                  <select id={`f-${qtyName}`} name={qtyName}>
                    {[...Array(line.returnableQuantity + 1).keys()].map((n) => (
                      <option key={n} value={String(n)} selected={view.values[qtyName] === String(n)}>
                        {n}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`f-${reasonName}`}>{t.orderReturnReason}</label>
                  <select id={`f-${reasonName}`} name={reasonName}>
                    {returnReasons.map((reason) => (
                      <option key={reason} value={reason} selected={view.values[reasonName] === reason}>
                        {returnReasonText(t, reason)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </fieldset>
          );
        })}
        <div class="field">
          <label for="f-comment">
            {t.orderReturnComment} <span class="optional">({t.accountOptional})</span>
          </label>
          <textarea id="f-comment" name="comment" rows={3} maxLength={2000}>
            {view.values.comment ?? ''}
          </textarea>
        </div>
        <SubmitRow label={t.orderReturnSubmit} />
      </form>
    </section>
  );
}

/** "Get help with this order": a message to the store's support inbox, linked to the order. */
function HelpForm({ site, view, t }: { site: StorefrontSite; view: OrderStatusView; t: StorefrontMessages }) {
  return (
    <section class="panel" id="help" aria-labelledby="help-heading">
      <h2 id="help-heading">{t.orderHelpTitle}</h2>
      <p class="muted">{t.orderHelpLead}</p>
      {view.helpProblem ? (
        <p class="form-problem" role="alert">
          {view.helpProblem}
        </p>
      ) : null}
      <form class="form" method="post" action={orderPaths.help(site, view.order.token)}>
        <CsrfField token={view.csrfToken} />
        <div class="field">
          <label for="f-help">{t.contactMessage}</label>
          <textarea id="f-help" name="help" rows={4} maxLength={10000} required>
            {view.values.help ?? ''}
          </textarea>
        </div>
        <SubmitRow label={t.orderHelpSend} />
      </form>
    </section>
  );
}
