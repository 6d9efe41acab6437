import type { ComponentChildren } from 'preact';
import type { Customer, CustomerAddress } from '../../modules/customers/index.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { CsrfField, Field, FormProblem, Notice, renderAccountPage, SubmitRow } from './account-page.tsx';
import { type AccountNotice, accountPaths } from './account-paths.ts';
import { PostalAddress } from './address-view.tsx';
import type { FormProblems } from './form-problems.ts';

export interface ProfileView {
  customer: Customer;
  csrfToken: string;
  defaultAddress: CustomerAddress | undefined;
  problems: FormProblems;
  /** What the details form shows: the customer's, or what they just typed when it was refused. */
  values?: { firstName?: string | null; lastName?: string | null; phone?: string | null };
  notice?: AccountNotice;
  /** The orders section's content (the orders module fills it); the heading alone until then. */
  orders?: ComponentChildren;
}

/** /account: who is signed in, their details, their default address, their orders; sign out. */
export function renderProfilePage(site: StorefrontSite, view: ProfileView): string {
  const t = messagesFor(site.locale);
  const { customer } = view;
  const values = view.values ?? customer;
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  return renderAccountPage(site, {
    title: t.accountTitle,
    signedIn: true,
    children: (
      <>
        <div class="account-head">
          <div>
            <h1>{t.accountTitle}</h1>
            <p class="muted">{name ? `${name} · ${customer.email}` : customer.email}</p>
          </div>
          <form method="post" action={accountPaths.logout(site)}>
            <CsrfField token={view.csrfToken} />
            <button class="btn btn-quiet" type="submit">
              {t.accountSignOut}
            </button>
          </form>
        </div>
        <Notice site={site} notice={view.notice} />
        <div class="account-grid">
          <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">{t.accountDetailsHeading}</h2>
            <FormProblem problems={view.problems} />
            <form class="form" method="post" action={accountPaths.profile(site)} novalidate>
              <CsrfField token={view.csrfToken} />
              <div class="form-row">
                <Field
                  name="firstName"
                  label={t.accountFirstName}
                  value={values.firstName}
                  autocomplete="given-name"
                  maxLength={100}
                  problems={view.problems}
                />
                <Field
                  name="lastName"
                  label={t.accountLastName}
                  value={values.lastName}
                  autocomplete="family-name"
                  maxLength={100}
                  problems={view.problems}
                />
              </div>
              <Field
                name="phone"
                type="tel"
                label={t.accountPhone}
                optionalLabel={t.accountOptional}
                value={values.phone}
                autocomplete="tel"
                maxLength={40}
                problems={view.problems}
              />
              <SubmitRow label={t.accountSaveDetails} />
            </form>
          </section>
          <section class="panel" aria-labelledby="addresses-heading">
            <h2 id="addresses-heading">{t.accountAddressesHeading}</h2>
            {view.defaultAddress ? (
              <PostalAddress site={site} address={view.defaultAddress} />
            ) : (
              <p class="muted">{t.accountNoAddresses}</p>
            )}
            <p class="links">
              <a href={accountPaths.addresses(site)}>{t.accountManageAddresses}</a>
            </p>
          </section>
        </div>
        <section class="panel" id="orders" aria-labelledby="orders-heading">
          <h2 id="orders-heading">{t.accountOrdersHeading}</h2>
          {view.orders ?? null}
        </section>
        <section class="panel" id="your-data" aria-labelledby="data-heading">
          <h2 id="data-heading">{t.accountDataHeading}</h2>
          <p class="muted">{t.accountDataLead}</p>
          <form method="post" action={accountPaths.dataExport(site)}>
            <CsrfField token={view.csrfToken} />
            <button class="btn btn-quiet" type="submit">
              {t.accountDownloadData}
            </button>
          </form>
        </section>
      </>
    ),
  });
}
