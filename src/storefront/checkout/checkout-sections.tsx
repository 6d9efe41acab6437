import { formatMoney } from '../../platform/money.ts';
import { CsrfField, Field } from '../account/account-page.tsx';
import { accountPaths } from '../account/account-paths.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { countryName } from '../market/country-names.ts';
import type { StorefrontSite } from '../site.ts';
import { type CheckoutView, FormLine, fieldProblems, Step, shown, stepState } from './checkout-page.tsx';
import { checkoutPaths } from './checkout-paths.ts';
import { whenText } from './checkout-words.ts';

/** (1) The e-mail the order is sent to; a guest may sign in instead. */
export function ContactSection({ site, view }: { site: StorefrontSite; view: CheckoutView }) {
  const t = messagesFor(site.locale);
  const state = stepState(view, 'contact');
  const email = shown(view, 'contact', 'email', view.cart.email ?? view.customer?.email);
  return (
    <Step
      site={site}
      id="contact"
      number={1}
      title={t.checkoutStepContact}
      state={state}
      locked={view.progress.locked}
      recap={view.cart.email}
    >
      <FormLine view={view} section="contact" />
      <form class="form" method="post" action={checkoutPaths.contact(site)} novalidate>
        <CsrfField token={view.csrfToken} />
        <Field
          name="email"
          type="email"
          label={t.accountEmail}
          value={email}
          autocomplete="email"
          required
          maxLength={254}
          hint={t.checkoutEmailHint}
          problems={fieldProblems(view, 'contact')}
        />
        <div class="actions">
          <button class="btn" type="submit">
            {t.checkoutContinue}
          </button>
          {view.customer ? (
            <span class="muted">{t.checkoutSignedInAs(view.customer.email)}</span>
          ) : (
            <span class="muted">
              {t.checkoutHaveAccount} <a href={accountPaths.login(site)}>{t.accountSignInLink}</a>
            </span>
          )}
        </div>
      </form>
    </Step>
  );
}

/** (3) How the order travels: the options a fresh quote offers for the address, with amounts and windows. */
export function ShippingSection({ site, view }: { site: StorefrontSite; view: CheckoutView }) {
  const t = messagesFor(site.locale);
  const { shipping, currency } = view.priced;
  if (!shipping.required) return null;
  const money = (amount: number) =>
    amount === 0 ? t.cartShippingFree : formatMoney(amount, currency, site.locale);
  const state = stepState(view, 'shipping');
  const chosen = shipping.mode === 'selected' ? shipping.option : null;
  const problems = fieldProblems(view, 'shipping');
  const picked = shown(view, 'shipping', 'option', chosen?.key ?? shipping.option?.key);
  const country = shipping.destination?.country;
  return (
    <Step
      site={site}
      id="shipping"
      number={3}
      title={t.checkoutStepShipping}
      state={state}
      locked={view.progress.locked}
      recap={
        chosen ? (
          <>
            {chosen.name} · {money(shipping.amount)}
            {whenText(t, site.locale, chosen) ? <> · {whenText(t, site.locale, chosen)}</> : null}
          </>
        ) : null
      }
    >
      <FormLine view={view} section="shipping" />
      {shipping.options.length === 0 ? (
        <p class="form-problem">
          {t.checkoutNoShippingTo(country ? countryName(site.locale, country) : '—')}
        </p>
      ) : (
        <form class="form" method="post" action={checkoutPaths.shipping(site)}>
          <CsrfField token={view.csrfToken} />
          <fieldset class="choices" aria-describedby={problems.fields.option ? 'option-error' : undefined}>
            <legend>{t.checkoutChooseShipping}</legend>
            {shipping.options.map((option) => {
              const when = whenText(t, site.locale, option);
              return (
                <label class="choice" key={option.key}>
                  <input
                    type="radio"
                    name="option"
                    value={option.key}
                    checked={option.key === picked}
                    required
                  />
                  <span class="choice-title">
                    {option.type === 'pickup' ? t.checkoutPickupAt(option.location.name) : option.name}
                  </span>
                  <span class="choice-amount">{money(option.amount)}</span>
                  {when ? <span class="choice-note">{when}</span> : null}
                  {option.type === 'pickup' && option.instructions ? (
                    <span class="choice-note">{option.instructions}</span>
                  ) : null}
                </label>
              );
            })}
          </fieldset>
          {problems.fields.option ? (
            <p class="error" id="option-error">
              {problems.fields.option}
            </p>
          ) : null}
          <div class="actions">
            <button class="btn" type="submit">
              {t.checkoutContinue}
            </button>
          </div>
        </form>
      )}
    </Step>
  );
}
