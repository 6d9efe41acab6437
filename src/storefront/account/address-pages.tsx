import { type CustomerAddress, countriesWithRegions } from '../../modules/customers/index.ts';
import { countryCodes } from '../../platform/countries/country-codes.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { countryName } from '../market/country-names.ts';
import type { StorefrontSite } from '../site.ts';
import { CsrfField, Field, FormProblem, Notice, renderAccountPage } from './account-page.tsx';
import { type AccountNotice, accountPaths } from './account-paths.ts';
import { PostalAddress } from './address-view.tsx';
import type { FormProblems } from './form-problems.ts';

/** /account/addresses: the saved addresses, the default first, each with its actions. */
export function renderAddressListPage(
  site: StorefrontSite,
  view: { addresses: CustomerAddress[]; csrfToken: string; notice?: AccountNotice; problems?: FormProblems },
): string {
  const t = messagesFor(site.locale);
  return renderAccountPage(site, {
    title: t.accountAddressesHeading,
    signedIn: true,
    children: (
      <>
        <div class="account-head">
          <div>
            <p class="muted">
              <a href={accountPaths.account(site)}>{t.accountTitle}</a>
            </p>
            <h1>{t.accountAddressesHeading}</h1>
          </div>
          <a class="btn" href={accountPaths.newAddress(site)}>
            {t.accountAddAddress}
          </a>
        </div>
        <Notice site={site} notice={view.notice} />
        {view.problems ? <FormProblem problems={view.problems} /> : null}
        {view.addresses.length === 0 ? (
          <p class="panel muted">{t.accountNoAddresses}</p>
        ) : (
          <ul class="addresses">
            {view.addresses.map((address) => (
              <li key={address.id} class="address-card">
                {address.isDefault ? <span class="badge">{t.accountDefaultAddress}</span> : null}
                <PostalAddress site={site} address={address} />
                <div class="actions">
                  <a class="btn btn-quiet btn-small" href={accountPaths.editAddress(site, address.id)}>
                    {t.accountEdit}
                  </a>
                  {address.isDefault ? null : (
                    <form
                      class="inline-form"
                      method="post"
                      action={accountPaths.defaultAddress(site, address.id)}
                    >
                      <CsrfField token={view.csrfToken} />
                      <button class="btn btn-quiet btn-small" type="submit">
                        {t.accountMakeDefault}
                      </button>
                    </form>
                  )}
                  <form
                    class="inline-form"
                    method="post"
                    action={accountPaths.deleteAddress(site, address.id)}
                  >
                    <CsrfField token={view.csrfToken} />
                    <button class="btn btn-quiet btn-small" type="submit">
                      {t.accountDelete}
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  });
}

/** What an address form shows: a saved address, or what was just typed (all as text). */
export type AddressFormValues = {
  [field in Exclude<keyof CustomerAddress, 'id' | 'customerId' | 'isDefault'>]?: string | null;
} & { isDefault?: boolean };

/**
 * Shows only the chosen country's regions, and the region menu only for countries that have one.
 * Without script the menu lists every country's regions, grouped, and the server checks the pair.
 */
const regionMenuScript = `document.addEventListener('DOMContentLoaded',function(){var c=document.getElementById('f-country'),r=document.getElementById('f-region');if(!c||!r)return;var f=r.closest('.field');function sync(){var any=false;r.querySelectorAll('optgroup').forEach(function(g){var on=g.getAttribute('data-country')===c.value;g.disabled=!on;g.hidden=!on;any=any||on;});var o=r.options[r.selectedIndex];if(o&&o.parentElement&&o.parentElement.disabled)r.value='';f.style.display=any?'':'none';}c.addEventListener('change',sync);sync();});`;

/** /account/addresses/new and /account/addresses/:id/edit. */
export function renderAddressFormPage(
  site: StorefrontSite,
  view: {
    addressId?: string;
    values: AddressFormValues;
    csrfToken: string;
    problems: FormProblems;
    /** The default address cannot be un-defaulted here (another one is made default instead). */
    isDefault?: boolean;
  },
): string {
  const t = messagesFor(site.locale);
  const title = view.addressId ? t.accountEditAddress : t.accountAddAddress;
  const { values, problems } = view;
  const action = view.addressId ? accountPaths.address(site, view.addressId) : accountPaths.addresses(site);
  const countries = countryCodes
    .map((code) => ({ code, name: countryName(site.locale, code) }))
    .sort((a, b) => a.name.localeCompare(b.name, site.locale));
  const regionGroups = countriesWithRegions().map((group) => ({
    ...group,
    name: countryName(site.locale, group.country),
  }));
  const country = values.country ?? '';
  const regionError = problems.fields.region;
  const countryError = problems.fields.country;
  return renderAccountPage(site, {
    title,
    signedIn: true,
    script: regionMenuScript,
    children: (
      <>
        <p class="muted">
          <a href={accountPaths.addresses(site)}>{t.accountAddressesHeading}</a>
        </p>
        <h1>{title}</h1>
        <FormProblem problems={problems} />
        <form class="form panel address-form" method="post" action={action} novalidate>
          <CsrfField token={view.csrfToken} />
          <div class="form-row">
            <Field
              name="firstName"
              label={t.accountFirstName}
              value={values.firstName}
              autocomplete="given-name"
              required
              maxLength={100}
              problems={problems}
            />
            <Field
              name="lastName"
              label={t.accountLastName}
              value={values.lastName}
              autocomplete="family-name"
              required
              maxLength={100}
              problems={problems}
            />
          </div>
          <Field
            name="company"
            label={t.accountCompany}
            optionalLabel={t.accountOptional}
            value={values.company}
            autocomplete="organization"
            maxLength={200}
            problems={problems}
          />
          <Field
            name="line1"
            label={t.accountLine1}
            value={values.line1}
            autocomplete="address-line1"
            required
            maxLength={200}
            problems={problems}
          />
          <Field
            name="line2"
            label={t.accountLine2}
            optionalLabel={t.accountOptional}
            value={values.line2}
            autocomplete="address-line2"
            maxLength={200}
            problems={problems}
          />
          <div class="form-row">
            <Field
              name="postalCode"
              label={t.accountPostalCode}
              value={values.postalCode}
              autocomplete="postal-code"
              maxLength={16}
              problems={problems}
            />
            <Field
              name="city"
              label={t.accountCity}
              value={values.city}
              autocomplete="address-level2"
              required
              maxLength={100}
              problems={problems}
            />
          </div>
          <div class="form-row">
            <div class={`field${countryError ? ' field-error' : ''}`}>
              <label for="f-country">{t.accountCountry}</label>
              <select
                id="f-country"
                name="country"
                autocomplete="country"
                required
                aria-invalid={countryError ? 'true' : undefined}
                aria-describedby={countryError ? 'f-country-error' : undefined}
              >
                <option value="">{t.accountChoose}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code} selected={c.code === country}>
                    {c.name}
                  </option>
                ))}
              </select>
              {countryError ? (
                <p class="error" id="f-country-error">
                  {countryError}
                </p>
              ) : null}
            </div>
            <div class={`field${regionError ? ' field-error' : ''}`}>
              <label for="f-region">{t.accountRegion}</label>
              <select
                id="f-region"
                name="region"
                autocomplete="address-level1"
                aria-invalid={regionError ? 'true' : undefined}
                aria-describedby={regionError ? 'f-region-error' : undefined}
              >
                <option value="">{t.accountChoose}</option>
                {regionGroups.map((group) => (
                  <optgroup key={group.country} label={group.name} data-country={group.country}>
                    {Object.entries(group.regions).map(([code, name]) => (
                      <option key={code} value={code} selected={code === values.region}>
                        {name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {regionError ? (
                <p class="error" id="f-region-error">
                  {regionError}
                </p>
              ) : null}
            </div>
          </div>
          <Field
            name="phone"
            type="tel"
            label={t.accountPhone}
            optionalLabel={t.accountOptional}
            value={values.phone}
            autocomplete="tel"
            maxLength={40}
            problems={problems}
          />
          {view.isDefault ? null : (
            <label class="check">
              <input type="checkbox" name="isDefault" value="on" checked={values.isDefault === true} />
              {t.accountDefaultCheckbox}
            </label>
          )}
          <div class="actions">
            <button class="btn" type="submit">
              {t.accountSaveAddress}
            </button>
            <a class="btn btn-quiet" href={accountPaths.addresses(site)}>
              {t.accountCancel}
            </a>
          </div>
        </form>
      </>
    ),
  });
}
