import { formatMoney } from '../../platform/money.ts';
import { CsrfField } from '../account/account-page.tsx';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { type CheckoutView, FormLine, fieldProblems, Step, stepState } from './checkout-page.tsx';
import { checkoutPaths } from './checkout-paths.ts';

/**
 * (4) How to pay, and the button that places the order: the store's enabled ways (the test card
 * with its fields and a plain "test mode" note; bank transfer or the like with the store's own
 * instructions). The form carries the idempotency key made with the page and the total shown, so a
 * double click or a refresh places one order, and a total that changed meanwhile is never charged.
 */
export function PaymentSection({ site, view }: { site: StorefrontSite; view: CheckoutView }) {
  const t = messagesFor(site.locale);
  const state = view.progress.readyToPay ? 'open' : stepState(view, 'payment');
  const { total } = view.priced.totals;
  const money = formatMoney(total, view.priced.currency, site.locale);
  const providers = (['test_card', 'manual'] as const).filter((p) => view.payments.providers[p].enabled);
  const posted = view.problems?.section === 'payment' ? view.values.provider : undefined;
  const chosen = providers.find((p) => p === posted) ?? providers[0];
  return (
    <Step
      site={site}
      id="payment"
      number={view.priced.shipping.required ? 4 : 3}
      title={t.checkoutStepPayment}
      state={state === 'done' ? 'later' : state}
    >
      <FormLine view={view} section="payment" />
      <form class="form" method="post" action={checkoutPaths.place(site)} novalidate data-once>
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
        <input type="hidden" name="expectedTotal" value={String(total)} />
        {total === 0 ? (
          <>
            <input type="hidden" name="provider" value={chosen ?? 'manual'} />
            <p class="hint-line">{t.checkoutNothingToPay}</p>
          </>
        ) : (
          <fieldset class="choices">
            <legend class="visually-hidden">{t.checkoutStepPayment}</legend>
            {providers.map((provider) => (
              <div key={provider}>
                <label class="choice">
                  <input
                    type="radio"
                    id={`pay-${provider}`}
                    name="provider"
                    value={provider}
                    checked={provider === chosen}
                  />
                  <span class="choice-title">
                    {provider === 'test_card' ? t.checkoutPayByCard : view.payments.providers.manual.title}
                  </span>
                  <span class="choice-amount">
                    {provider === 'test_card' ? <span class="card-icon" aria-hidden="true" /> : null}
                  </span>
                </label>
                {provider === 'test_card' ? (
                  <CardFields t={t} view={view} />
                ) : (
                  <div class="pay-method pay-manual">
                    <p class="instructions">
                      {view.payments.providers.manual.instructions || t.checkoutManualNote}
                    </p>
                  </div>
                )}
              </div>
            ))}
          </fieldset>
        )}
        {/* Unticked by default: marketing consent is asked for, never assumed (recorded with the order). */}
        <label class="choice marketing-consent">
          <input
            type="checkbox"
            name="acceptsMarketing"
            value="yes"
            checked={view.values.acceptsMarketing === 'yes'}
          />
          <span>{t.checkoutMarketingConsent}</span>
        </label>
        <button class="btn place" type="submit">
          {total > 0 && chosen === 'test_card' ? t.checkoutPay(money) : t.checkoutPlaceOrder}
        </button>
        <p class="secure-note">{t.checkoutSecureNote}</p>
      </form>
    </Step>
  );
}

/** The card's fields. Never filled from what was typed: card details go once to the provider and nowhere else. */
function CardFields({ t, view }: { t: StorefrontMessages; view: CheckoutView }) {
  const { fields } = fieldProblems(view, 'payment');
  const input = (name: string, label: string, attributes: Record<string, unknown>) => {
    const id = `f-${name}`;
    const error = fields[name];
    return (
      <div class={`field${error ? ' field-error' : ''}`}>
        <label for={id}>{label}</label>
        <input
          {...attributes}
          id={id}
          name={name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p class="error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <div class="pay-method pay-test_card">
      <p class="test-mode">
        <strong>{t.checkoutTestMode}</strong>
        <span>{t.checkoutTestModeNote}</span>
      </p>
      {input('cardNumber', t.checkoutCardNumber, {
        type: 'text',
        inputMode: 'numeric',
        autocomplete: 'cc-number',
        placeholder: '4242 4242 4242 4242',
        maxLength: 23,
      })}
      <div class="card-row">
        {input('expiry', t.checkoutCardExpiry, {
          type: 'text',
          inputMode: 'numeric',
          autocomplete: 'cc-exp',
          placeholder: 'MM/YY',
          maxLength: 7,
        })}
        {input('cvc', t.checkoutCardCvc, {
          type: 'text',
          inputMode: 'numeric',
          autocomplete: 'cc-csc',
          placeholder: '123',
          maxLength: 4,
        })}
      </div>
      {input('holderName', t.checkoutCardName, { type: 'text', autocomplete: 'cc-name', maxLength: 200 })}
    </div>
  );
}
