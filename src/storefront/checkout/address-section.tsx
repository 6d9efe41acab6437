import type { CartAddress } from '../../modules/checkout/index.ts';
import { countriesWithRegions, townLines } from '../../modules/customers/index.ts';
import { CsrfField, Field } from '../account/account-page.tsx';
import { messagesFor, type StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import { byCountryName, countryName } from '../market/country-names.ts';
import type { StorefrontSite } from '../site.ts';
import { type CheckoutView, FormLine, fieldProblems, Step, shown, stepState } from './checkout-page.tsx';
import { checkoutPaths } from './checkout-paths.ts';

/** The address fields of the form, in the order they are filled in (names: `shipping.firstName` …). */
export const addressFieldNames = [
  'country',
  'firstName',
  'lastName',
  'company',
  'line1',
  'line2',
  'postalCode',
  'city',
  'region',
  'phone',
] as const;
export type AddressFieldName = (typeof addressFieldNames)[number];

/**
 * (2) Where the order goes: a saved address of a signed-in customer in one click, or the address
 * form (per country: a region menu where the country needs one; the server checks the postal code);
 * billing the same as shipping unless the shopper says otherwise.
 */
export function AddressSection({ site, view }: { site: StorefrontSite; view: CheckoutView }) {
  const t = messagesFor(site.locale);
  const state = stepState(view, 'address');
  const { cart } = view;
  const title = view.priced.shipping.required ? t.checkoutStepAddress : t.checkoutStepAddressOnly;
  const posted = view.problems?.section === 'address';
  const differentBilling = posted ? view.values.billingSame !== 'on' : cart.billingAddress !== null;
  return (
    <Step
      site={site}
      id="address"
      number={2}
      title={title}
      state={state}
      locked={view.progress.locked}
      recap={cart.shippingAddress ? <AddressLines site={site} address={cart.shippingAddress} /> : null}
    >
      <FormLine view={view} section="address" />
      {view.savedAddresses.length > 0 ? (
        <form class="saved-addresses form" method="post" action={checkoutPaths.address(site)}>
          <CsrfField token={view.csrfToken} />
          <fieldset class="choices">
            <legend>{t.checkoutSavedAddresses}</legend>
            {view.savedAddresses.map((address, i) => (
              <label class="choice" key={address.id}>
                <input type="radio" name="savedAddressId" value={address.id} checked={i === 0} />
                <span class="choice-title">
                  {address.firstName} {address.lastName}
                </span>
                <span />
                <span class="choice-note">
                  {[address.line1, townLines(address)[0], countryName(site.locale, address.country)].join(
                    ', ',
                  )}
                </span>
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button class="btn btn-quiet" type="submit">
              {t.checkoutUseAddress}
            </button>
          </div>
        </form>
      ) : null}
      <form class="form" method="post" action={checkoutPaths.address(site)} novalidate>
        <CsrfField token={view.csrfToken} />
        <AddressFields site={site} view={view} prefix="shipping" saved={cart.shippingAddress} />
        <label class="check same-billing">
          <input type="checkbox" name="billingSame" value="on" checked={!differentBilling} />
          {t.checkoutBillingSame}
        </label>
        <div class="billing-fields">
          <h3>{t.checkoutBillingAddress}</h3>
          <AddressFields site={site} view={view} prefix="billing" saved={cart.billingAddress} />
        </div>
        <div class="actions">
          <button class="btn" type="submit">
            {t.checkoutContinue}
          </button>
        </div>
      </form>
    </Step>
  );
}

function AddressFields(props: {
  site: StorefrontSite;
  view: CheckoutView;
  prefix: 'shipping' | 'billing';
  saved: CartAddress | null;
}) {
  const { site, view, prefix, saved } = props;
  const t = messagesFor(site.locale);
  const problems = fieldProblems(view, 'address');
  const name = (field: AddressFieldName) => `${prefix}.${field}`;
  const value = (field: AddressFieldName) =>
    shown(
      view,
      'address',
      name(field),
      field === 'country' ? (saved?.country ?? view.priced.country) : saved?.[field],
    );
  const text = (
    field: AddressFieldName,
    label: string,
    more: { autocomplete: string; required?: boolean; max: number },
  ) => (
    <Field
      name={name(field)}
      label={label}
      value={value(field)}
      autocomplete={`${prefix === 'billing' ? 'billing ' : 'shipping '}${more.autocomplete}`}
      required={more.required}
      optionalLabel={more.required ? undefined : t.accountOptional}
      maxLength={more.max}
      problems={problems}
    />
  );
  return (
    <>
      <CountrySelect
        site={site}
        t={t}
        name={name('country')}
        value={value('country')}
        countries={view.countries}
        error={problems.fields[name('country')]}
      />
      <div class="form-row">
        {text('firstName', t.accountFirstName, { autocomplete: 'given-name', required: true, max: 100 })}
        {text('lastName', t.accountLastName, { autocomplete: 'family-name', required: true, max: 100 })}
      </div>
      {text('company', t.accountCompany, { autocomplete: 'organization', max: 200 })}
      {text('line1', t.accountLine1, { autocomplete: 'address-line1', required: true, max: 200 })}
      {text('line2', t.accountLine2, { autocomplete: 'address-line2', max: 200 })}
      <div class="form-row">
        {text('postalCode', t.accountPostalCode, { autocomplete: 'postal-code', required: true, max: 16 })}
        {text('city', t.accountCity, { autocomplete: 'address-level2', required: true, max: 100 })}
      </div>
      <RegionSelect
        t={t}
        name={name('region')}
        countryField={`f-${name('country')}`}
        value={value('region')}
        error={problems.fields[name('region')]}
        locale={site.locale}
      />
      {text('phone', t.accountPhone, { autocomplete: 'tel', max: 40 })}
    </>
  );
}

function CountrySelect(props: {
  site: StorefrontSite;
  t: StorefrontMessages;
  name: string;
  value: string;
  countries: readonly string[];
  error: string | undefined;
}) {
  const { t, name, value, error } = props;
  const id = `f-${name}`;
  const codes = byCountryName(props.site.locale, value ? [...props.countries, value] : props.countries);
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>{t.accountCountry}</label>
      <select
        id={id}
        name={name}
        autocomplete={name.startsWith('billing') ? 'billing country' : 'shipping country'}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t.accountChoose}</option>
        {codes.map((code) => (
          <option key={code} value={code} selected={code === value}>
            {countryName(props.site.locale, code)}
          </option>
        ))}
      </select>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The region menu: every listed country's regions, grouped; the script shows the chosen country's only. */
function RegionSelect(props: {
  t: StorefrontMessages;
  name: string;
  countryField: string;
  value: string;
  error: string | undefined;
  locale: string;
}) {
  const { t, name, value, error } = props;
  const id = `f-${name}`;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>{t.accountRegion}</label>
      <select
        id={id}
        name={name}
        data-country-for={props.countryField}
        autocomplete="address-level1"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t.accountChoose}</option>
        {countriesWithRegions().map((group) => (
          <optgroup
            key={group.country}
            label={countryName(props.locale, group.country)}
            data-country={group.country}
          >
            {Object.entries(group.regions).map(([code, regionLabel]) => (
              <option key={code} value={code} selected={code === value}>
                {regionLabel}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An address as a recap shows it. */
export function AddressLines({ site, address }: { site: StorefrontSite; address: CartAddress }) {
  const lines = [
    `${address.firstName} ${address.lastName}`,
    address.company,
    address.line1,
    address.line2,
    ...townLines(address),
    countryName(site.locale, address.country),
    address.phone,
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
